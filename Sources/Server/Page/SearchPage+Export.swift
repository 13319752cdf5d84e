/// The search page's ways out of the page: the search as an Atom feed (a visible link,
/// and `<link rel="alternate">` in the head for browsers and feed readers that look
/// there) and its results as CSV. Both on every page that ran a search, the feed also
/// when nothing matches yet: an alert is most useful for a search without results.
extension SearchPage {
    /// The head's feed link, on a page that ran a search.
    var feedHeadHTML: String {
        guard case let .found(_, parameters) = outcome else { return "" }
        let title = HTML.escape("kamerzoek: " + parameters.query)
        return "\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(title)\" href=\"\(HTML.escape(Self.feedLink(parameters)))\">"
    }

    /// The feed (`/feeds/search.atom`) of these parameters: those that change a feed.
    static func feedLink(_ parameters: SearchParameters) -> String {
        "/feeds/search.atom?" + SearchFeed.canonicalQuery(parameters)
    }

    /// The export (`/api/search.csv`) of these parameters: the page's search and order,
    /// without its paging (the export's `limit` is its own, 1,000 by default).
    static func csvLink(_ parameters: SearchParameters) -> String {
        var pairs: [(String, String)] = [("q", parameters.query)]
        for (name, value) in [("type", parameters.type), ("dossier", parameters.dossier), ("from", parameters.from), ("to", parameters.to)] {
            if let value { pairs.append((name, value)) }
        }
        if parameters.sort != .relevance { pairs.append(("sort", parameters.sort.rawValue)) }
        if parameters.perDocument != 1 { pairs.append(("per_doc", String(parameters.perDocument))) }
        if !parameters.fold { pairs.append(("fold", "false")) }
        if !parameters.someWords { pairs.append(("some_words", "false")) }
        return "/api/search.csv?" + URLEncoding.query(pairs)
    }

    /// The links under the summary; `csv` false where there is nothing to export.
    func exportHTML(_ parameters: SearchParameters, csv: Bool) -> String {
        var links = ["<a class=\"feed\" type=\"application/atom+xml\" href=\"\(HTML.escape(Self.feedLink(parameters)))\">Atom-feed: nieuwe documenten voor deze zoekvraag</a>"]
        if csv { links.append("<a class=\"csv\" type=\"text/csv\" href=\"\(HTML.escape(Self.csvLink(parameters)))\" download>CSV</a>") }
        return "<p class=\"export\">\(links.joined(separator: " · "))</p>\n"
    }
}
