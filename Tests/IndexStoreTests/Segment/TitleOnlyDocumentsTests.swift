import Foundation
import Testing
@testable import IndexStore

/// A title term's entry counts the documents that have the word in their title and in
/// none of their passages (a one-word query's `total` adds them without looking them up):
/// written by a flush, kept exact by a merge that drops deleted documents, checked by
/// `verify()`.
@Suite("Title-only document counts")
struct TitleOnlyDocumentsTests {
    static let documents = [
        storedDocument("only-title", title: "Stikstof nota", ["Over ammoniak en de boeren."]),
        storedDocument("both", title: "Stikstof", ["De stikstof daalt niet."]),
        storedDocument("no-passages", title: "Stikstof nota", []),
        storedDocument("body-only", title: nil, ["Stikstof in de duinen."]),
        storedDocument("inflected", title: "Nota's", ["Een nota volgt."]),
    ]

    static func titleOnly(_ reader: SegmentReader, _ space: TermSpace, _ term: String) throws -> UInt32? {
        try reader.termInfo(space, term)?.titleOnlyDocuments
    }

    @Test func aFlushCountsDocumentsWithTheWordOnlyInTheirTitle() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-titleonly-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try IndexWriter(directory: directory).add(Self.documents)
        let reader = try IndexSnapshot.open(directory: directory).segments[0].reader
        try reader.verify()
        // `only-title` alone: `both` has it in a passage, `no-passages` has no passage.
        #expect(try Self.titleOnly(reader, .titleExact, "stikstof") == 1)
        #expect(try Self.titleOnly(reader, .titleStem, "stikstof") == 1)
        // `nota's` is its own exact form but shares the stem with `nota` in a passage.
        #expect(try Self.titleOnly(reader, .titleExact, "nota") == 1)
        #expect(try reader.termInfo(.titleExact, "nota")?.documentCount == 2)
        // Body terms carry no such count.
        #expect(try reader.termInfo(.bodyExact, "stikstof")?.titleOnlyDocuments == nil)
        #expect(try reader.termInfo(.bodyExact, "stikstof")?.documentCount == 2)
    }

    @Test func aMergeDropsDeletedDocumentsFromTheCount() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-titleonly-merge-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try IndexWriter(directory: directory)
        try writer.add(Self.documents)
        // Replaces `only-title` (a deletion in the first segment) and adds a title-only
        // document in a second segment without deletions.
        try writer.add([
            storedDocument("only-title", title: "Ammoniak", ["Over de boeren."]),
            storedDocument("later", title: "Stikstof", ["Een ander onderwerp."]),
        ])
        let before = try IndexSnapshot.open(directory: directory)
        #expect(before.segments.map(\.commit.deletedCount) == [1, 0])
        try writer.optimize()
        let after = try IndexSnapshot.open(directory: directory)
        #expect(after.segments.count == 1)
        let reader = after.segments[0].reader
        try reader.verify()
        #expect(try Self.titleOnly(reader, .titleExact, "stikstof") == 1)  // `later`
        #expect(try Self.titleOnly(reader, .titleExact, "ammoniak") == 1)  // the replacement
        #expect(try Self.titleOnly(reader, .titleExact, "nota") == 0)  // its only-title document is gone
    }
}
