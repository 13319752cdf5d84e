import Testing
@testable import IndexStore

@Suite struct VarIntTests {
    private func encoded(_ value: UInt64) -> [UInt8] {
        var writer = ByteWriter()
        writer.writeVarUInt64(value)
        return writer.bytes
    }

    @Test(arguments: [
        (UInt64(0), "00"),
        (1, "01"),
        (127, "7F"),
        (128, "80 01"),
        (300, "AC 02"),
        (16_383, "FF 7F"),
        (16_384, "80 80 01"),
        (UInt64(UInt32.max), "FF FF FF FF 0F"),
        (UInt64.max, "FF FF FF FF FF FF FF FF FF 01"),
    ])
    func workedExamples(value: UInt64, bytes: String) throws {
        #expect(hex(encoded(value)) == bytes)
        #expect(VarInt.encodedLength(value) == encoded(value).count)
        let decoded = try slice(encoded(value)).varUInt64(at: 0)
        #expect(decoded.value == value)
        #expect(decoded.length == encoded(value).count)
    }

    @Test func roundTripsAroundEveryLengthBoundary() throws {
        var values: [UInt64] = [0, UInt64.max]
        for shift in stride(from: 7, through: 63, by: 7) {
            let boundary = UInt64(1) << UInt64(shift)
            values += [boundary - 1, boundary, boundary + 1]
        }
        var writer = ByteWriter()
        for value in values { writer.writeVarUInt64(value) }
        var reader = ByteReader(slice(writer.bytes))
        for value in values {
            #expect(try reader.readVarUInt64() == value)
        }
        #expect(reader.isAtEnd)
    }

    @Test func skippingLandsWhereDecodingDoes() throws {
        // Every count from 0 to all 2,000 values, from every start among the first 20, of
        // values of every length: the skip ends exactly where decoding one by one does.
        var random = SeededGenerator(seed: 7)
        var writer = ByteWriter()
        for _ in 0 ..< 2_000 { writer.writeVarUInt32(UInt32.random(in: 0 ... .max, using: &random) >> UInt32.random(in: 0 ... 31, using: &random)) }
        let bytes = writer.bytes
        var ends = [0]
        var reader = ByteReader(slice(bytes))
        while !reader.isAtEnd {
            _ = try reader.readVarUInt32()
            ends.append(reader.position)
        }
        bytes.withUnsafeBytes { buffer in
            for first in 0 ..< 20 {
                for count in 0 ... ends.count - 1 - first {
                    #expect((try? VarInt.offset(afterSkipping: count, in: buffer, from: ends[first])) == ends[first + count])
                }
            }
        }
    }

    @Test func skippingPastTheEndThrows() {
        let bytes: [UInt8] = [0x01, 0x80, 0x01, 0x7F, 0x80, 0x80]
        bytes.withUnsafeBytes { buffer in
            #expect(throws: VarInt.Malformation.truncated) { try VarInt.offset(afterSkipping: 4, in: buffer, from: 0) }
            #expect(throws: VarInt.Malformation.truncated) { try VarInt.offset(afterSkipping: 1, in: buffer, from: 7) }
            #expect((try? VarInt.offset(afterSkipping: 3, in: buffer, from: 0)) == 4)
            #expect((try? VarInt.offset(afterSkipping: 0, in: buffer, from: 6)) == 6)
        }
    }

    @Test func seededRandomRoundTrip() throws {
        var random = SeededGenerator(seed: 42)
        var values32: [UInt32] = []
        var writer = ByteWriter()
        for _ in 0..<10_000 {
            // Spread over all lengths, not just the (mostly 5-byte) uniform distribution.
            let value = UInt32.random(in: 0...UInt32.max, using: &random) >> UInt32.random(in: 0...31, using: &random)
            values32.append(value)
            writer.writeVarUInt32(value)
        }
        var reader = ByteReader(slice(writer.bytes))
        for value in values32 {
            #expect(try reader.readVarUInt32() == value)
        }
        #expect(reader.isAtEnd)
    }

    @Test(arguments: [
        ([UInt8](), VarInt.Malformation.truncated),
        ([0x80], .truncated),
        ([0xFF, 0xFF, 0xFF], .truncated),
        ([0x80, 0x80, 0x80, 0x80, 0x80], .tooLong),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x10], .overflow),
        ([0x80, 0x00], .notMinimal),
        ([0xAC, 0x82, 0x00], .notMinimal),
    ])
    func malformedUInt32Throws(bytes: [UInt8], malformation: VarInt.Malformation) {
        let error = corruption { _ = try slice(bytes).varUInt32(at: 0) }
        #expect(error?.reason == .malformedVarInt(malformation))
        #expect(error?.offset == 0)
    }

    /// The same damage with more bytes after it, which takes the decoder's path for
    /// varints with five bytes in reach.
    @Test(arguments: [
        ([0x80, 0x80, 0x80, 0x80, 0x80], VarInt.Malformation.tooLong),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x10], .overflow),
        ([0x80, 0x00], .notMinimal),
        ([0xAC, 0x82, 0x00], .notMinimal),
        ([0x80, 0x80, 0x80, 0x80, 0x00], .notMinimal),
    ] as [([UInt8], VarInt.Malformation)])
    func malformedUInt32WithBytesAfterItThrows(bytes: [UInt8], malformation: VarInt.Malformation) {
        let error = corruption { _ = try slice(bytes + [1, 1, 1, 1, 1]).varUInt32(at: 0) }
        #expect(error?.reason == .malformedVarInt(malformation))
    }

    @Test func malformedUInt64Throws() {
        let nines = [UInt8](repeating: 0xFF, count: 9)
        #expect(corruption { _ = try slice(nines + [0x02]).varUInt64(at: 0) }?.reason == .malformedVarInt(.overflow))
        #expect(corruption { _ = try slice(nines + [0x81]).varUInt64(at: 0) }?.reason == .malformedVarInt(.tooLong))
        #expect(corruption { _ = try slice(nines).varUInt64(at: 0) }?.reason == .malformedVarInt(.truncated))
    }

    @Test func errorOffsetIsAbsoluteInTheFile() throws {
        let file = slice([0x01, 0x02, 0x03, 0x04, 0x80])
        let tail = try file.slice(from: 3)
        let error = corruption { _ = try tail.varUInt32(at: 1) }
        #expect(error?.offset == 4)
        #expect(error?.file == "test.bin")
    }

    @Test func offsetsOutsideTheSliceThrow() {
        let bytes = slice([0x01])
        #expect(corruption { _ = try bytes.varUInt32(at: 1) }?.reason == .malformedVarInt(.truncated))
        #expect(corruption { _ = try bytes.varUInt32(at: 2) } != nil)
        #expect(corruption { _ = try bytes.varUInt32(at: -1) } != nil)
    }

    @Test func everyTruncationOfEveryLengthThrows() {
        for value in [UInt64(128), 300, UInt64(UInt32.max), UInt64.max] {
            let bytes = encoded(value)
            for length in 0..<bytes.count {
                let error = corruption { _ = try slice(Array(bytes.prefix(length))).varUInt64(at: 0) }
                #expect(error?.reason == .malformedVarInt(.truncated))
            }
        }
    }
}
