import Testing
@testable import IndexStore

/// A posting's positions: the first as is, then non-zero gaps, as varints. The decoder
/// takes raw bytes, so every kind of damage must come back as a failure at its offset,
/// never as wrong positions or a read past the data.
@Suite struct PositionRunTests {
    private func encoded(_ values: [UInt64]) -> [UInt8] {
        var writer = ByteWriter()
        for value in values { VarInt.encode(value, into: &writer) }
        return writer.bytes
    }

    private func decode(_ bytes: [UInt8], count: Int, at offset: Int = 0) -> (positions: [UInt32], end: Int, failure: PositionRun.Failure?) {
        var output = [UInt32](repeating: 0, count: count)
        let result = bytes.withUnsafeBytes { bytes in
            output.withUnsafeMutableBufferPointer { PositionRun.decode(count, from: bytes, at: offset, into: $0.baseAddress!) }
        }
        return (output, result.end, result.failure)
    }

    @Test func gapsAddUpToPositions() {
        // 0 first (a passage's first word), gaps of one and of several bytes.
        let bytes = encoded([0, 1, 127, 128, 300_000])
        let result = decode(bytes, count: 5)
        #expect(result.failure == nil)
        #expect(result.positions == [0, 1, 128, 256, 300_256])
        #expect(result.end == bytes.count)
    }

    @Test func decodingStartsAtTheOffsetAndStopsAfterItsCount() {
        let bytes = encoded([9, 4, 2, 7, 1])
        let result = decode(bytes, count: 2, at: 2)
        #expect(result.failure == nil)
        #expect(result.positions == [2, 9])
        #expect(result.end == 4)
    }

    @Test func aZeroGapIsDamage() {
        let result = decode(encoded([5, 3, 0, 2]), count: 4)
        #expect(result.failure == .notIncreasing)
    }

    @Test func aPositionBeyondUInt32IsDamage() {
        let result = decode(encoded([UInt64(UInt32.max) - 1, 2]), count: 2)
        #expect(result.failure == .notIncreasing)
        #expect(decode(encoded([UInt64(UInt32.max) - 1, 1]), count: 2).positions == [UInt32.max - 1, UInt32.max])
    }

    @Test func runningOutOfBytesIsDamage() {
        #expect(decode(encoded([1, 2]), count: 3).failure == .malformedVarInt(.truncated))
        // A varint cut after its first byte.
        #expect(decode([0x01, 0x80], count: 2).failure == .malformedVarInt(.truncated))
        #expect(decode([], count: 1).failure == .malformedVarInt(.truncated))
        #expect(decode([0x01], count: 1, at: 1).failure == .malformedVarInt(.truncated))
    }

    @Test func malformedVarIntsAreDamage() {
        #expect(decode([0x01, 0x85, 0x00], count: 2).failure == .malformedVarInt(.notMinimal))
        #expect(decode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], count: 1).failure == .malformedVarInt(.tooLong))
    }
}
