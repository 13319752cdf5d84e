import Testing
@testable import IndexStore

/// A cursor's ordinal is the number of postings before the one it stands on, so that the
/// difference of two seeks' ordinals counts the ids between them (the rescoring's share of
/// a document's passages that hold a word): it must agree with counting one by one,
/// within a block, across blocks and past the end.
@Suite struct PostingsCursorOrdinalTests {
    /// 1,000 postings over eight blocks: ids 0, 3, 6, … with one position each.
    private static let ids: [UInt32] = (0 ..< 1_000).map { UInt32($0 * 3) }

    private func cursor() throws -> PostingsCursor {
        var term = TermPostings()
        term.ids = Self.ids
        term.frequencies = Array(repeating: 1, count: Self.ids.count)
        term.positions = Array(repeating: 0, count: Self.ids.count)
        var writer = PostingsWriter()
        writer.startFiles(segmentID: SegmentID(low: 1, high: 2))
        let start = writer.write(term, lengths: Array(repeating: 10, count: 3_000), bodyStart: FileHeader.byteCount)
        writer.finishFiles()
        let postings = Array(writer.postings.bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        let positions = Array(writer.positions.bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        let info = TermInfo(
            documentFrequency: UInt32(Self.ids.count), postingsOffset: start.postingsOffset, positionsOffset: start.positionsOffset,
            maximumFrequency: 1, minimumLength: 10)
        return try PostingsCursor(postings: slice(postings, name: "test.pst"), positions: slice(positions, name: "test.pos"), info: info)
    }

    @Test func startsAtZeroAndCountsAdvances() throws {
        var cursor = try cursor()
        #expect(cursor.ordinal == 0)
        for expected in 1 ..< Self.ids.count {
            try cursor.advance()
            #expect(cursor.ordinal == expected)
        }
        try cursor.advance()
        #expect(cursor.current == PostingsCursor.exhausted)
        #expect(cursor.ordinal == Self.ids.count)
    }

    /// Ranges inside one block, across several, on and between ids, and past the end.
    @Test(arguments: [(0, 1), (1, 2), (10, 40), (380, 390), (383, 767), (100, 2_000), (2_990, 2_998), (2_500, 5_000), (4_000, 5_000)])
    func ordinalsCountTheIdsBetweenTwoSeeks(range: (Int, Int)) throws {
        var cursor = try cursor()
        try cursor.seek(UInt32(range.0))
        let first = cursor.ordinal
        try cursor.seek(UInt32(range.1))
        let expected = Self.ids.filter { $0 >= range.0 && $0 < range.1 }.count
        #expect(cursor.ordinal - first == expected)
    }
}
