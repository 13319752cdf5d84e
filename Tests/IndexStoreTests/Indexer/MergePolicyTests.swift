import Testing
@testable import IndexStore
@testable import Indexer

@Suite("Merge policy")
struct MergePolicyTests {
    static func segments(_ sizes: [(documents: Int, deleted: Int)]) -> [SegmentCommit] {
        sizes.enumerated().map { index, size in
            SegmentCommit(
                name: SegmentCommit.name(number: UInt64(index)), segmentID: SegmentID(low: UInt64(index), high: 0),
                documentCount: size.documents, unitCount: size.documents * 10,
                deletionGeneration: size.deleted > 0 ? 1 : 0, deletedCount: size.deleted)
        }
    }

    @Test func tiersArePowersOfTheFactor() {
        #expect(MergePolicy.tier(of: 0, factor: 10) == 0)
        #expect(MergePolicy.tier(of: 9, factor: 10) == 0)
        #expect(MergePolicy.tier(of: 10, factor: 10) == 1)
        #expect(MergePolicy.tier(of: 99, factor: 10) == 1)
        #expect(MergePolicy.tier(of: 100, factor: 10) == 2)
        #expect(MergePolicy.tier(of: 1, factor: 2) == 0)
        #expect(MergePolicy.tier(of: 2, factor: 2) == 1)
        // Huge counts and factors end in the last tier whose bound fits an Int (10¹⁸ and
        // up; 2³² and up) instead of overflowing it.
        #expect(MergePolicy.tier(of: Int.max, factor: 10) == 18)
        #expect(MergePolicy.tier(of: 1_000_000_000_000_000_000, factor: 10) == 18)
        #expect(MergePolicy.tier(of: 1 << 40, factor: 1 << 32) == 1)
        #expect(MergePolicy.tier(of: 5, factor: Int.max) == 0)
    }

    @Test func aFullTierMergesIntoOne() {
        let nine = Self.segments(Array(repeating: (5, 0), count: 9))
        #expect(MergePolicy.findMerges(nine, mergeFactor: 10) == [])
        let ten = Self.segments(Array(repeating: (5, 0), count: 10))
        #expect(MergePolicy.findMerges(ten, mergeFactor: 10) == [Array(0 ..< 10)])
        // Two full tiers, smallest first; the fourth small segment waits for company.
        let mixed = Self.segments([(1, 0), (2, 0), (50, 0), (1, 0), (50, 0), (2, 0), (50, 0)])
        #expect(MergePolicy.findMerges(mixed, mergeFactor: 3) == [[0, 1, 3], [2, 4, 6]])
    }

    @Test func tiersCountLiveDocuments() {
        // 4 documents, 2 deleted: 2 live, the tier of a 2-document segment.
        #expect(MergePolicy.findMerges(Self.segments([(4, 2), (2, 0)]), mergeFactor: 2) == [[0, 1]])
        #expect(MergePolicy.findMerges(Self.segments([(4, 0), (2, 0)]), mergeFactor: 2) == [])
    }

    @Test func aMostlyDeletedSegmentIsRewrittenAlone() {
        let segments = Self.segments([(10, 6), (10, 5), (3, 3)])
        // More than half: rewritten; exactly half: left; all deleted: rewritten (to nothing).
        #expect(MergePolicy.findMerges(segments, mergeFactor: 10) == [[0], [2]])
    }

    @Test func noMergesWithAFactorBelowTwo() {
        let segments = Self.segments(Array(repeating: (1, 0), count: 20))
        #expect(MergePolicy.findMerges(segments, mergeFactor: 1) == [])
        #expect(MergePolicy.findMerges(segments, mergeFactor: 0) == [])
    }

    @Test func groupsAreDisjointAndSorted() {
        let segments = Self.segments(Array(repeating: (1, 0), count: 7) + [(4, 3)])
        let merges = MergePolicy.findMerges(segments, mergeFactor: 3)
        #expect(merges == [[7], [0, 1, 2], [3, 4, 5]])
    }

    /// `maximumMergedPassages` caps what one merge writes: larger groups wait.
    @Test func mergesStayWithinTheirPassageCap() {
        let ten = Self.segments(Array(repeating: (100, 0), count: 10))  // 1,000 passages each
        #expect(MergePolicy.findMerges(ten, mergeFactor: 10, maximumUnits: 10_000) == [Array(0 ..< 10)])
        #expect(MergePolicy.findMerges(ten, mergeFactor: 10, maximumUnits: 9_999) == [])
        // Deletions lower what a merge must write.
        let halfDeleted = Self.segments(Array(repeating: (100, 50), count: 10))
        #expect(MergePolicy.findMerges(halfDeleted, mergeFactor: 10, maximumUnits: 5_000) == [Array(0 ..< 10)])
        // A mostly deleted segment too large to rewrite alone stays as it is.
        #expect(MergePolicy.findMerges(Self.segments([(100, 60)]), mergeFactor: 10, maximumUnits: 300) == [])
        #expect(MergePolicy.findMerges(Self.segments([(100, 60)]), mergeFactor: 10, maximumUnits: 400) == [[0]])
    }
}
