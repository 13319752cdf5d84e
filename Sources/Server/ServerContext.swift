import Foundation
import Hummingbird
import IndexStore

/// The request context of every route: Hummingbird's basics plus the JSON settings that
/// the CLI's `--json` shares (``MachineJSON``). It lives for one request; the index
/// belongs to the route collections, not to it.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set on the copy with which ``MethodMiddleware`` asks the router whether a path
    /// exists: ``RouteProbeMiddleware`` answers it before any handler runs.
    var isRouteProbe = false
    /// The peer's IP address (`192.0.2.1`, `::1`), nil for a Unix socket: who a search
    /// counts against, unless the peer is a trusted proxy (``ClientAddress``).
    let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    public var responseEncoder: JSONEncoder { MachineJSON.encoder() }
}
