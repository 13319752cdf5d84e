/// How `kamerzoek serve` runs: where the index is, where to listen, how long a search may take.
public struct ServerSettings: Sendable {
    public var indexDirectory: String
    public var host: String
    public var port: Int
    /// Past this a search returns what it has found, marked `partial` (never an error).
    public var timeBudget: Duration
    /// How old the index directory's modification time must be before the server stops
    /// listing the directory on every request (see ``CurrentCommit``).
    public var settleInterval: Double
    /// At most this many threads share one search's segments (``Searcher/threads``); nil:
    /// the searcher's default (the cores, up to 8). 1 keeps each request on one thread,
    /// which suits a server busy with many requests at once.
    public var threadsPerSearch: Int?
    /// `Access-Control-Allow-Origin` under `/api` and `/feeds` (``CrossOriginMiddleware``):
    /// `*` lets any web page call the API; one origin (`https://example.org`) only that one.
    public var corsOrigin: String
    /// The program's version (`kamerzoek --version`), reported by `/health` and part of
    /// every entity tag; nil leaves both without one.
    public var version: String?
    /// Fair use: how many searches run at once, overall and per client, and how requests
    /// wait for a turn (``FairUseMiddleware``); nil: no limits, searches run on the event
    /// loops as they come.
    public var searchLimits: SearchLimits? = SearchLimits()

    public init(
        indexDirectory: String, host: String = "127.0.0.1", port: Int = 8080, timeBudget: Duration = .seconds(2),
        settleInterval: Double = 1.0, threadsPerSearch: Int? = nil, corsOrigin: String = "*",
        version: String? = nil
    ) {
        self.indexDirectory = indexDirectory
        self.host = host
        self.port = port
        self.timeBudget = timeBudget
        self.settleInterval = settleInterval
        self.threadsPerSearch = threadsPerSearch
        self.corsOrigin = corsOrigin
        self.version = version
    }
}
