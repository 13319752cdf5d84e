/// The answer to a search: the JSON contract of ARCHITECTURE.md, shared by
/// `kamerzoek search --json` and `GET /api/search`. Fields may be added, never renamed.
public struct SearchResult: Codable, Sendable, Equatable {
    public var query: String
    /// Matching passages (after filters and deletions), exact unless `total_is_exact` is false.
    public var total: Int
    public var total_is_exact: Bool
    /// Documents with at least one matching passage (the groups that pagination counts).
    public var documents: Int
    public var took_ms: Double
    /// The time budget ran out: what was found so far, ranked.
    public var partial: Bool
    public var results: [SearchHit]
    /// Per field asked for (``SearchOptions/facets``), the matching documents counted by
    /// value: `{"type": [{"value": "brief", "count": 12}, …], …}`. Absent unless asked for.
    public var facets: [String: [FacetValue]]? = nil
    /// Whether the facets count every matching document: false when counting stopped at
    /// the count limit (or the time budget), as `total_is_exact` says; then they count the
    /// documents counted so far. Absent without facets.
    public var facets_exact: Bool? = nil
    /// "Did you mean": the query with its misspelt words replaced, when the search found
    /// few documents and such words were found (``QuerySuggester``). Absent otherwise.
    public var suggestion: String? = nil
}

public struct SearchHit: Codable, Sendable, Equatable {
    public var doc_id: String
    /// The passage's ordinal within its document (footnotes follow the passages).
    public var passage: Int
    public var score: Double
    public var title: String?
    public var date: String?
    public var type: String
    public var dossier: String?
    public var heading: String?
    /// The path relative to the indexed root.
    public var source: String
    /// The official publication's address, when one is known.
    public var url: String?
    /// HTML: the text around the best hits, escaped, hits in `<mark>`.
    public var snippet: String
    /// The same snippet as plain text with its hits marked, for what is not HTML: the
    /// terminal, the CSV export, the feed's summaries. Not part of the JSON (the contract
    /// has `snippet`), so a decoded hit has none; nil too when snippets were not asked for.
    public var plainSnippet: Snippet? = nil
    /// How many passages of other documents ranked lower have (nearly) the same text as
    /// this one and were folded into it (only on a document's first hit).
    public var similar: Int
    /// Those passages, in rank order.
    public var similar_passages: [SimilarPassage]
    /// False for the documents that follow those with every word of an AND query and have
    /// only some of them (``SearchOptions/fillWithSomeWords``).
    public var all_words: Bool

    private enum CodingKeys: String, CodingKey {
        case doc_id, passage, score, title, date, type, dossier, heading, source, url, snippet
        case similar, similar_passages, all_words
    }

    public init(
        doc_id: String, passage: Int, score: Double, title: String?, date: String?, type: String, dossier: String?,
        heading: String?, source: String, url: String?, snippet: String, plainSnippet: Snippet?,
        similar: Int = 0, similar_passages: [SimilarPassage] = [], all_words: Bool = true
    ) {
        self.doc_id = doc_id
        self.passage = passage
        self.score = score
        self.title = title
        self.date = date
        self.type = type
        self.dossier = dossier
        self.heading = heading
        self.source = source
        self.url = url
        self.snippet = snippet
        self.plainSnippet = plainSnippet
        self.similar = similar
        self.similar_passages = similar_passages
        self.all_words = all_words
    }

    /// Writes exactly the contract's fields, the optional ones as `null` rather than left
    /// out (the synthesized encoder would drop them). This is the one place a hit is shaped
    /// for JSON: `kamerzoek search --json` and `GET /api/search` both encode it as it is.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEvery([
            .doc_id: doc_id, .passage: passage, .score: score, .title: title, .date: date, .type: type, .dossier: dossier,
            .heading: heading, .source: source, .url: url, .snippet: snippet,
            .similar: similar, .similar_passages: similar_passages, .all_words: all_words,
        ])
    }
}

/// A passage folded into a result because its text is (nearly) the same.
public struct SimilarPassage: Codable, Sendable, Equatable {
    public var doc_id: String
    public var passage: Int
    public var title: String?
    public var date: String?
    public var type: String
    public var url: String?

    public init(doc_id: String, passage: Int, title: String?, date: String?, type: String, url: String?) {
        self.doc_id = doc_id
        self.passage = passage
        self.title = title
        self.date = date
        self.type = type
        self.url = url
    }

    private enum CodingKeys: String, CodingKey { case doc_id, passage, title, date, type, url }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEvery([.doc_id: doc_id, .passage: passage, .title: title, .date: date, .type: type, .url: url])
    }
}

extension KeyedEncodingContainer {
    /// Encodes every value under its key, an absent optional as `null`: the JSON contract
    /// lists every field, where the synthesized encoder would leave out the nil ones.
    mutating func encodeEvery(_ fields: KeyValuePairs<Key, any Encodable>) throws {
        for (key, value) in fields { try encode(value, forKey: key) }
    }
}

/// How results are ordered. The raw values are the API's `sort` values.
public enum SortOrder: String, Sendable, CaseIterable {
    case relevance
    /// Newest first; undated documents last; ties by relevance.
    case date
    /// Oldest first; undated documents last (as in newest first); ties by relevance.
    case dateAscending = "date_asc"

    /// What `kamerzoek search --sort` takes: the API's values (`relevance`, `date`,
    /// `date_asc`) and the words `newest` and `oldest`, in any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "newest": self = .date
        case "oldest": self = .dateAscending
        default: self.init(rawValue: name.lowercased())
        }
    }

    /// Orders documents by date in this order: a larger key comes first. Undated documents
    /// (date 0) have key 0, last in both date orders; oldest first turns the dates round.
    func dateKey(_ date: UInt32) -> UInt32 {
        self == .dateAscending && date != 0 ? UInt32.max - date : date
    }
}

/// What a caller may ask of one search.
public struct SearchOptions: Sendable {
    public var limit = 10
    public var offset = 0
    public var sort = SortOrder.relevance
    /// Passages shown per document (the best ones), at least 1.
    public var perDocument = 1
    /// When the budget is spent, the search returns what it has with `partial: true`.
    public var timeBudget: Duration = .seconds(2)
    public var snippets = true
    /// Filters from outside the query text (the HTTP endpoint's `type=`, `dossier=`, …).
    public var filters: [DocumentFilter] = []
    /// Visit and score every match instead of skipping what cannot reach the page: the
    /// same results, slower; for tests and benchmarks that check the pruning.
    public var exhaustive = false
    /// Count every match. Off, a search may stop counting once it has seen
    /// ``countLimit`` matching passages and skip what cannot reach the page; `total` is
    /// then a lower bound and `total_is_exact` false (Elasticsearch's `track_total_hits`).
    public var exactTotal = false
    /// Fold results whose shown passage is (nearly) the same text as a better-ranked
    /// one's into it (``SearchHit/similar``); off, every matching document is listed.
    public var foldSimilar = true
    /// When an AND of two or more words has fewer documents than the page reaches, go on
    /// with the documents that have some of the words (ranked as their OR), marked
    /// ``SearchHit/all_words`` false. `total` and `documents` count only documents with
    /// every word. Off, the results end with the last document with every word.
    public var fillWithSomeWords = true
    /// Count the matching documents per value of these fields (``SearchResult/facets``).
    public var facets: [FacetField] = []
    /// Look for a "did you mean" (``SearchResult/suggestion``) when the search finds fewer
    /// than ``suggestionBelow`` documents.
    public var suggest = true
    /// Suggestions are looked for only below this many matching documents (a first page):
    /// searches that find enough never pay for them.
    public static let suggestionBelow = 10
    /// Below this many matching passages `total` is always exact.
    public static let countLimit = 10_000

    public init() {}
}
