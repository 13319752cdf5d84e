import Hummingbird
import Search

/// `GET /api/search`: decodes the parameters, runs one search, returns the engine's
/// `SearchResult` in the form of `kamerzoek search --json`.
struct SearchRoutes {
    let index: IndexHolder
    let timeBudget: Duration

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("search") { request, _ in try search(request) }
        return routes
    }

    func search(_ request: Request) throws -> JSONResponse<SearchResult> {
        let parameters = try SearchParameters(QueryString(request.uri.query))
        let loaded = try index.current()
        var result = try loaded.searchers.withSearcher { searcher in
            try searcher.search(parameters.query, options: parameters.options(timeBudget: timeBudget))
        }
        // The terminal's fields are not part of the JSON contract; `search --json` drops them too.
        for index in result.results.indices {
            result.results[index].snippet_text = nil
            result.results[index].highlights = nil
        }
        // Cut short by the time budget: another try may find more, so nothing keeps this.
        return JSONResponse(value: result, generation: loaded.generation, cacheControl: result.partial ? "no-store" : nil)
    }
}
