import Foundation
import Logging
import Search
import Testing
@testable import Server

/// The holder directly, for what HTTP cannot show: a request that holds a commit keeps
/// reading it, whole, after newer commits replaced it and removed its files.
@Suite("CurrentCommit")
struct CurrentCommitTests {
    @Test func aHeldCommitStaysReadableAfterItsFilesAreRemoved() throws {
        let corpus = try FileCorpus()
        try corpus.commit(["a": "Geweld in de eerste ronde."])
        let holder = CurrentCommit(directory: corpus.directory, logger: quietLogger())
        let held = try holder.current()
        #expect(held.generation == 1)
        let segmentFiles = try Self.segmentFiles(in: corpus.directory)

        // Enough commits for a merge, which removes the first segment's files.
        for round in 1 ... 12 { try corpus.commit(["r\(round)": "Geweld in ronde \(round)."]) }
        #expect(try Self.segmentFiles(in: corpus.directory).isDisjoint(with: segmentFiles))

        // The newer commit is loaded in the background; the first look starts it.
        _ = try holder.current()
        holder.waitForLoading()
        let newest = try holder.current()
        #expect(newest.generation > held.generation)
        #expect(try Self.total("geweld", in: newest) == 13)
        // The held commit still answers, from its own (unlinked but mapped) files.
        #expect(try Self.total("geweld", in: held) == 1)
        #expect(try held.stats().generation == 1)
    }

    /// Checksums are verified once per segment, when a commit first brings it: a newer
    /// commit whose new segment is damaged is refused and the last good one stays served.
    @Test func aNewCommitWithADamagedSegmentIsRefusedAndTheLastGoodOneServed() throws {
        let corpus = try FileCorpus()
        try corpus.commit(["a": "Geweld in de eerste ronde."])
        let holder = CurrentCommit(directory: corpus.directory, settleInterval: 0, logger: quietLogger())
        #expect(try holder.current().generation == 1)
        let before = try Self.segmentFiles(in: corpus.directory)

        try corpus.commit(["b": "Geweld in de tweede ronde."])
        let added = try #require(try Self.segmentFiles(in: corpus.directory).subtracting(before).first { $0.hasSuffix(".pst") })
        let path = corpus.directory + "/" + added
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))

        _ = try holder.current()
        holder.waitForLoading()
        let served = try holder.current()
        #expect(served.generation == 1)
        #expect(try Self.total("geweld", in: served) == 1)
    }

    @Test func withoutAnyCommitItIsUnavailable() throws {
        let corpus = try FileCorpus()
        let holder = CurrentCommit(directory: corpus.directory, logger: quietLogger())
        #expect(throws: APIError.indexUnavailable) { try holder.current() }
    }

    static func total(_ query: String, in loaded: LoadedCommit) throws -> Int {
        try loaded.searchers.withSearcher { try $0.search(query).total }
    }

    /// Names of segment files (`_0.pst`, …) in the directory.
    static func segmentFiles(in directory: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("_") })
    }
}
