import ArgumentParser
import Dispatch
import Foundation
import Server

/// `kamerzoek serve`: the HTTP API and search page over an index, picking up new commits
/// (from `kamerzoek index` in another process) without a restart.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and the JSON API over HTTP.",
        discussion: """
            Endpoints: / (search page), /api/search?q=…, /api/documents/ID, /api/stats,
            /health, /openapi.json. Stop with Ctrl-C (SIGINT) or SIGTERM.
            """
    )

    @OptionGroup var index: IndexLocation

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @OptionGroup var timeBudget: TimeBudget

    @Option(name: .long, help: ArgumentHelp("Access-Control-Allow-Origin for /api and /feeds: * (any web page may call the API) or one origin such as https://example.org.", valueName: "ORIGIN"))
    var corsOrigin = "*"

    @OptionGroup var threads: SearchThreads

    @OptionGroup(title: "Fair use") var fairUse: FairUseOptions

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard !corsOrigin.isEmpty, corsOrigin.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "," }) else {
            throw ValidationError("--cors-origin must be * or one origin, such as https://example.org.")
        }
    }

    func run() throws {
        ServerRuntime.runTasksOnEventLoops()
        var settings = ServerSettings(
            indexDirectory: index.directory, host: host, port: port, timeBudget: timeBudget.duration, threadsPerSearch: threads.count,
            corsOrigin: corsOrigin, version: Kamerzoek.version)
        settings.searchLimits = try fairUse.limits()
        // Under the fair-use limits a search stays on its own thread unless --threads says
        // otherwise: the server is shared, and a lowered priority (a client refused lately)
        // reaches only that thread, not the dispatch threads a search would share out to.
        if settings.searchLimits != nil, threads.count == nil { settings.threadsPerSearch = 1 }
        // The root command is synchronous, so the server runs on a task while this thread
        // (not one of the concurrency pool's) waits for it to stop.
        let outcome = ServeOutcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await buildApplication(settings).runService()
            } catch {
                outcome.failure = "\(error)"
            }
            finished.signal()
        }
        finished.wait()
        if let failure = outcome.failure { throw CommandFailure("The server stopped: \(failure)") }
    }
}

/// What the server task reports back to the waiting thread; written before the semaphore
/// is signalled and read after it is waited on, so the semaphore orders the accesses.
private final class ServeOutcome: @unchecked Sendable {
    var failure: String?
}
