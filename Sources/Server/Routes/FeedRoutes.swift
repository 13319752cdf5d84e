import Hummingbird
import Search

/// `GET /feeds/search.atom`: a search as an Atom feed (``SearchFeed``), with the
/// parameters of `/api/search`. Failures are the API's JSON errors.
struct FeedRoutes {
    let index: CurrentCommit
    let timeBudget: Duration

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("search.atom") { request, _ in try feed(request) }
        return routes
    }

    func feed(_ request: Request) throws -> TextResponse {
        let parameters = try SearchParameters(QueryString(request.uri.query))
        let loaded = try index.current()
        let feed = SearchFeed(parameters: parameters, site: SiteAddress(request), commitTime: loaded.snapshot.manifest.commitTime)
        let result = try loaded.searchers.withSearcher { searcher in
            try searcher.search(parameters.query, options: feed.options(timeBudget: timeBudget))
        }
        // Cut short by the time budget: another try may find more, so nothing keeps this.
        return TextResponse(
            contentType: AtomFeed.contentType, text: feed.feed(result).xml, generation: loaded.generation,
            cacheControl: result.partial ? "no-store" : nil)
    }
}
