import ArgumentParser
import IndexStore

/// `kamerzoek optimize`: merge everything into one segment.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Merge the index into one segment, dropping deleted documents for good.")

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Print the statistics of the optimized index as JSON, as `stats --json` does.")
    var json = false

    func run() throws {
        let snapshot: IndexSnapshot
        let stats: IndexStatistics?
        do {
            // An index that is not there is refused before the writer, which would make
            // its folder (and lock file) to start a new one.
            _ = try IndexSnapshot.open(directory: index.directory)
            try IndexWriter(directory: index.directory).optimize()
            snapshot = try IndexSnapshot.open(directory: index.directory)
            stats = json ? try IndexStatistics(snapshot) : nil
        } catch {
            throw CommandFailure("\(error)")
        }
        if let stats {
            try JSONOutput.print(stats)
        } else {
            print("optimized: \(snapshot.segments.count) segment(s), \(snapshot.documentCount) documents, generation \(snapshot.manifest.generation)")
        }
    }
}
