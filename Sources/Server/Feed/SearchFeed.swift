import Foundation
import Search

/// `GET /feeds/search.atom`: a saved search as an Atom feed, for alerts. The newest 50
/// documents that match, newest first (the engine's date order), one entry per document.
///
/// What the feed's parameters mean, beyond `/api/search`'s:
/// - Only `q`, `type`, `dossier`, `from`, `to` and `fold` change the feed. The page's own
///   parameters (`limit`, `offset`, `sort`, `per_doc`, `exact_total`, `facets`) are read
///   and checked as for `/api/search` and otherwise ignored, so a search URL works as a
///   feed URL whatever it carries; facets and suggestions are never computed for a feed.
/// - Only documents that match the query: `some_words` is always false. The documents
///   with some of the words come after all those with every word, out of date order, and
///   an alert on a query should not announce documents that do not match it.
/// - Only dated documents. An entry needs a time (`updated`) that stays the same as long
///   as the document does; the index keeps no time a document was first indexed (only
///   its file's modification time, which changes when a file is copied or touched and
///   would make an old document look new), and date order puts undated documents after
///   every dated one, where a feed of the newest 50 would show them only while fewer than
///   50 dated documents match.
struct SearchFeed {
    static let size = 50
    /// The `tag:` URI authority and date of every id this server mints (RFC 4151). Never
    /// to change: feed readers know entries by their ids.
    static let tagPrefix = "tag:kamerzoek,2026:"

    var parameters: SearchParameters
    var site: SiteAddress
    /// The `updated` of a feed without entries: when the index being served was committed.
    var commitTime: UInt64

    /// The engine's options for the feed: the parameters' query and filters, date order,
    /// the first 50 documents, one passage each, documents with a date only.
    func options(timeBudget: Duration) -> SearchOptions {
        var options = parameters.options(timeBudget: timeBudget)
        options.sort = .date
        options.limit = Self.size
        options.offset = 0
        options.perDocument = 1
        options.fillWithSomeWords = false
        options.snippets = true
        options.filters.append(.dated())
        // An Atom feed has no place for facets or a suggestion: neither is computed.
        options.facets = []
        options.suggest = false
        return options
    }

    /// The parameters that decide the feed's content, in a fixed order and without
    /// defaults: the same search gives the same feed id and self link, however its URL
    /// was written.
    var canonicalQuery: String { Self.canonicalQuery(parameters) }

    static func canonicalQuery(_ parameters: SearchParameters) -> String {
        var pairs: [(String, String)] = [("q", parameters.query)]
        for (name, value) in [("type", parameters.type), ("dossier", parameters.dossier), ("from", parameters.from), ("to", parameters.to)] {
            if let value { pairs.append((name, value)) }
        }
        if !parameters.fold { pairs.append(("fold", "false")) }
        return URLEncoding.query(pairs)
    }

    /// A document's entry id: the same for the same document id, whatever the index,
    /// commit or query it is found in (re-indexing an unchanged file keeps its id).
    static func entryID(_ documentID: String) -> String {
        tagPrefix + "document:" + URLEncoding.path(documentID)
    }

    func feed(_ result: SearchResult) -> AtomFeed {
        var entries: [AtomFeed.Entry] = []
        for hit in result.results where !entries.contains(where: { $0.id == Self.entryID(hit.doc_id) }) {
            guard let date = hit.date else { continue }  // left out by the date filter
            let time = AtomFeed.timestamp(day: date)
            entries.append(AtomFeed.Entry(
                id: Self.entryID(hit.doc_id), title: hit.title ?? hit.doc_id, updated: time, published: time,
                link: site.url("/documents/" + URLEncoding.path(hit.doc_id) + "#p\(hit.passage)"), related: hit.url,
                category: hit.type, summary: hit.plainSnippet?.text ?? ""))
        }
        return AtomFeed(
            id: Self.tagPrefix + "search?" + canonicalQuery, title: title, subtitle: subtitle,
            updated: entries.first?.updated ?? AtomFeed.timestamp(nanoseconds: commitTime),
            selfLink: site.url("/feeds/search.atom?" + canonicalQuery),
            alternateLink: site.url("/?" + canonicalQuery + "&sort=date"), entries: entries)
    }

    /// `kamerzoek: huiselijk geweld (soort brief, vanaf 2024-01-01)`.
    var title: String {
        var filters: [String] = []
        if let type = parameters.type { filters.append("soort \(type)") }
        if let dossier = parameters.dossier { filters.append("dossier \(dossier)") }
        if let from = parameters.from { filters.append("vanaf \(from)") }
        if let to = parameters.to { filters.append("tot en met \(to)") }
        let query = parameters.query.trimmingCharacters(in: .whitespaces)
        return "kamerzoek: " + (query.isEmpty ? "(geen zoekvraag)" : query) + (filters.isEmpty ? "" : " (\(filters.joined(separator: ", ")))")
    }

    var subtitle: String {
        "De nieuwste \(Self.size) documenten met een datum die aan deze zoekvraag voldoen, nieuwste eerst."
    }
}
