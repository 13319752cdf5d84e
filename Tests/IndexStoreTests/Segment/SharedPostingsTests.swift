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
