import Hummingbird

/// CORS for the paths a browser application may call from another origin (`/api`,
/// `/feeds`, and everything under them; the page itself is not meant to be embedded):
///
/// - every response there carries `Access-Control-Allow-Origin` (``ServerSettings/corsOrigin``,
///   `*` by default) and, when that is one origin rather than `*`, `Vary: Origin`;
/// - a preflight (`OPTIONS` with `Access-Control-Request-Method`) that ``MethodMiddleware``
///   answered 204, because the path exists, also gets `Access-Control-Allow-Methods`,
///   `Access-Control-Allow-Headers` (the headers the browser asked for) and
///   `Access-Control-Max-Age`;
/// - `ETag` and `Kamerzoek-Generation` are exposed to scripts.
///
/// Matching is by path prefix, so routes added under these paths are covered without a
/// change here.
struct CrossOriginMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let origin: String
    var pathPrefixes = ["/api", "/feeds"]
    /// How long a browser may reuse a preflight's answer, in seconds.
    static let maxAge = 600

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard applies(to: request.uri.path) else { return try await next(request, context) }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        if origin != "*" { response.headers.addVary("Origin") }
        response.headers[.accessControlExposeHeaders] = "ETag, Kamerzoek-Generation"
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil, response.status == .noContent {
            response.headers[.accessControlAllowMethods] = MethodMiddleware.allowed
            if let asked = request.headers[.accessControlRequestHeaders] {
                response.headers[.accessControlAllowHeaders] = asked
                response.headers.addVary("Access-Control-Request-Headers")
            }
            response.headers[.accessControlMaxAge] = String(Self.maxAge)
        }
        return response
    }

    func applies(to path: String) -> Bool {
        pathPrefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}

extension HTTPFields {
    /// Adds `name` to `Vary`, once.
    mutating func addVary(_ name: String) {
        let present = self[values: .vary].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !present.contains(name.lowercased()), !present.contains("*") else { return }
        self[values: .vary] += [name]
    }
}
