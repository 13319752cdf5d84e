import Foundation
import SeededRandom
import Testing
@testable import IndexStore

@Suite("Byte slice pool")
struct ByteSlicePoolTests {
    /// Streams written interleaved, through every slice size, read back whole and in order.
    @Test func interleavedStreamsReadBackAsWritten() {
        var random = SeededGenerator(seed: 11)
        var pool = ByteSlicePool()
        var streams = (0 ..< 40).map { _ in pool.makeStream() }
        var expected = [[UInt8]](repeating: [], count: streams.count)
        for _ in 0 ..< 40_000 {
            // Skewed: a few streams get most bytes, so they reach the largest slices.
            let stream = Int(Double(streams.count) * pow(Double.random(in: 0 ..< 1, using: &random), 3))
            let count = Int.random(in: 1 ... 8, using: &random)
            let value = UInt64.random(in: 0 ... .max, using: &random)
            pool.append(value, count: count, to: &streams[stream])
            for index in 0 ..< count { expected[stream].append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
        }
        #expect(streams.contains { $0.level == ByteSlicePool.largestLevel })
        var buffer: [UInt8] = []
        for (stream, bytes) in zip(streams, expected) {
            pool.copy(stream, into: &buffer)
            #expect(buffer == bytes)
        }
    }

    /// A stream that fills its slice exactly ends there; the next byte opens a new slice.
    @Test func aFullSliceEndsTheStreamUntilTheNextByte() {
        var pool = ByteSlicePool()
        var stream = pool.makeStream()
        pool.append(0x0403_0201, count: 4, to: &stream)
        var buffer: [UInt8] = []
        pool.copy(stream, into: &buffer)
        #expect(buffer == [1, 2, 3, 4])
        #expect(stream.level == 0)
        pool.append(5, count: 1, to: &stream)
        pool.copy(stream, into: &buffer)
        #expect(buffer == [1, 2, 3, 4, 5])
        #expect(stream.level == 1)
    }

    @Test func anEmptyStreamHasNoBytes() {
        var pool = ByteSlicePool()
        let stream = pool.makeStream()
        var buffer: [UInt8] = [9]
        pool.copy(stream, into: &buffer)
        #expect(buffer.isEmpty)
    }
}
