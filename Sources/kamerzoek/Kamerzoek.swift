import ArgumentParser

/// The `kamerzoek` command: each subcommand is a thin front over one engine call.
@main
struct Kamerzoek: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kamerzoek",
        abstract: "Full-text search for Dutch parliamentary documents.",
        subcommands: [
            IndexCommand.self, SearchCommand.self, StatsCommand.self, CheckCommand.self, ShowCommand.self, OptimizeCommand.self,
            ExtractCommand.self, AnalyzeCommand.self, ServeCommand.self,
        ]
    )
}
