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
            4B 5A 49 58 09 00 04 00 00 01 02 03 04 05 06 07 \
            08 09 0A 0B 0C 0D 0E 0F 02 00 02 A0 02 4B 5A 45 \
            4E 01 00 00 00 B8 84 E1 C3
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

    /// docs/INDEX_FORMAT.md, "Postings (.pst) and positions (.pos)": a term in passage 3
    /// once (position 7), in passage 4 three times (2, 10, 200), in passage 9 once (0).
    @Test func postingsAndPositionsOfASmallTerm() throws {
        var term = TermPostings()
        term.ids = [3, 4, 9]
        term.frequencies = [1, 3, 1]
        term.positions = [7, 2, 10, 200, 0]
        var writer = PostingsWriter()
        let segment = SegmentID(low: 1, high: 2)
        writer.startFiles(segmentID: segment)
        let start = writer.write(term, lengths: Array(repeating: 250, count: 10), bodyStart: FileHeader.byteCount)
        writer.finishFiles()
        #expect(start.postingsOffset == 0 && start.positionsOffset == 0)
        let postings = Array(writer.postings.bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        let positions = Array(writer.positions.bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        // Id gaps 3, 0, 4 as a varint tail; frequencies minus one 0, 2, 0; no skip table.
        #expect(hex(postings) == "03 00 04 00 02 00")
        // Per passage: first position, then gaps (200 − 10 = 190 = BE 01).
        #expect(hex(positions) == "07 02 08 BE 01 00")

        // And a cursor reads the same back.
        let info = TermInfo(documentFrequency: 3, postingsOffset: 0, positionsOffset: 0, maximumFrequency: 3, minimumLength: 250)
        var cursor = try PostingsCursor(postings: slice(postings), positions: slice(positions), info: info)
        var read: [String] = []
        var buffer: [UInt32] = []
        while cursor.current != PostingsCursor.exhausted {
            try cursor.positions(into: &buffer)
            read.append("\(cursor.current)×\(try cursor.frequency)@\(buffer)")
            try cursor.advance()
        }
        #expect(read == ["3×1@[7]", "4×3@[2, 10, 200]", "9×1@[0]"])
    }

    /// docs/INDEX_FORMAT.md, "Term dictionary": the first three entries of a block, the
    /// second front-coded against the first and a step ahead, the third pointing back at
    /// the first's postings.
    @Test func termDictionaryEntries() {
        var writer = TermDictionaryWriter(segmentID: SegmentID(low: 1, high: 2))
        writer.add(key: TermSpace.bodyStem.key("raad"), TermInfo(documentFrequency: 3, postingsOffset: 0, positionsOffset: 0, maximumFrequency: 3, minimumLength: 250, documentCount: 2))
        writer.add(key: TermSpace.bodyStem.key("raadsel"), TermInfo(documentFrequency: 1, postingsOffset: 6, positionsOffset: 6, maximumFrequency: 1, minimumLength: 12, documentCount: 1))
        writer.add(key: TermSpace.bodyExact.key("raad"), TermInfo(documentFrequency: 3, postingsOffset: 0, positionsOffset: 0, maximumFrequency: 3, minimumLength: 250, documentCount: 2))
        writer.finish()
        let dictionary = Array(writer.dictionary.bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        let index = Array(writer.index.bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        #expect(hex(dictionary) == "00 05 01 72 61 61 64 03 00 00 03 FA 01 02 05 03 73 65 6C 01 0C 06 01 0C 00 05 02 72 61 61 64 03 01 00 03 FA 01 02")
        #expect(hex(index) == "03 20 01 05 01 72 61 61 64 00")
    }
}

extension DocumentedExamplesTests {
    /// docs/INDEX_FORMAT.md, "Spelling lists (.spl)": `raad` (2 documents), `staat` (1)
    /// and `straat` (4), among terms that are not words.
    @Test func spellingLists() throws {
        var writer = SpellingListsWriter()
        writer.add(key: TermSpace.bodyExact.key("2024"), documentCount: 9)
        writer.add(key: TermSpace.bodyExact.key("raad"), documentCount: 2)
        writer.add(key: TermSpace.bodyExact.key("raad van"), documentCount: 2)
        writer.add(key: TermSpace.bodyExact.key("staat"), documentCount: 1)
        writer.add(key: TermSpace.bodyExact.key("straat"), documentCount: 4)
        writer.add(key: TermSpace.titleExact.key("tafel"), documentCount: 3)
        let file = writer.write(segmentID: SegmentID(low: 1, high: 2)).bytes
        let body = Array(file.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        #expect(hex(body) == """
            03 0F 01 00 04 72 61 61 64 02 00 05 73 74 61 61 \
            74 01 02 04 72 61 61 74 04 00 02 01
            """)
        let words = try SpellingLists(slice(body)).decode()
        #expect(String(decoding: words.bytes, as: UTF8.self) == "raadstaatstraat")
        #expect(words.starts == [0, 4, 9, 15] && words.counts == [2, 1, 4] && words.backward == [0, 2, 1])
    }
}
