import Hummingbird
import Search

/// `GET /api/search.csv`: the results of `/api/search` for the same parameters as CSV
/// (``SearchResultCSV``, the writer of `kamerzoek search --csv`), to save as a file.
///
/// `limit` is the export's own: up to 1,000 documents, and 1,000 when not given (an
/// export wants every result, a page ten); it counts documents as in `/api/search`, so
/// with `per_doc=N` a document has up to N rows. Every other parameter is
/// `/api/search`'s, checked by ``SearchParameters``; `facets` is checked and ignored (a
/// CSV has no facets, and no suggestion either: neither is computed).
struct ExportRoutes {
    let index: CurrentCommit
    let timeBudget: Duration

    static let limits = 1 ... 1_000
    static let contentType = "text/csv; charset=utf-8"
    static let disposition = "attachment; filename=\"kamerzoek.csv\""

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("search.csv") { request, _ in try export(request) }
        return routes
    }

    func export(_ request: Request) throws -> TextResponse {
        let query = try QueryString(request.uri.query)
        var limit = Self.limits.upperBound
        if let text = try query.value("limit") {
            guard let value = Int(text), Self.limits.contains(value) else {
                throw APIError.badParameter(
                    "limit must be a whole number from \(Self.limits.lowerBound) to \(Self.limits.upperBound).",
                    dutch: "De parameter limit moet een geheel getal van \(Self.limits.lowerBound) tot en met \(Self.limits.upperBound) zijn.")
            }
            limit = value
        }
        // The rest as /api/search reads it; its own limit check (up to 100) is not the export's.
        var parameters = try SearchParameters(query.removing("limit"))
        parameters.limit = limit
        let loaded = try index.current()
        // facets was checked as /api/search checks it, but a CSV has no place for facets or
        // a suggestion: neither is computed.
        var options = parameters.options(timeBudget: timeBudget)
        options.facets = []
        options.suggest = false
        let result = try loaded.searchers.withSearcher { searcher in
            try searcher.search(parameters.query, options: options)
        }
        // Cut short by the time budget: the rows found until then, which nothing may keep.
        return TextResponse(
            contentType: Self.contentType, text: SearchResultCSV.text(result), generation: loaded.generation,
            disposition: Self.disposition, cacheControl: result.partial ? "no-store" : nil)
    }
}

extension QueryString {
    /// These parameters without any named `name` (written out and read back, which
    /// gives the same pairs: decoding undoes ``URLEncoding``).
    func removing(_ name: String) throws -> QueryString {
        try QueryString(URLEncoding.query(pairs.filter { $0.name != name }))
    }
}
