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

    @Flag(name: .long, help: "Print the document as one JSON object (a file holding several documents, such as a ParlSpeech export, gives an array of them).")
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
            try show(document)
        case .documents(let documents):
            if json {
                try show(documents)
            } else {
                print(documents.map(ExtractedDocument.readable).joined(separator: "\n\n"))
            }
        }
    }

    private func show(_ document: Document) throws {
        guard json else {
            print(ExtractedDocument.readable(document))
            return
        }
        try show([document], asArray: false)
    }

    private func show(_ documents: [Document], asArray: Bool = true) throws {
        if asArray { try JSONOutput.print(documents, pretty: true) } else { try JSONOutput.print(documents[0], pretty: true) }
    }
}

/// Human-readable output of `extract`; `--json` encodes `Document` itself, whose
/// Codable form (Ingest's `Document+Codable.swift`) is the contract.
enum ExtractedDocument {
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
        if let url = document.url { field("url", url) }
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
