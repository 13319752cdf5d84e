/// A stored document as machine output: the one JSON shape of `kamerzoek show --json` and
/// `GET /api/documents/{id}` (its schema is in the server's OpenAPI document). Passages are
/// numbered as search results number them (`passage` in a hit is an index into
/// `passages`, footnotes coming after the body passages).
public struct DocumentView: Encodable, Sendable {
    public struct Passage: Encodable, Sendable {
        public var passage: Int
        public var heading: String?
        public var text: String

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(passage, forKey: .passage)
            try container.encode(heading, forKey: .heading)
            try container.encode(text, forKey: .text)
        }

        private enum CodingKeys: String, CodingKey { case passage, heading, text }
    }

    public var id: String
    public var title: String?
    public var date: String?
    public var type: String
    public var dossier: String?
    public var dossiers: [String]
    public var number: String?
    public var ministry: String?
    public var authors: [String]
    public var identifiers: [String]
    /// The official publication's address, when one is known.
    public var url: String?
    /// The path relative to the indexed root.
    public var source: String
    public var contentHash: String
    public var format: String
    public var warnings: [String]
    public var passages: [Passage]

    public init(_ document: StoredDocument) {
        id = document.id
        title = document.title
        date = document.date
        type = document.type
        dossier = document.dossiers.first
        dossiers = document.dossiers
        number = document.documentNumber
        ministry = document.ministry
        authors = document.authors
        identifiers = document.identifiers
        url = document.url
        source = document.relativeSource
        contentHash = document.contentHash
        format = document.format
        warnings = document.warnings
        passages = document.retrievalUnits.enumerated().map { Passage(passage: $0, heading: $1.heading, text: $1.text) }
    }

    /// Optional fields are written as `null` rather than left out, as in search results.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(type, forKey: .type)
        try container.encode(dossier, forKey: .dossier)
        try container.encode(dossiers, forKey: .dossiers)
        try container.encode(number, forKey: .number)
        try container.encode(ministry, forKey: .ministry)
        try container.encode(authors, forKey: .authors)
        try container.encode(identifiers, forKey: .identifiers)
        try container.encode(url, forKey: .url)
        try container.encode(source, forKey: .source)
        try container.encode(contentHash, forKey: .content_hash)
        try container.encode(format, forKey: .format)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(passages, forKey: .passages)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, date, type, dossier, dossiers, number, ministry, authors, identifiers, url, source, content_hash, format, warnings, passages
    }
}
