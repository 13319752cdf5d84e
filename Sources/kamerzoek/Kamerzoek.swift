import ArgumentParser

/// The `kamerzoek` command: each subcommand is a thin front over one engine call.
@main
struct Kamerzoek: ParsableCommand {
    /// The one place the version is written: `kamerzoek --version` prints it, and
    /// `kamerzoek serve` reports it in `/health` (and makes it part of every ETag, since
    /// another version may answer the same URL differently). Raised with each release.
    static let version = "0.21.0"

    static let configuration = CommandConfiguration(
        commandName: "kamerzoek",
        abstract: "Full-text search for Dutch parliamentary documents.",
        version: version,
        subcommands: [
            IndexCommand.self, SearchCommand.self, StatsCommand.self, CheckCommand.self, ShowCommand.self, OptimizeCommand.self,
            ExtractCommand.self, AnalyzeCommand.self, ServeCommand.self,
        ]
    )
}
