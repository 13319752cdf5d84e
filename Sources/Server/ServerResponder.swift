import Hummingbird

/// The router behind the middleware that must run before a route is chosen.
///
/// Hummingbird runs a router's own middleware only once the path and the method have
/// picked a route (or the 404), so a `HEAD` never reaches middleware that would answer it
/// as a `GET`. What concerns the method, or every response whatever route made it (access
/// log, cross-origin headers, compression), therefore runs here, in order, around the
/// router; middleware that belongs to routes (errors, caching) stays in the router.
struct ServerResponder: HTTPResponder {
    typealias Context = ServerContext
    let middlewares: [any MiddlewareProtocol<Request, Response, ServerContext>]
    let router: RouterResponder<ServerContext>

    func respond(to request: Request, context: Context) async throws -> Response {
        try await respond(request, context, from: 0)
    }

    private func respond(_ request: Request, _ context: Context, from index: Int) async throws -> Response {
        guard index < middlewares.count else { return try await router.respond(to: request, context: context) }
        return try await middlewares[index].handle(request, context: context) { request, context in
            try await respond(request, context, from: index + 1)
        }
    }
}
