import Hummingbird
import Logging

/// One line per request, after it is answered: method, path (without the query, which may
/// be personal), status and latency. Sits outside ``ErrorMiddleware``, so it logs the
/// status the client got.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: started, clock: clock)
            return response
        } catch {
            log(request, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started, clock: clock)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since started: ContinuousClock.Instant, clock: ContinuousClock) {
        let elapsed = clock.now - started
        let milliseconds = elapsed / .milliseconds(1)
        let rounded = (milliseconds * 1000).rounded() / 1000
        logger.info("\(request.method) \(request.uri.path) \(status) \(rounded)ms")
    }
}
