import ArgumentParser
import IndexStore

/// `kamerzoek optimize`: merge everything into one segment.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Merge the index into one segment, dropping deleted documents for good.")

    @OptionGroup var index: IndexLocation

    func run() throws {
        do {
            let writer = try IndexWriter(directory: index.directory)
            try writer.optimize()
            let snapshot = try IndexSnapshot.open(directory: index.directory)
            print("optimized: \(snapshot.segments.count) segment(s), \(snapshot.documentCount) documents, generation \(snapshot.manifest.generation)")
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
