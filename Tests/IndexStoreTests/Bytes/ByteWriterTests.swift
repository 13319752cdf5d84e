import Testing
@testable import IndexStore

@Suite struct ByteWriterTests {
    @Test func integersAreLittleEndian() {
        var writer = ByteWriter()
        writer.writeInteger(UInt16(0x0102))
        writer.writeInteger(UInt32(0x0102_0304))
        writer.writeInteger(UInt64(0x0102_0304_0506_0708))
        writer.writeInteger(Int32(-2))
        #expect(hex(writer.bytes) == "02 01 04 03 02 01 08 07 06 05 04 03 02 01 FE FF FF FF")
    }

    @Test func setIntegerPatchesInPlace() {
        var writer = ByteWriter()
        writer.writeInteger(UInt32(0))
        writer.writeByte(0xAA)
        writer.setInteger(UInt32(0xDEAD_BEEF), at: 0)
        #expect(hex(writer.bytes) == "EF BE AD DE AA")
    }

    @Test func alignPadsWithZeros() {
        var writer = ByteWriter()
        writer.writeByte(1)
        writer.align(to: 8)
        #expect(writer.count == 8)
        writer.align(to: 8)
        #expect(writer.count == 8)
        #expect(writer.bytes.dropFirst().allSatisfy { $0 == 0 })
    }

    @Test func lengthPrefixedRoundTrip() throws {
        var writer = ByteWriter()
        writer.writeLengthPrefixed(Array("huisverbod".utf8))
        writer.writeLengthPrefixed([UInt8]())
        writer.writeLengthPrefixed([UInt8](repeating: 7, count: 300))
        #expect(Array(writer.bytes.prefix(3)) == [10, 0x68, 0x75])
        var reader = ByteReader(slice(writer.bytes))
        #expect(try reader.readLengthPrefixedSlice().copyBytes() == Array("huisverbod".utf8))
        #expect(try reader.readLengthPrefixedSlice().isEmpty)
        #expect(try reader.readLengthPrefixedSlice().count == 300)
        #expect(reader.isAtEnd)
    }

    @Test func lengthPrefixAboveTheLimitThrows() {
        var writer = ByteWriter()
        writer.writeLengthPrefixed([UInt8](repeating: 7, count: 300))
        var reader = ByteReader(slice(writer.bytes))
        let error = corruption { _ = try reader.readLengthPrefixedSlice(maximumCount: 100) }
        #expect(error?.reason == .implausibleLength(300, limit: 100))
        #expect(reader.position == 0)
    }

    @Test func lengthPrefixPastTheEndThrows() {
        var reader = ByteReader(slice([5, 1, 2]))
        let error = corruption { _ = try reader.readLengthPrefixedSlice() }
        #expect(error?.reason == .unexpectedEnd(needed: 5, available: 2))
        #expect(reader.position == 0)
    }
}
