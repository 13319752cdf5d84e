/// One extracted document: what the indexer stores and what `kamerzoek extract` shows.
public struct Document: Sendable, Codable, Equatable {
    /// Stable across re-indexing: the KOOP identifier (`kst-28345-252`) for KOOP XML,
    /// otherwise the path relative to the indexed root without its extension.
    public var id: String
    /// The path the document was read from, as given to the extractor.
    public var source: String
    /// SHA-256 of the raw file bytes, hex; tells the indexer whether a file changed.
    public var contentHash: String
    public var format: SourceFormat
    public var title: String?
    /// ISO 8601 calendar date, `yyyy-mm-dd`.
    public var date: String?
    public var type: DocumentType
    /// Dossier (Kamerstuk) numbers as bare digits (`36 658` → `36658`), main one first.
    public var dossiers: [String]
    /// The number within the dossier (`252`, `4`), or the document number of a
    /// Tweede Kamer record (`2022D06725`).
    public var documentNumber: String?
    /// Other identifiers found: Kamervragen numbers (`2025Z19210`), `ah-tk-…`, ECLI.
    public var identifiers: [String]
    public var ministry: String?
    /// The official publication's address, derived from an identifier the document
    /// states (KOOP, ECLI, BWB); nil when none can be derived.
    public var url: String?
    /// Authors, questioners or signatories, as written.
    public var authors: [String]
    public var passages: [Passage]
    public var notes: [Note]
    /// What went wrong or was repaired while reading; each names the file.
    public var warnings: [String]

    public init(
        id: String, source: String, contentHash: String, format: SourceFormat,
        title: String? = nil, date: String? = nil, type: DocumentType = .overig,
        dossiers: [String] = [], documentNumber: String? = nil, identifiers: [String] = [],
        ministry: String? = nil, url: String? = nil, authors: [String] = [], passages: [Passage] = [],
        notes: [Note] = [], warnings: [String] = []
    ) {
        self.id = id
        self.source = source
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

    /// The main dossier number, as the search result's `dossier` field shows it.
    public var dossier: String? { dossiers.first }

    /// The cleaned document text that passage offsets point into: the passages joined
    /// by a blank line. Headings are not part of it; they travel with each passage.
    public var text: String { passages.map(\.text).joined(separator: "\n\n") }
}
