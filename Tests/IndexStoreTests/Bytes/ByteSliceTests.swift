import Testing
@testable import IndexStore

@Suite struct ByteSliceTests {
    private let bytes = slice([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A])

    @Test func readsUnalignedLittleEndianIntegers() throws {
        #expect(try bytes.integer(at: 1, as: UInt32.self) == 0x0504_0302)
        #expect(try bytes.integer(at: 2, as: UInt64.self) == 0x0A09_0807_0605_0403)
        #expect(try bytes.byte(at: 9) == 0x0A)
    }

    @Test func readsPastTheEndThrow() {
        let error = corruption { _ = try bytes.integer(at: 7, as: UInt32.self) }
        #expect(error?.reason == .unexpectedEnd(needed: 4, available: 3))
        #expect(error?.offset == 7)
        #expect(corruption { _ = try bytes.byte(at: 10) } != nil)
        #expect(corruption { _ = try bytes.byte(at: -1) } != nil)
        #expect(corruption { _ = try bytes.integer(at: .max, as: UInt64.self) } != nil)
        #expect(corruption { _ = try bytes.integer(at: .min, as: UInt64.self) } != nil)
    }

    @Test func subSlicesAreBoundedAndReportFileOffsets() throws {
        let middle = try bytes.slice(at: 4, count: 4)
        #expect(middle.copyBytes() == [5, 6, 7, 8])
        #expect(middle.fileOffset == 4)
        #expect(try middle.integer(at: 0, as: UInt16.self) == 0x0605)
        let error = corruption { _ = try middle.integer(at: 2, as: UInt32.self) }
        #expect(error?.offset == 6)
        #expect(corruption { _ = try bytes.slice(at: 8, count: 3) } != nil)
        #expect(corruption { _ = try bytes.slice(at: 3, count: -1) } != nil)
        #expect(corruption { _ = try bytes.slice(at: 1, count: .max) } != nil)
        #expect(try bytes.slice(at: 10, count: 0).isEmpty)
        #expect(try bytes.slice(from: 10).isEmpty)
    }

    @Test func emptySliceReadsThrow() {
        let empty = slice([])
        #expect(empty.isEmpty)
        #expect(empty.copyBytes() == [])
        #expect(corruption { _ = try empty.byte(at: 0) }?.reason == .unexpectedEnd(needed: 1, available: 0))
        #expect(corruption { _ = try empty.varUInt32(at: 0) }?.reason == .malformedVarInt(.truncated))
    }

    @Test func readerAdvancesOnlyOnSuccess() throws {
        var reader = ByteReader(bytes)
        #expect(try reader.readByte() == 1)
        #expect(try reader.readInteger(as: UInt16.self) == 0x0302)
        #expect(reader.position == 3)
        #expect(corruption { _ = try reader.readInteger(as: UInt64.self) } != nil)
        #expect(reader.position == 3)
        try reader.skip(6)
        #expect(reader.remaining == 1)
        #expect(corruption { try reader.skip(2) } != nil)
        try reader.seek(to: 10)
        #expect(reader.isAtEnd)
        #expect(corruption { try reader.seek(to: 11) } != nil)
    }

    @Test func corruptionDescriptionSaysWhatToDo() {
        let error = corruption { _ = try bytes.integer(at: 8, as: UInt32.self) }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("test.bin"))
        #expect(text.contains("byte 8"))
        #expect(text.contains("kamerzoek index --rebuild"))
    }
}
