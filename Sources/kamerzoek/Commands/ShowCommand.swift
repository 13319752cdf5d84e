import ArgumentParser
import IndexStore

/// `kamerzoek show ID`: a stored document as the index has it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a stored document by its id.")

    @Argument(help: "The document id, as search results and `extract` show it.")
    var id: String

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Print the document as JSON.")
    var json = false

    func run() throws {
        let stored: StoredDocument?
        do {
            stored = try IndexSnapshot.open(directory: index.directory).storedDocument(id: id)
        } catch {
            throw CommandFailure("\(error)")
        }
        guard let document = stored else {
            throw CommandFailure("There is no document with id '\(id)' in \(index.directory).")
        }
        if json {
            try JSONOutput.print(StoredDocumentJSON(document), pretty: true)
        } else {
            print(StoredDocumentJSON.readable(document))
        }
    }
}

/// The `show --json` shape: the `extract --json` fields plus what the index adds.
struct StoredDocumentJSON: Encodable {
    struct PassageJSON: Encodable {
        var heading: String?
        var text: String
    }

    struct NoteJSON: Encodable {
        var label: String?
        var text: String
    }

    var id, source, type, content_hash, format: String
    var title, date, number, ministry: String?
    var dossier: String?
    var dossiers, identifiers, authors, warnings: [String]
    var passages: [PassageJSON]
    var notes: [NoteJSON]

    init(_ document: StoredDocument) {
        id = document.id
        source = document.source
        type = document.type
        content_hash = document.contentHash
        format = document.format
        title = document.title
        date = document.date
        number = document.documentNumber
        ministry = document.ministry
        dossier = document.dossiers.first
        dossiers = document.dossiers
        identifiers = document.identifiers
        authors = document.authors
        warnings = document.warnings
        passages = document.passages.map { PassageJSON(heading: $0.heading, text: $0.text) }
        notes = document.notes.map { NoteJSON(label: $0.label, text: $0.text) }
    }

    static func readable(_ document: StoredDocument) -> String {
        var lines = [
            "id       \(document.id)", "title    \(document.title ?? "—")", "date     \(document.date ?? "—")",
            "type     \(document.type)", "dossier  \(document.dossiers.joined(separator: ", "))", "source   \(document.source)", "",
        ]
        for passage in document.passages {
            if let heading = passage.heading { lines.append("## \(heading)") }
            lines.append(passage.text)
            lines.append("")
        }
        for note in document.notes { lines.append("[\(note.label ?? "*")] \(note.text)") }
        return lines.joined(separator: "\n")
    }
}
