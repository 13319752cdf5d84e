import Hummingbird

/// Turns whatever a route (or the router, for an unknown path) throws into an
/// ``APIError`` response, so that every failure has the JSON body and its status comes
/// from the one mapping in `APIError.init(_:logger:)`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try APIError(error, logger: context.logger).response(from: request, context: context)
        }
    }
}
