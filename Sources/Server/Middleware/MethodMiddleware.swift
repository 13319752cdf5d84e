import Hummingbird

/// Every route answers GET; this gives each of them the other methods HTTP clients expect,
/// in front of the router:
///
/// - `HEAD` is answered as `GET` with the body left out: the same status and headers,
///   `Content-Length` (and `Content-Encoding`) included;
/// - `OPTIONS` on a path that exists is `204` with `Allow` (``CrossOriginMiddleware`` adds
///   its preflight headers to it under `/api` and `/feeds`);
/// - any other method on a path that exists is `405` with `Allow`;
/// - on a path that does not exist, every method is the usual `404`.
///
/// Whether a path exists is asked of the router itself (a GET marked as a probe, which
/// ``RouteProbeMiddleware`` answers before any handler runs), so a route added to the
/// router needs nothing here.
struct MethodMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    static let allowed = "GET, HEAD, OPTIONS"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get:
            return try await next(request, context)
        case .head:
            return try await next(request.with(method: .get), context).createHeadResponse()
        default:
            guard try await Self.routeExists(request, context: context, next: next) else {
                return try await next(request, context)
            }
            if request.method == .options {
                var response = Response(status: .noContent, headers: [.allow: Self.allowed])
                response.headers[.contentLength] = nil
                return response
            }
            let error = APIError(
                status: .methodNotAllowed, message: "This path answers GET and HEAD only (and OPTIONS), not \(request.method).",
                dutch: "Dit adres beantwoordt alleen GET en HEAD (en OPTIONS), niet \(request.method).")
            var response = try error.response(from: request, context: context)
            response.headers[.allow] = Self.allowed
            return response
        }
    }

    /// Whether the router has a GET route for the request's path.
    private static func routeExists(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Bool {
        let probe = request.with(method: .get)
        var probeContext = context
        probeContext.isRouteProbe = true
        // A box of its own: the router writes the matched route into it.
        probeContext.coreContext.endpointPath = EndpointPath()
        return try await next(probe, probeContext).status == RouteProbeMiddleware.found
    }
}

/// The router's first middleware: answers ``MethodMiddleware``'s probe. The router runs
/// its middleware after matching a route (having recorded the route's path in the
/// context) and, for an unknown path, on the way to its 404 (with no path recorded).
struct RouteProbeMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    static let found = HTTPResponse.Status.noContent

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.isRouteProbe else { return try await next(request, context) }
        return Response(status: context.endpointPath == nil ? .notFound : Self.found)
    }
}

extension Request {
    /// The same request with another method.
    func with(method: HTTPRequest.Method) -> Request {
        var head = head
        head.method = method
        return Request(head: head, body: body)
    }
}
