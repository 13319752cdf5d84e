import ArgumentParser
import Foundation
import IndexStore

/// `kamerzoek stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show the size and make-up of the index.")

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Print the statistics as JSON.")
    var json = false

    func run() throws {
        let stats: IndexStats
        do {
            let snapshot = try IndexSnapshot.open(directory: index.directory)
            stats = IndexStats(
                documents: snapshot.documentCount, passages: snapshot.passageCount, terms: try snapshot.distinctTermCount(),
                segments: snapshot.segments.count, bytes_on_disk: snapshot.bytesOnDisk(),
                analyzer: snapshot.manifest.analyzer.description, generation: snapshot.manifest.generation,
                fingerprint: snapshot.contentFingerprint())
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

/// The `stats --json` contract (snake_case names are part of it).
struct IndexStats: Encodable {
    var documents: Int
    var passages: Int
    var terms: Int
    var segments: Int
    var bytes_on_disk: UInt64
    var analyzer: String
    var generation: UInt64
    /// Hash of the live documents' ids and content hashes (same documents, same value).
    var fingerprint: String
}
