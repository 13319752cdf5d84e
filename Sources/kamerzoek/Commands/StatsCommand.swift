import ArgumentParser
import Foundation
import IndexStore

/// `kamerzoek stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show the size and make-up of the index.")

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Print the statistics as JSON, as GET /api/stats answers.")
    var json = false

    func run() throws {
        let stats: IndexStatistics
        do {
            stats = try IndexStatistics(IndexSnapshot.open(directory: index.directory))
        } catch {
            throw CommandFailure("\(error)")
        }
        if json {
            try JSONOutput.print(stats)
        } else {
            print("""
                documents  \(stats.documents)
                passages   \(stats.passages)
                terms      \(stats.terms)
                segments   \(stats.segments)
                on disk    \(String(format: "%.1f", Double(stats.bytes_on_disk) / 1e6)) MB
                generation \(stats.generation)
                content    \(stats.fingerprint)
                analyzer   \(stats.analyzer)
                """)
        }
    }
}
