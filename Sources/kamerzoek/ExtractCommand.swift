import ArgumentParser
import Foundation
import Ingest

/// `kamerzoek extract FILE`: shows what the indexer would store for one file.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show the document (metadata, passages, notes, warnings) extracted from a file.",
        discussion: """
            Reads text, Markdown and XML (KOOP publications, Tweede Kamer SyncFeed, ParlaMint, \
            BWB laws, Rechtspraak, any other XML). The document id is the file's path without \
            extension, relative to --root when given; KOOP publications use their own identifier.
            """
    )

    @Argument(help: "The file to extract.")
    var file: String

    @Option(name: .long, help: "The indexed root that the document id is relative to.")
    var root: String?

    @Flag(name: .long, help: "Print the document as one JSON object.")
    var json = false

    func run() throws {
        let outcome: ExtractionOutcome
        do {
            outcome = try Extractor().extract(fileAt: file, relativeTo: root)
        } catch {
            throw CommandFailure("\(error)")
        }
        switch outcome {
        case .skipped(let reason):
            throw CommandFailure("skipped '\(file)': \(reason)")
        case .document(let document):
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted, .sortedKeys]
                let data = try encoder.encode(ExtractedDocument(document))
                print(String(decoding: data, as: UTF8.self))
            } else {
                print(ExtractedDocument.readable(document))
            }
        }
    }
}

/// The `extract --json` shape; these field names are a contract (fields may be added).
struct ExtractedDocument: Encodable {
    struct PassageRow: Encodable {
        var ordinal: Int
        var heading: String?
        var text: String
        var start: Int
        var end: Int

        enum CodingKeys: String, CodingKey { case ordinal, heading, text, start, end }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ordinal, forKey: .ordinal)
            try container.encode(heading, forKey: .heading)
            try container.encode(text, forKey: .text)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        }
    }

    struct NoteRow: Encodable {
        var label: String?
        var text: String

        enum CodingKeys: String, CodingKey { case label, text }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(text, forKey: .text)
        }
    }

    var id: String
    var title: String?
    var date: String?
    var type: String
    var dossier: String?
    var dossiers: [String]
    var documentNumber: String?
    var identifiers: [String]
    var ministry: String?
    var authors: [String]
    var source: String
    var format: String
    var contentHash: String
    var passages: [PassageRow]
    var notes: [NoteRow]
    var warnings: [String]

    init(_ document: Document) {
        id = document.id
        title = document.title
        date = document.date
        type = document.type.rawValue
        dossier = document.dossier
        dossiers = document.dossiers
        documentNumber = document.documentNumber
        identifiers = document.identifiers
        ministry = document.ministry
        authors = document.authors
        source = document.source
        format = document.format.rawValue
        contentHash = document.contentHash
        passages = document.passages.map { PassageRow(ordinal: $0.ordinal, heading: $0.heading, text: $0.text, start: $0.start, end: $0.end) }
        notes = document.notes.map { NoteRow(label: $0.label, text: $0.text) }
        warnings = document.warnings
    }

    enum CodingKeys: String, CodingKey {
        case id, title, date, type, dossier, dossiers, identifiers, ministry, authors, source, format, passages, notes, warnings
        case documentNumber = "document_number"
        case contentHash = "content_hash"
    }

    // Optional fields are written as null rather than left out: the shape stays fixed.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(type, forKey: .type)
        try container.encode(dossier, forKey: .dossier)
        try container.encode(dossiers, forKey: .dossiers)
        try container.encode(documentNumber, forKey: .documentNumber)
        try container.encode(identifiers, forKey: .identifiers)
        try container.encode(ministry, forKey: .ministry)
        try container.encode(authors, forKey: .authors)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(passages, forKey: .passages)
        try container.encode(notes, forKey: .notes)
        try container.encode(warnings, forKey: .warnings)
    }

    static func readable(_ document: Document) -> String {
        var lines = [String]()
        func field(_ name: String, _ value: String?) {
            lines.append(name.padding(toLength: 10, withPad: " ", startingAt: 0) + (value ?? "—"))
        }
        field("id", document.id)
        field("title", document.title)
        field("date", document.date)
        field("type", document.type.rawValue)
        field("dossier", document.dossiers.isEmpty ? nil : document.dossiers.joined(separator: ", "))
        field("number", document.documentNumber)
        if !document.identifiers.isEmpty { field("ids", document.identifiers.joined(separator: ", ")) }
        if let ministry = document.ministry { field("ministry", ministry) }
        if !document.authors.isEmpty { field("authors", document.authors.joined(separator: "; ")) }
        field("source", document.source)
        field("format", document.format.rawValue)
        field("sha256", document.contentHash)
        lines.append("")
        var lastHeading: String?
        for passage in document.passages {
            if let heading = passage.heading, heading != lastHeading { lines.append("## \(heading)") }
            lastHeading = passage.heading
            lines.append("[\(passage.ordinal)] \(passage.text)")
            lines.append("")
        }
        if !document.notes.isEmpty {
            lines.append("Notes")
            for note in document.notes { lines.append("  \(note.label.map { "\($0) " } ?? "")\(note.text)") }
        }
        if !document.warnings.isEmpty {
            lines.append("Warnings")
            for warning in document.warnings { lines.append("  \(warning)") }
        }
        return lines.joined(separator: "\n")
    }
}
