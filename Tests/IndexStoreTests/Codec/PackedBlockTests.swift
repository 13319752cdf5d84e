import Testing
@testable import IndexStore

@Suite struct PackedBlockTests {
    private func roundTrip(_ values: [UInt32]) throws -> (bytes: [UInt8], decoded: [UInt32]) {
        var writer = ByteWriter()
        var index = 0
        while index < values.count {
            let end = min(index + 128, values.count)
            PackedBlock.write(Array(values[index..<end]), into: &writer)
            index = end
        }
        var reader = ByteReader(slice(writer.bytes))
        var buffer: [UInt32] = []
        var decoded: [UInt32] = []
        var left = values.count
        while left > 0 {
            let count = min(128, left)
            try PackedBlock.read(count: count, from: &reader, into: &buffer)
            decoded += buffer.prefix(count)
            left -= count
        }
        #expect(reader.isAtEnd)
        return (writer.bytes, decoded)
    }

    @Test(arguments: [0, 1, 127, 128, 129, 255, 256, 1000])
    func roundTripOfEveryBlockSizeEdge(count: Int) throws {
        var random = SeededGenerator(seed: UInt64(count))
        for maximum in [UInt32(0), 1, 1000, UInt32.max] {
            let values = (0..<count).map { _ in UInt32.random(in: 0...maximum, using: &random) }
            #expect(try roundTrip(values).decoded == values)
        }
    }

    @Test func maximumValuesUseWidth32() throws {
        let values = [UInt32](repeating: .max, count: 129)
        let (bytes, decoded) = try roundTrip(values)
        #expect(decoded == values)
        #expect(bytes.count == 1 + 512 + 5)
        #expect(bytes[0] == 32)
    }

    @Test func allZerosTakeOneByte() throws {
        let (bytes, _) = try roundTrip([UInt32](repeating: 0, count: 128))
        #expect(bytes == [0])
    }

    @Test func tailIsVarints() throws {
        let (bytes, _) = try roundTrip([1, 300, 0])
        #expect(hex(bytes) == "01 AC 02 00")
    }

    @Test func widthAbove32Throws() {
        let error = corruption {
            var reader = ByteReader(slice([33] + [UInt8](repeating: 0, count: 600)))
            var buffer: [UInt32] = []
            try PackedBlock.read(count: 128, from: &reader, into: &buffer)
        }
        #expect(error?.reason == .invalidBitWidth(33))
    }

    @Test func truncatedBlockThrowsAndLeavesTheReaderInPlace() throws {
        var writer = ByteWriter()
        PackedBlock.write((0..<128).map { UInt32($0) }, into: &writer)
        let bytes = writer.bytes
        #expect(bytes.count == 1 + 16 * 7)
        for length in [0, 1, bytes.count - 1] {
            var reader = ByteReader(slice(Array(bytes.prefix(length))))
            var buffer: [UInt32] = []
            let error = corruption { try PackedBlock.read(count: 128, from: &reader, into: &buffer) }
            guard case .unexpectedEnd = error?.reason else {
                Issue.record("expected unexpectedEnd, got \(String(describing: error))")
                continue
            }
            #expect(reader.position == 0)
        }
    }

    @Test func truncatedTailThrows() {
        var reader = ByteReader(slice([0x01, 0xAC]))
        var buffer: [UInt32] = []
        let error = corruption { try PackedBlock.read(count: 2, from: &reader, into: &buffer) }
        #expect(error?.reason == .malformedVarInt(.truncated))
        #expect(error?.offset == 1)
    }
}
