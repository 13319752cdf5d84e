import Hummingbird
import Logging

/// The server, as a table of contents: which routes exist, under which paths, behind which
/// middleware. Each route collection owns what it needs; the index is shared by all.
public func buildApplication(_ settings: ServerSettings, logger: Logger = Logger(label: "kamerzoek.server")) -> some ApplicationProtocol {
    let index = CurrentCommit(
        directory: settings.indexDirectory, settleInterval: settings.settleInterval, threadsPerSearch: settings.threadsPerSearch,
        logger: logger)
    return buildApplication(settings, index: index, logger: logger)
}

/// With the index holder given (tests hold one to watch or delay its loading).
///
/// Tests may also give the fair-use gate (to watch its queue) and a hook called when a
/// search has its turn, before it runs (to hold searches open).
func buildApplication(
    _ settings: ServerSettings, index: CurrentCommit, logger: Logger, searchGate: SearchGate? = nil,
    searchAdmitted: (@Sendable (Request) async -> Void)? = nil
) -> Application<ServerResponder> {
    let router = Router(context: ServerContext.self)
    // Run once a route (or the 404) is chosen, in this order.
    router.add(middleware: RouteProbeMiddleware())
    router.add(middleware: ErrorMiddleware())

    router.addRoutes(HealthRoutes(index: index, version: settings.version).collection)
    router.addRoutes(OpenAPIRoutes().collection)
    // Answers from one commit: ETag, Cache-Control, 304.
    let snapshot = router.group().add(middleware: SnapshotCachingMiddleware(index: index, version: settings.version ?? ""))
    // The endpoints that search wait for a turn (fair use), behind the caching: a 304 needs none.
    if let gate = searchGate ?? settings.searchLimits.map({ SearchGate(limits: $0) }) {
        snapshot.add(middleware: FairUseMiddleware(gate: gate, index: index, admitted: searchAdmitted))
    }
    snapshot.addRoutes(PageRoutes(index: index, timeBudget: settings.timeBudget).collection)
    snapshot.addRoutes(SearchRoutes(index: index, timeBudget: settings.timeBudget).collection, atPath: "/api")
    snapshot.addRoutes(ExportRoutes(index: index, timeBudget: settings.timeBudget).collection, atPath: "/api")
    snapshot.addRoutes(FeedRoutes(index: index, timeBudget: settings.timeBudget).collection, atPath: "/feeds")
    snapshot.addRoutes(StatsRoutes(index: index).collection, atPath: "/api")
    snapshot.addRoutes(DocumentRoutes(index: index).collection, atPath: "/api/documents")

    // Run on every request before the router, outermost first.
    let responder = ServerResponder(
        middlewares: [
            AccessLogMiddleware(logger: logger),
            CrossOriginMiddleware(origin: settings.corsOrigin),
            MethodMiddleware(),
            CompressionMiddleware(),
        ],
        router: router.buildResponder())
    return Application(
        responder: responder,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "kamerzoek"),
        logger: logger)
}
