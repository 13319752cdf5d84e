import Hummingbird

/// `GET /api/stats`: what the index holds, the engine's ``IndexStatistics`` as
/// `kamerzoek stats --json` prints them.
struct StatsRoutes {
    let index: CurrentCommit

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("stats") { _, _ in
            let loaded = try index.current()
            return JSONResponse(value: try loaded.stats(), generation: loaded.generation)
        }
        return routes
    }
}
