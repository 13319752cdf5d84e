import Hummingbird

/// `GET /health`, for a load balancer or a supervisor: 200 while there is an index to
/// answer from, 503 (through ``APIError/indexUnavailable``) before the first commit.
struct HealthRoutes {
    let index: CurrentCommit
    var version: String?

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("health") { _, _ in
            let loaded = try index.current()
            // Always asked afresh: a cache must not answer for the server.
            return JSONResponse(
                value: HealthResponse(generation: loaded.generation, documents: loaded.snapshot.documentCount, version: version),
                generation: loaded.generation, cacheControl: "no-cache")
        }
        return routes
    }
}
