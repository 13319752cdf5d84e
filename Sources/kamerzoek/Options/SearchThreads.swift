import ArgumentParser

/// `--threads N` of `search` and `serve`: how many threads one search may share its index
/// segments out to (`Searcher.threads`); unset, the searcher's default (the cores, up to 8).
struct SearchThreads: ParsableArguments {
    @Option(name: .customLong("threads"), help: ArgumentHelp("Threads one search may share its segments out to (default: the cores, up to 8; serve: 1 unless --no-search-limits); 1 keeps it on one thread.", valueName: "N"))
    var count: Int?

    func validate() throws {
        if let count { guard (1 ... 64).contains(count) else { throw ValidationError("--threads must be between 1 and 64.") } }
    }
}
