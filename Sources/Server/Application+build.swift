import Hummingbird
import Logging

/// The server, as a table of contents: which routes exist, under which paths, behind which
/// middleware. Each route collection owns what it needs; the index is shared by all.
public func buildApplication(_ settings: ServerSettings, logger: Logger = Logger(label: "kamerzoek.server")) -> some ApplicationProtocol {
    let index = IndexHolder(
        directory: settings.indexDirectory, settleInterval: settings.settleInterval, threadsPerSearch: settings.threadsPerSearch,
        logger: logger)
    let router = Router(context: ServerContext.self)
    router.add(middleware: AccessLogMiddleware(logger: logger))
    router.add(middleware: ErrorMiddleware())

    router.addRoutes(PageRoutes(index: index, timeBudget: settings.timeBudget).collection)
    router.addRoutes(HealthRoutes(index: index).collection)
    router.addRoutes(OpenAPIRoutes().collection)
    router.addRoutes(SearchRoutes(index: index, timeBudget: settings.timeBudget).collection, atPath: "/api")
    router.addRoutes(ExportRoutes(index: index, timeBudget: settings.timeBudget).collection, atPath: "/api")
    router.addRoutes(FeedRoutes(index: index, timeBudget: settings.timeBudget).collection, atPath: "/feeds")
    router.addRoutes(StatsRoutes(index: index).collection, atPath: "/api")
    router.addRoutes(DocumentRoutes(index: index).collection, atPath: "/api/documents")

    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "kamerzoek"),
        logger: logger)
}
