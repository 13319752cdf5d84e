import SeededRandom
import Testing
@testable import Search

/// The walk's passage → document lookup must answer what a search of the ranges answers,
/// whether the ids come one after another, jump far ahead (a ranking that skipped blocks)
/// or go back (a disjunction handing over its next part).
@Suite("Document of a passage")
struct DocumentOfPassageTests {
    /// Documents of 1 to 6 passages, some with none (a document can have no passage).
    static func ranges(count: Int, using random: inout SeededGenerator) -> [Range<UInt32>] {
        var start: UInt32 = 0
        return (0 ..< count).map { _ in
            let length = UInt32(Int.random(in: 0 ... 6, using: &random))
            defer { start += length }
            return start ..< start + length
        }
    }

    /// The answer by definition: the first document whose range ends after the passage.
    static func expected(_ passage: UInt32, in ranges: [Range<UInt32>]) -> Int {
        ranges.firstIndex { $0.upperBound > passage } ?? ranges.count - 1
    }

    @Test func agreesWithASearchOfTheRangesForStepsJumpsAndReturns() {
        var random = SeededGenerator(seed: 61206)
        for trial in 0 ..< 200 {
            let ranges = Self.ranges(count: Int.random(in: 1 ... 3_000, using: &random), using: &random)
            let passages = ranges.last!.upperBound
            guard passages > 0 else { continue }
            ranges.withUnsafeBufferPointer { buffer in
                var lookup = DocumentOfPassage(buffer)
                var passage: UInt32 = 0
                for _ in 0 ..< 500 {
                    switch Int.random(in: 0 ..< 10, using: &random) {
                    case 0: passage = UInt32.random(in: 0 ..< passages, using: &random)  // anywhere, also back
                    case 1, 2: passage = min(passages - 1, passage + UInt32.random(in: 0 ... 2_000, using: &random))
                    default: passage = min(passages - 1, passage + UInt32.random(in: 0 ... 3, using: &random))
                    }
                    let document = lookup(passage)
                    #expect(document == Self.expected(passage, in: ranges), "trial \(trial), passage \(passage)")
                    #expect(ranges[document].contains(passage))
                }
            }
        }
    }

    @Test func firstAndLastPassageOfTheSegment() {
        let ranges: [Range<UInt32>] = [0 ..< 0, 0 ..< 3, 3 ..< 3, 3 ..< 4, 4 ..< 9]
        ranges.withUnsafeBufferPointer { buffer in
            var lookup = DocumentOfPassage(buffer)
            #expect(lookup(8) == 4)
            #expect(lookup(0) == 1)
            #expect(lookup(3) == 3)
            #expect(lookup(2) == 1)
        }
    }
}
