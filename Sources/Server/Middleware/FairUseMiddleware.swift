import Foundation
import Hummingbird

/// Fair use of the searches (docs/HTTP.md, "Fair use"): the endpoints that search wait for
/// a turn at the ``SearchGate`` (so many at once overall and per client, a short queue)
/// and are answered `503 Service Unavailable` with `Retry-After` when none comes; while
/// ``SearchLimits`` are in force the searches run on ``SearchThreads``, not on the event
/// loops.
///
/// Searching: `/api/search`, `/api/search.csv`, `/feeds/search.atom`, and the page `/`
/// with a query. Everything else (`/health`, `/openapi.json`, stats, documents, the page
/// without a query) passes straight through. The middleware sits in the router behind the
/// caching one, so a revalidation answered 304 costs no turn.
///
/// The 503 is the API's JSON error (in English) on the API and the feed, and the search
/// page with a Dutch message on `/`; it says `Cache-Control: no-store`.
struct FairUseMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let gate: SearchGate
    let index: CurrentCommit
    /// Held as `any Sendable` because their type needs macOS 15 (``SearchThreads``): for
    /// the searches of clients within their share, and of those refused lately.
    private let threads: (any Sendable)?
    private let lowPriorityThreads: (any Sendable)?
    /// Called once a request has its turn, before its route runs: tests hold a search
    /// open here.
    let admitted: (@Sendable (Request) async -> Void)?

    static let busy = APIError(
        status: .serviceUnavailable,
        message: "Too many searches at once: the server is busy, or this client already has its share of searches running. Try again shortly.",
        dutch: "Er worden nu te veel zoekvragen tegelijk gesteld. Probeer het over een paar seconden opnieuw.")

    init(gate: SearchGate, index: CurrentCommit, admitted: (@Sendable (Request) async -> Void)? = nil) {
        self.gate = gate
        self.index = index
        self.admitted = admitted
        if #available(macOS 15, *) {
            threads = SearchThreads(count: gate.limits.maxSearches)
            lowPriorityThreads = SearchThreads(count: gate.limits.maxSearches, niceness: 10, name: "search-low")
        } else {
            threads = nil
            lowPriorityThreads = nil
        }
    }

    /// Whether the request runs a search (and so needs a turn).
    static func searches(_ request: Request) -> Bool {
        switch request.uri.path {
        case "/api/search", "/api/search.csv", "/feeds/search.atom":
            return true
        case "/":
            let query = QueryString(lenient: request.uri.query).pairs.first { $0.name == "q" }?.value ?? ""
            return !query.trimmingCharacters(in: .whitespaces).isEmpty
        default:
            return false
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.searches(request) else { return try await next(request, context) }
        let client = ClientAddress.key(
            peer: context.remoteAddress, forwardedFor: request.headers.forwardedFor, trusted: gate.limits.trustedProxies)
        // Asked for before the turn: a refusal now makes the client one refused lately.
        let refusedBefore = gate.recentlyRefused(client)
        guard await gate.enter(client) else {
            if refusedBefore, gate.limits.refusalDelay > .zero { try? await Task.sleep(for: gate.limits.refusalDelay) }
            return try refusal(request, context: context)
        }
        defer { gate.leave(client) }
        if let admitted { await admitted(request) }
        if #available(macOS 15, *), let threads = (refusedBefore ? lowPriorityThreads : threads) as? SearchThreads {
            return try await withTaskExecutorPreference(threads) { try await next(request, context) }
        }
        return try await next(request, context)
    }

    private func refusal(_ request: Request, context: Context) throws -> Response {
        var response: Response
        if request.uri.path == "/" {
            var page = SearchPage(form: PageForm(QueryString(lenient: request.uri.query)), types: [], outcome: .failed(Self.busy))
            page.types = (try? index.current())?.documentTypes() ?? []
            response = try HTMLResponse(status: Self.busy.status, html: page.html).response(from: request, context: context)
        } else {
            response = try Self.busy.response(from: request, context: context)
        }
        response.headers[.retryAfter] = String(gate.limits.retryAfterSeconds)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

extension HTTPFields {
    /// Every `X-Forwarded-For` line (`.init` rather than `HTTPField.Name`: HTTPTypes is
    /// Hummingbird's dependency, not ours).
    var forwardedFor: [String] { self[values: .init("X-Forwarded-For")!] }
}
