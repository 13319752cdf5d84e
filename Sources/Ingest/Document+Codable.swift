/// The JSON form of a document, shared by `kamerzoek extract --json` and anything else
/// that shows documents. The key names are a contract (ARCHITECTURE.md): fields may be
/// added, never renamed. They are the names of the API's document (`kamerzoek show
/// --json`, `GET /api/documents/{id}`) for what both show, so a script reads an extracted
/// and a stored document alike: `number`, a passage's `passage`. Optional values are
/// written as `null`, not left out, so the shape is the same for every document;
/// `dossier` (the main dossier) is written for readers of the search-result shape and
/// ignored when decoding.
extension Document {
    enum CodingKeys: String, CodingKey {
        case id, source, format, title, date, type, dossier, dossiers, identifiers, ministry, url, authors, passages, notes, warnings
        case contentHash = "content_hash"
        case documentNumber = "number"
    }

    public func encode(to encoder: Encoder) throws {
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
        try container.encode(url, forKey: .url)
        try container.encode(authors, forKey: .authors)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(passages, forKey: .passages)
        try container.encode(notes, forKey: .notes)
        try container.encode(warnings, forKey: .warnings)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            source: try container.decode(String.self, forKey: .source),
            contentHash: try container.decode(String.self, forKey: .contentHash),
            format: try container.decode(SourceFormat.self, forKey: .format),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            date: try container.decodeIfPresent(String.self, forKey: .date),
            type: try container.decode(DocumentType.self, forKey: .type),
            dossiers: try container.decode([String].self, forKey: .dossiers),
            documentNumber: try container.decodeIfPresent(String.self, forKey: .documentNumber),
            identifiers: try container.decode([String].self, forKey: .identifiers),
            ministry: try container.decodeIfPresent(String.self, forKey: .ministry),
            url: try container.decodeIfPresent(String.self, forKey: .url),
            authors: try container.decode([String].self, forKey: .authors),
            passages: try container.decode([Passage].self, forKey: .passages),
            notes: try container.decode([Note].self, forKey: .notes),
            warnings: try container.decode([String].self, forKey: .warnings)
        )
    }
}

extension Passage {
    /// `passage`, as a search hit and the API's document number passages.
    enum CodingKeys: String, CodingKey {
        case ordinal = "passage"
        case heading, text, start, end
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ordinal, forKey: .ordinal)
        try container.encode(heading, forKey: .heading)
        try container.encode(text, forKey: .text)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

extension Note {
    enum CodingKeys: String, CodingKey { case label, text }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(text, forKey: .text)
    }
}
