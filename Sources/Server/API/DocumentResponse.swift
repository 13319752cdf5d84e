import Hummingbird
import IndexStore

/// `GET /api/documents/{id}`: a stored document's metadata and its passages, numbered as
/// search results number them (`passage` in a hit is an index into `passages`, footnotes
/// coming after the body passages).
struct DocumentResponse: ResponseEncodable {
    struct Passage: Encodable {
        var passage: Int
        var heading: String?
        var text: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(passage, forKey: .passage)
            try container.encode(heading, forKey: .heading)
            try container.encode(text, forKey: .text)
        }

        private enum CodingKeys: String, CodingKey { case passage, heading, text }
    }

    var id: String
    var title: String?
    var date: String?
    var type: String
    var dossier: String?
    var dossiers: [String]
    var number: String?
    var ministry: String?
    var authors: [String]
    var identifiers: [String]
    var source: String
    var passages: [Passage]

    init(_ document: StoredDocument) {
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
        source = document.source
        passages = document.retrievalUnits.enumerated().map { Passage(passage: $0, heading: $1.heading, text: $1.text) }
    }

    /// Optional fields are written as `null` rather than left out, as in search results.
    func encode(to encoder: Encoder) throws {
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
        try container.encode(source, forKey: .source)
        try container.encode(passages, forKey: .passages)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, date, type, dossier, dossiers, number, ministry, authors, identifiers, source, passages
    }
}
