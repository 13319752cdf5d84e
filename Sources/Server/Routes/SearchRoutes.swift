import Hummingbird
import Search

/// `GET /api/search`: decodes the parameters, runs one search, returns the engine's
/// `SearchResult` in the form of `kamerzoek search --json`.
struct SearchRoutes {
    let index: CurrentCommit
    let timeBudget: Duration

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("search") { request, _ in try search(request) }
        return routes
    }

    func search(_ request: Request) throws -> JSONResponse<SearchResult> {
        let parameters = try SearchParameters(QueryString(request.uri.query))
        let loaded = try index.current()
        let result = try loaded.searchers.withSearcher { searcher in
            try searcher.search(parameters.query, options: parameters.options(timeBudget: timeBudget))
        }
        // Cut short by the time budget: another try may find more, so nothing keeps this.
        return JSONResponse(value: result, generation: loaded.generation, cacheControl: result.partial ? "no-store" : nil)
    }
}
