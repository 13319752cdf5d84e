import SeededRandom
import Testing
@testable import IndexStore

@Suite("Posting streams")
struct PostingStreamsTests {
    /// Occurrences of several terms, interleaved as tokens arrive (ids ascending, positions
    /// ascending within an id, some repeated), decode to exactly the postings they make.
    @Test func occurrencesDecodeToTheirPostings() {
        var random = SeededGenerator(seed: 5)
        var pool = ByteSlicePool()
        var streams = PostingStreams()
        let termCount = 12
        for _ in 0 ..< termCount { streams.addTerm(pool: &pool) }
        let lengths = (0 ..< 3_000).map { _ in UInt32.random(in: 1 ... 5_000, using: &random) }
        var expected = [TermPostings](repeating: TermPostings(), count: termCount)
        for id in UInt32(0) ..< UInt32(lengths.count) {
            var position: UInt32 = 0
            // Large gaps now and then, so that varints of several bytes occur.
            for _ in 0 ..< Int.random(in: 0 ... 30, using: &random) {
                position += Bool.random(using: &random) ? 0 : UInt32.random(in: 1 ... (Int.random(in: 0 ..< 10, using: &random) == 0 ? 300_000 : 9), using: &random)
                let term = Int.random(in: 0 ..< termCount, using: &random)
                streams.record(Int32(term), id: id, position: position, pool: &pool)
                if expected[term].ids.last == id {
                    if expected[term].positions.last != position {
                        expected[term].frequencies[expected[term].frequencies.count - 1] += 1
                        expected[term].positions.append(position)
                    }
                } else {
                    expected[term].append(id, positions: [position], length: lengths[Int(id)])
                }
            }
        }
        var decoded = TermPostings()
        var scratch: [UInt8] = []
        for term in 0 ..< termCount {
            streams.decode(Int32(term), pool: pool, into: &decoded, lengths: lengths, scratch: &scratch)
            #expect(decoded.ids == expected[term].ids)
            #expect(decoded.frequencies == expected[term].frequencies)
            #expect(decoded.positions == expected[term].positions)
            #expect(decoded.minimumLength == expected[term].minimumLength)
            #expect(streams.idCount(Int32(term)) == UInt32(expected[term].ids.count))
        }
    }

    /// The same term twice at one position (`ouder(s)`: `ouders` and `ouder` both stem to
    /// `ouder`) is one occurrence.
    @Test func aRepeatAtOnePositionCountsOnce() {
        var pool = ByteSlicePool()
        var streams = PostingStreams()
        streams.addTerm(pool: &pool)
        for (id, position) in [(0, 4), (0, 4), (0, 7), (2, 1), (2, 1)] as [(UInt32, UInt32)] {
            streams.record(0, id: id, position: position, pool: &pool)
        }
        var decoded = TermPostings()
        var scratch: [UInt8] = []
        streams.decode(0, pool: pool, into: &decoded, lengths: [10, 20, 30], scratch: &scratch)
        #expect(decoded.ids == [0, 2])
        #expect(decoded.frequencies == [2, 1])
        #expect(decoded.positions == [4, 7, 1])
        #expect(decoded.minimumLength == 10)
    }
}
