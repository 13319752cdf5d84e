import Testing
@testable import IndexStore

/// The worked examples of docs/INDEX_FORMAT.md, byte for byte, so the document cannot
/// drift from the code.
@Suite struct DocumentedExamplesTests {
    @Test func wholePostingsFile() {
        var writer = ByteWriter()
        let segment = SegmentID(low: 0x0706_0504_0302_0100, high: 0x0F0E_0D0C_0B0A_0908)
        IndexFile.writeHeader(kind: .postings, segmentID: segment, into: &writer)
        DeltaBlock.write([7, 8, 11, 300], base: 5, into: &writer)
        IndexFile.writeFooter(into: &writer)
        #expect(hex(writer.bytes) == """
            4B 5A 49 58 01 00 04 00 00 01 02 03 04 05 06 07 \
            08 09 0A 0B 0C 0D 0E 0F 02 00 02 A0 02 4B 5A 45 \
            4E 01 00 00 00 22 30 F0 19
            """)
    }

    @Test func packedBlockOfWidth3() {
        var writer = ByteWriter()
        PackedBlock.write((0..<128).map { UInt32($0 % 8) }, into: &writer)
        #expect(writer.count == 1 + 48)
        #expect(hex(Array(writer.bytes.prefix(7))) == "03 88 C6 FA 88 C6 FA")
    }

    @Test func compressedBlock() {
        var writer = ByteWriter()
        Deflate.writeBlock(Array("motie motie motie motie".utf8), level: 6, into: &writer)
        #expect(hex(writer.bytes) == "17 10 78 9C CB CD 2F C9 4C 55 C8 45 27 01 6A 8F 08 D9")
    }
}
