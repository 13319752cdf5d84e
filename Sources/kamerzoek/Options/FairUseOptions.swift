import ArgumentParser
import Server

/// The fair-use options of `serve` (docs/HTTP.md, "Fair use"): ``SearchLimits``.
struct FairUseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Searches that run at once, all clients together; more wait in the queue (default: the cores, but at least twice --max-searches-per-client).", valueName: "N"))
    var maxSearches: Int?

    @Option(name: .long, help: ArgumentHelp("Searches of one client address that run at once; as many more may wait.", valueName: "N"))
    var maxSearchesPerClient = SearchLimits.defaultPerClient

    @Option(name: .long, help: ArgumentHelp("Searches that may wait for a turn, all clients together; past that the answer is 503.", valueName: "N"))
    var searchQueue = SearchLimits.defaultQueueLength

    @Option(name: .long, help: ArgumentHelp("How long a search may wait for a turn before the answer is 503 with Retry-After.", valueName: "MS"))
    var searchQueueWait = 1000

    @Option(name: .long, help: ArgumentHelp("A proxy (address or CIDR range) whose X-Forwarded-For names the client; repeat for more. Default: 127.0.0.1 and ::1 (nginx on the same machine); none: trust no one.", valueName: "ADDRESS"))
    var trustedProxy: [String] = []

    @Flag(name: .long, help: "No fair-use limits: every search runs at once, on the event loops (benchmarks, a private server).")
    var noSearchLimits = false

    func validate() throws {
        if let maxSearches { guard (1 ... 1024).contains(maxSearches) else { throw ValidationError("--max-searches must be between 1 and 1024.") } }
        guard (1 ... 1024).contains(maxSearchesPerClient) else { throw ValidationError("--max-searches-per-client must be between 1 and 1024.") }
        guard (0 ... 100_000).contains(searchQueue) else { throw ValidationError("--search-queue must be between 0 and 100000.") }
        guard (0 ... 60_000).contains(searchQueueWait) else { throw ValidationError("--search-queue-wait must be between 0 and 60000 (ms).") }
        _ = try proxies()
    }

    func proxies() throws -> [TrustedProxy] {
        if trustedProxy.isEmpty { return SearchLimits.defaultTrustedProxies }
        if trustedProxy == ["none"] { return [] }
        return try trustedProxy.map { text in
            guard let proxy = TrustedProxy(text) else {
                throw ValidationError("--trusted-proxy \(text) is not an IP address or a CIDR range (such as 10.0.0.0/8), or none.")
            }
            return proxy
        }
    }

    /// Nil with --no-search-limits.
    func limits() throws -> SearchLimits? {
        guard !noSearchLimits else { return nil }
        return SearchLimits(
            maxSearches: maxSearches, perClient: maxSearchesPerClient, queueLength: searchQueue,
            queueWait: .milliseconds(searchQueueWait), trustedProxies: try proxies())
    }
}
