import SeededRandom
import Testing
@testable import IndexStore

@Suite("Block impacts")
struct BlockImpactsTests {
    static func pairs(_ impacts: BlockImpacts) -> [(UInt32, UInt32)] {
        [(impacts.frequencies.0, impacts.lengths.0), (impacts.frequencies.1, impacts.lengths.1),
         (impacts.frequencies.2, impacts.lengths.2), (impacts.frequencies.3, impacts.lengths.3)]
    }

    @Test func theFrontKeepsOnlyPairsNoOtherBeats() {
        // (2, 50) is beaten by (3, 40); (1, 60) by everything shorter.
        let impacts = BlockImpacts.of(frequencies: [1, 3, 2, 1, 5], lengths: [10, 40, 50, 60, 200])
        #expect(Self.pairs(impacts).map { [$0.0, $0.1] } == [[1, 10], [3, 40], [5, 200], [0, 65535]])
    }

    @Test func aLongFrontIsCutToFourPairsThatDominateIt() {
        let impacts = BlockImpacts.of(frequencies: [1, 2, 3, 4, 5, 6], lengths: [10, 20, 30, 40, 50, 60])
        #expect(Self.pairs(impacts).allSatisfy { $0.0 > 0 })
    }

    /// Whatever the postings, every one of them scores at most the bound, for any average
    /// length: the property block-max skipping relies on.
    @Test func theBoundHoldsForEveryPostingAndEveryAverage() {
        var random = SeededGenerator(seed: 42)
        for _ in 0 ..< 500 {
            let count = Int.random(in: 1 ... 128, using: &random)
            let frequencies = (0 ..< count).map { _ in UInt32.random(in: 1 ... 12, using: &random) }
            let lengths = (0 ..< count).map { _ in UInt32.random(in: 1 ... 400, using: &random) }
            let impacts = BlockImpacts.of(frequencies: frequencies, lengths: lengths)
            for average in [5.0, 40.0, 150.0] as [Float] {
                func score(_ frequency: UInt32, _ length: UInt32) -> Float {
                    let tf = Float(frequency)
                    return tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Float(length) / average))
                }
                let bound = impacts.bound(score)
                for index in 0 ..< count { #expect(score(frequencies[index], lengths[index]) <= bound) }
            }
        }
    }

    @Test func largeValuesAreCappedAndACappedFrequencyBoundsNothing() {
        let impacts = BlockImpacts.of(frequencies: [70_000], lengths: [100_000])
        #expect(Self.pairs(impacts)[0] == (65535, 65535))
        #expect(impacts.isCapped)
    }
}

@Suite("Block impacts without sorting")
struct BlockImpactsBucketTests {
    /// Blocks of small frequencies take the bucket path; it must give exactly the front
    /// the sorted scan gives, ties in length and frequency included.
    @Test func bucketsGiveTheSortedFront() {
        var random = SeededGenerator(seed: 17)
        for trial in 0 ..< 3_000 {
            let count = Int.random(in: 1 ... PostingsFormat.blockLength, using: &random)
            let highest = UInt32([1, 2, 3, 8, 64][trial % 5])
            let frequencies = (0 ..< count).map { _ in UInt32.random(in: 1 ... highest, using: &random) }
            // Few distinct lengths, so that equal lengths are common.
            let lengths = (0 ..< count).map { _ in UInt32.random(in: 1 ... (trial % 2 == 0 ? 6 : 70_000), using: &random) }
            #expect(BlockImpacts.of(frequencies: frequencies, lengths: lengths) == BlockImpacts.sortedFront(frequencies: frequencies, lengths: lengths))
        }
    }
}
