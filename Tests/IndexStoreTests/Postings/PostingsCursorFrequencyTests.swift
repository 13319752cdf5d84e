import Testing
@testable import IndexStore

/// A frequency of 2^24 or more can only be damage (INDEX_FORMAT.md, postings): the cursor
/// refuses the block that holds one, wherever in the block it sits, and accepts the
/// largest frequency below the limit.
@Suite struct PostingsCursorFrequencyTests {
    /// One full block of 128 postings (ids 0…127, no skip table) with `frequencies`
    /// stored minus one, as a term with exactly 128 passages is written.
    private func cursor(frequencies: [UInt32]) throws -> PostingsCursor {
        var writer = ByteWriter()
        DeltaBlock.write((0..<128).map { UInt32($0) }, base: 0, into: &writer)
        PackedBlock.write(frequencies.map { $0 - 1 }, into: &writer)
        let info = TermInfo(documentFrequency: 128, postingsOffset: 0, positionsOffset: 0, maximumFrequency: 1, minimumLength: 1)
        return try PostingsCursor(postings: slice(writer.bytes, name: "test.pst"), positions: slice([], name: "test.pos"), info: info)
    }

    @Test(arguments: [0, 63, 127])
    func aFrequencyAtTheLimitIsDamage(at index: Int) throws {
        var frequencies = [UInt32](repeating: 2, count: 128)
        frequencies[index] = PostingsCursor.maximumFrequency + 1  // stored as 2^24
        var cursor = try cursor(frequencies: frequencies)
        let error = corruption { _ = try cursor.frequency }
        #expect(error?.reason == .implausibleLength(Int(PostingsCursor.maximumFrequency), limit: Int(PostingsCursor.maximumFrequency)))
    }

    @Test func theLargestFrequencyBelowTheLimitIsRead() throws {
        var frequencies = [UInt32](repeating: 1, count: 128)
        frequencies[5] = PostingsCursor.maximumFrequency  // stored as 2^24 - 1
        var cursor = try cursor(frequencies: frequencies)
        #expect(try cursor.frequency == 1)
        #expect(try cursor.seek(5) == 5)
        #expect(try cursor.frequency == PostingsCursor.maximumFrequency)
    }
}
