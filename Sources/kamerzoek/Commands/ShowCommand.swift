import ArgumentParser
import IndexStore

/// `kamerzoek show ID`: a stored document as the index has it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a stored document by its id.")

    @Argument(help: "The document id, as search results and `extract` show it.")
    var id: String

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Print the document as JSON, as GET /api/documents/ID answers.")
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
            try JSONOutput.print(DocumentView(document), pretty: true)
        } else {
            print(StoredDocumentText.readable(document))
        }
    }
}

/// The human rendering of a stored document.
enum StoredDocumentText {
    static func readable(_ document: StoredDocument) -> String {
        var lines = [
            "id       \(document.id)", "title    \(document.title ?? "—")", "date     \(document.date ?? "—")",
            "type     \(document.type)", "dossier  \(document.dossiers.joined(separator: ", "))", "source   \(document.relativeSource)", "url      \(document.url ?? "—")", "",
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
