import Hummingbird

/// Where this server is, as the request that reached it names it: `http://` and the
/// `Host` it asked for (`https://` when a proxy in front says `X-Forwarded-Proto: https`).
/// A feed reader keeps a feed's links outside the page they came from, so the feed's
/// links are absolute. A request without a usable `Host` (HTTP/1.0) gets links relative
/// to the server's root.
struct SiteAddress {
    /// `http://host:port`, without a slash at the end; empty when the host is unknown.
    var base: String

    init(base: String) { self.base = base }

    init(_ request: Request) {
        // Host names, IPv4 and [IPv6] addresses and a port: anything else is not used.
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        guard let host = request.head.authority, !host.isEmpty, host.allSatisfy(allowed.contains) else {
            base = ""
            return
        }
        let https = request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
        base = (https ? "https://" : "http://") + host
    }

    /// `path` (starting with `/`) on this server.
    func url(_ path: String) -> String { base + path }
}
