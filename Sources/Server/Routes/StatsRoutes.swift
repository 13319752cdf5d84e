import Hummingbird

/// `GET /api/stats`: what the index holds, with the names of `kamerzoek stats --json`.
struct StatsRoutes {
    let index: IndexHolder

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("stats") { _, _ in
            let loaded = try index.current()
            return JSONResponse(value: try loaded.stats(), generation: loaded.generation)
        }
        return routes
    }
}
