import Hummingbird
import Logging

/// The server, as a table of contents: which routes exist, under which paths, behind which
/// middleware. Each route collection owns what it needs; the index is shared by all.
public func buildApplication(_ settings: ServerSettings, logger: Logger = Logger(label: "kamerzoek.server")) -> some ApplicationProtocol {
    let index = IndexHolder(
        directory: settings.indexDirectory, settleInterval: settings.settleInterval, threadsPerSearch: settings.threadsPerSearch,
        logger: logger)
    return buildApplication(settings, index: index, logger: logger)
}

/// With the index holder given (tests hold one to watch or delay its loading).
func buildApplication(_ settings: ServerSettings, index: IndexHolder, logger: Logger) -> Application<ServerResponder> {
    let router = Router(context: ServerContext.self)
    // Run once a route (or the 404) is chosen, in this order.
    router.add(middleware: RouteProbeMiddleware())
    router.add(middleware: ErrorMiddleware())

    router.addRoutes(HealthRoutes(index: index, version: settings.version).collection)
    router.addRoutes(OpenAPIRoutes().collection)
    // Answers from one commit: ETag, Cache-Control, 304.
    let snapshot = router.group().add(middleware: SnapshotCachingMiddleware(index: index, version: settings.version ?? ""))
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
