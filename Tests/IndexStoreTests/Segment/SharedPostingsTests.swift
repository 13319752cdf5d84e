import Analysis
import Testing
@testable import IndexStore

/// An exact form whose postings are exactly its stem's (the word has one form in the
/// segment) points at the stem's postings instead of a copy; every other term has its own.
@Suite("Shared postings")
struct SharedPostingsTests {
    @Test func anExactFormWithItsStemsPostingsSharesThem() throws {
        let directory = TemporaryDirectory()
        let (reader, _) = try writeSegment([
            StoredDocument(
                id: "a", source: "a.txt", contentHash: "aa", title: "Stikstof en de brief",
                passages: [
                    StoredPassage(heading: nil, text: "De stikstof in de brief.", start: 0, end: 0),
                    StoredPassage(heading: nil, text: "Twee brieven over stikstof en stikstof.", start: 0, end: 0),
                ]),
        ], in: directory)
        func offsets(_ space: TermSpace, _ term: String) throws -> (UInt64, UInt64) {
            let info = try #require(try reader.termInfo(space, term))
            return (info.postingsOffset, info.positionsOffset)
        }
        // `stikstof` has one form: one copy, two entries.
        #expect(try offsets(.bodyExact, "stikstof") == offsets(.bodyStem, "stikstof"))
        #expect(try offsets(.titleExact, "stikstof") == offsets(.titleStem, "stikstof"))
        // The stem `brief` also holds `brieven`: the exact form keeps postings of its own.
        #expect(try offsets(.bodyExact, "brief") != offsets(.bodyStem, "brief"))
        #expect(try postings(reader, .bodyStem, "brief").map(\.id) == [0, 1])
        #expect(try postings(reader, .bodyExact, "brief").map(\.id) == [0])
        #expect(try postings(reader, .bodyExact, "stikstof").map { [$0.id, $0.frequency] } == [[0, 1], [1, 2]])
        try reader.verify()
    }
}

@Suite("Shared postings through merges")
struct SharedPostingsMergeTests {
    static func document(_ id: String, _ text: String) -> StoredDocument {
        StoredDocument(id: id, source: "\(id).txt", contentHash: id, passages: [StoredPassage(heading: nil, text: text, start: 0, end: 0)])
    }

    static func offsets(_ snapshot: IndexSnapshot, _ space: TermSpace, _ term: String) throws -> [UInt64] {
        let info = try #require(try snapshot.segments[0].reader.termInfo(space, term))
        return [info.postingsOffset, info.positionsOffset]
    }

    /// A merge keeps the sharing when every source shares, and drops it when the merged
    /// stem holds another form (here `stikstoffen`, which stems to `stikstof` too).
    @Test func aMergeSharesWhereEverySourceShared() throws {
        let directory = TemporaryDirectory()
        let writer = try IndexWriter(directory: directory.path)
        try writer.add([Self.document("a", "De stikstof in de provincie.")])
        try writer.add([Self.document("b", "Minder stikstof en meer natuur.")])
        try writer.optimize()
        let merged = try IndexSnapshot.open(directory: directory.path)
        #expect(merged.segments.count == 1)
        #expect(try Self.offsets(merged, .bodyExact, "stikstof") == Self.offsets(merged, .bodyStem, "stikstof"))
        #expect(try Self.offsets(merged, .bodyExact, "minder") == Self.offsets(merged, .bodyStem, "minder"))
        let before = try livePostings(merged)

        try writer.add([Self.document("c", "Stikstoffen in de lucht, minder dan ooit.")])
        try writer.optimize()
        let again = try IndexSnapshot.open(directory: directory.path)
        #expect(try Self.offsets(again, .bodyExact, "stikstof") != Self.offsets(again, .bodyStem, "stikstof"))
        #expect(try Self.offsets(again, .bodyExact, "minder") == Self.offsets(again, .bodyStem, "minder"))
        let after = try livePostings(again)
        #expect(after[TermSpace.bodyExact.key("stikstof")] == before[TermSpace.bodyExact.key("stikstof")])
        #expect(after[TermSpace.bodyStem.key("stikstof")]?.map(\.document) == ["a", "b", "c"])
        try again.segments[0].reader.verify()
    }
}
