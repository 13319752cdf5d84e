import Foundation
import Hummingbird

/// The request context of every route: Hummingbird's basics plus our JSON settings. It
/// lives for one request; the index belongs to the route collections, not to it.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set on the copy with which ``MethodMiddleware`` asks the router whether a path
    /// exists: ``RouteProbeMiddleware`` answers it before any handler runs.
    var isRouteProbe = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var responseEncoder: JSONEncoder { JSONCoding.encoder }
}
