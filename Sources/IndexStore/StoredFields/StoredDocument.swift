/// A document as the index keeps it: everything needed to show it, to filter on it, to
/// decide whether its file changed, and to index it again (a touched file is re-indexed
/// from its record, without extraction).
///
/// The index has its own record type instead of storing the extractor's model, so that
/// the on-disk format changes only when this type does (docs/INDEX_FORMAT.md, `.sto`).
public struct StoredDocument: Sendable, Equatable {
    public var id: String
    /// Path of the source file as the indexer found it (what change detection compares).
    public var source: String
    /// How many leading bytes of `source` name the indexed root and its slash:
    /// `relativeSource` is what users are shown, never a server's absolute path.
    public var rootLength: Int
    /// Change detection: size and modification time first, then the content hash.
    public var fileSize: UInt64
    /// Nanoseconds since 1970.
    public var modificationTime: Int64
    public var contentHash: String
    public var format: String
    public var title: String?
    /// ISO 8601 `yyyy-mm-dd`.
    public var date: String?
    public var type: String
    public var dossiers: [String]
    public var documentNumber: String?
    public var identifiers: [String]
    public var ministry: String?
    /// The official publication's address (docs/INGEST.md), nil when none is known.
    public var url: String?
    public var authors: [String]
    public var passages: [StoredPassage]
    public var notes: [StoredNote]
    public var warnings: [String]

    public init(
        id: String, source: String, rootLength: Int = 0, fileSize: UInt64 = 0, modificationTime: Int64 = 0, contentHash: String,
        format: String = "text", title: String? = nil, date: String? = nil, type: String = "overig",
        dossiers: [String] = [], documentNumber: String? = nil, identifiers: [String] = [],
        ministry: String? = nil, url: String? = nil, authors: [String] = [], passages: [StoredPassage] = [],
        notes: [StoredNote] = [], warnings: [String] = []
    ) {
        self.id = id
        self.source = source
        self.rootLength = min(max(rootLength, 0), source.utf8.count)
        self.fileSize = fileSize
        self.modificationTime = modificationTime
        self.contentHash = contentHash
        self.format = format
        self.title = title
        self.date = date
        self.type = type
        self.dossiers = dossiers
        self.documentNumber = documentNumber
        self.identifiers = identifiers
        self.ministry = ministry
        self.url = url
        self.authors = authors
        self.passages = passages
        self.notes = notes
        self.warnings = warnings
    }

    /// The path relative to the indexed root.
    public var relativeSource: String { DocumentEntry.relative(source, rootLength: rootLength) }

    /// Retrieval units in index order: the passages, then one per footnote, so that the
    /// text of notes is searchable too (as its own unit: no phrase runs into a footnote).
    public var retrievalUnits: [StoredPassage] {
        passages + notes.enumerated().map { index, note in
            StoredPassage(heading: "Noot \(note.label ?? String(index + 1))", text: note.text, start: 0, end: 0)
        }
    }
}

public struct StoredPassage: Sendable, Equatable {
    public var heading: String?
    public var text: String
    /// UTF-8 offsets of the passage in the document's cleaned text.
    public var start: Int
    public var end: Int

    public init(heading: String?, text: String, start: Int, end: Int) {
        self.heading = heading
        self.text = text
        self.start = start
        self.end = end
    }
}

public struct StoredNote: Sendable, Equatable {
    public var label: String?
    public var text: String

    public init(label: String?, text: String) {
        self.label = label
        self.text = text
    }
}
