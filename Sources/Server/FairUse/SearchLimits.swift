import Foundation

/// How many searches `kamerzoek serve` runs at once, overall and per client, and how
/// requests wait for a turn (``SearchGate``); ``ServerSettings/searchLimits``. Only the
/// endpoints that search are limited (``FairUseMiddleware``).
public struct SearchLimits: Sendable, Equatable {
    /// Searches that run at once, whoever asks; also the number of threads they run on
    /// (``SearchThreads``).
    public var maxSearches: Int
    /// Searches of one client (one address; see ``ClientAddress``) that run at once. A
    /// client may also have as many waiting for a turn.
    public var perClient: Int
    /// Requests that may wait for a turn, all clients together; past that a request is
    /// answered 503 at once.
    public var queueLength: Int
    /// How long a request may wait for a turn before it is answered 503.
    public var queueWait: Duration
    /// Peers whose `X-Forwarded-For` names the client (addresses or CIDR ranges); any
    /// other peer is the client itself.
    public var trustedProxies: [TrustedProxy]
    /// How long the refusal of a client already refused lately (``SearchGate/recentlyRefused(_:)``)
    /// is held back before the 503 goes out: a flood that asks again as soon as it is
    /// refused, over N connections, gets N refusals per pause rather than thousands a
    /// second, each of which costs the server (and the cores the others' searches need).
    /// The first refusal is at once.
    public var refusalDelay: Duration

    /// The per-client default: a person's browser (a page and its feed or export) fits.
    public static let defaultPerClient = 2
    public static let defaultQueueLength = 64
    public static let defaultQueueWait = Duration.milliseconds(1000)
    public static let defaultRefusalDelay = Duration.milliseconds(250)
    /// Loopback: a proxy on the same machine (nginx on 127.0.0.1), the usual setup.
    public static let defaultTrustedProxies = [TrustedProxy.loopbackV4, TrustedProxy.loopbackV6]

    /// The default overall limit: the cores, but at least two clients' worth, so that a
    /// single client at its limit never holds every slot.
    public static func defaultMaxSearches(perClient: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        max(cores, 2 * perClient)
    }

    public init(
        maxSearches: Int? = nil, perClient: Int = defaultPerClient, queueLength: Int = defaultQueueLength,
        queueWait: Duration = defaultQueueWait, trustedProxies: [TrustedProxy] = defaultTrustedProxies,
        refusalDelay: Duration = defaultRefusalDelay
    ) {
        self.refusalDelay = refusalDelay
        self.maxSearches = maxSearches ?? Self.defaultMaxSearches(perClient: perClient)
        self.perClient = perClient
        self.queueLength = queueLength
        self.queueWait = queueWait
        self.trustedProxies = trustedProxies
    }

    /// `Retry-After` of a 503, in seconds: the queue's wait, rounded up to a second at least.
    var retryAfterSeconds: Int {
        let (seconds, attoseconds) = queueWait.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
