import Ingest
import IndexStore

extension StoredDocument {
    /// The record the index keeps of an extracted document.
    init(_ document: Document, file: SourceFile) {
        self.init(
            id: document.id, source: file.path, rootLength: Self.rootLength(of: file), fileSize: file.size, modificationTime: file.modificationTime,
            contentHash: document.contentHash, format: document.format.rawValue, title: document.title,
            date: document.date, type: document.type.rawValue, dossiers: document.dossiers,
            documentNumber: document.documentNumber, identifiers: document.identifiers,
            ministry: document.ministry, url: document.url, authors: document.authors,
            passages: document.passages.map { StoredPassage(heading: $0.heading, text: $0.text, start: $0.start, end: $0.end) },
            notes: document.notes.map { StoredNote(label: $0.label, text: $0.text) },
            warnings: document.warnings)
    }

    /// The bytes of `file.path` that name its root and the slash after it (none for the
    /// working directory's own files, whose paths are already relative).
    static func rootLength(of file: SourceFile) -> Int {
        guard file.root != ".", !file.root.isEmpty else { return 0 }
        let prefix = file.root.hasSuffix("/") ? file.root : file.root + "/"
        return file.path.hasPrefix(prefix) ? prefix.utf8.count : 0
    }
}
