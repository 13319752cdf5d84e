import Analysis
import Foundation
import Testing
@testable import IndexStore

/// Indexes written by earlier releases are read as they are and merged into the current
/// format without losing a posting or a record (docs/INDEX_FORMAT.md, "History").
@Suite("Format compatibility")
struct FormatCompatibilityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A writable copy of a checked-in index.
    static func copy(_ name: String) throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(fixtures)/\(name)") {
            try FileManager.default.copyItem(atPath: "\(fixtures)/\(name)/\(file)", toPath: "\(directory.path)/\(file)")
        }
        return directory
    }

    @Test func aVersion5IndexIsReadAndMergedIntoTheCurrentFormat() throws {
        let directory = try Self.copy("index-v5")
        let old = try IndexSnapshot.open(directory: directory.path)
        #expect(old.segments.map(\.reader.formatVersion) == [FormatVersion(rawValue: 5)])
        #expect(old.documentCount == 5)
        try old.segments[0].reader.verify()
        let ids = liveIDs(old)
        // zlib records decode.
        let records = try ids.map { try #require(try old.storedDocument(id: $0)) }
        #expect(records.allSatisfy { !$0.passages.isEmpty && $0.contentHash.count == 64 })
        #expect(try documents(containing: "huisverbod", in: old).count >= 2)
        let postings = try livePostings(old)

        // The fixture's analyzer is older too (tokeniser version 2); this test is about
        // the format, so its commit is told today's analyzer, which a writer requires (an
        // index of another analyzer asks for `--rebuild`, IndexWriterTests).
        var manifest = try #require(try ManifestStore.latest(in: directory.path))
        manifest.analyzer = try Analyzer(configuration: .standard).identity
        manifest.generation += 1
        try ManifestStore.commit(manifest, in: directory.path)

        // A new document in a current segment, then one merge of both.
        let writer = try IndexWriter(directory: directory.path)
        try writer.add([StoredDocument(
            id: "nieuw", source: "nieuw.txt", contentHash: String(repeating: "0", count: 64),
            passages: [StoredPassage(heading: nil, text: "Een zeldzaamwoord in een nieuw document.", start: 0, end: 0)])])
        try writer.optimize()
        let merged = try IndexSnapshot.open(directory: directory.path)
        #expect(merged.segments.map(\.reader.formatVersion) == [FormatVersion.current])
        try merged.segments[0].reader.verify()
        #expect(liveIDs(merged) == (ids + ["nieuw"]).sorted())
        for (id, record) in zip(ids, records) {
            #expect(try merged.storedDocument(id: id) == record)
        }
        let mergedPostings = try livePostings(merged).compactMapValues { list -> [LivePosting]? in
            let old = list.filter { $0.document != "nieuw" }
            return old.isEmpty ? nil : old
        }
        #expect(mergedPostings == postings)
    }
}
