import Testing
@testable import IndexStore

/// A cursor reads the positions of the postings it is asked about and passes over the
/// others; it keeps its place in the positions stream between calls. Whatever postings
/// are asked about, in whatever pattern (every one, a few, the same twice), each must get
/// exactly the positions written for it.
@Suite struct PostingsCursorPositionsTests {
    /// One full block of 128 postings (ids 0…127, no skip table), posting i with (i % 5) + 1
    /// positions whose gaps alternate between one varint byte (3) and two (200).
    private static let written: [[UInt32]] = (0 ..< 128).map { posting in
        var position = UInt32(posting % 3)
        return (0 ..< (posting % 5) + 1).map { occurrence in
            if occurrence > 0 { position += occurrence % 2 == 0 ? 3 : 200 }
            return position
        }
    }

    private func cursor() throws -> PostingsCursor {
        var postings = ByteWriter()
        DeltaBlock.write((0 ..< 128).map { UInt32($0) }, base: 0, into: &postings)
        PackedBlock.write(Self.written.map { UInt32($0.count - 1) }, into: &postings)
        var positions = ByteWriter()
        for list in Self.written {
            var previous: UInt32 = 0
            for (index, position) in list.enumerated() {
                VarInt.encode(UInt64(index == 0 ? position : position - previous), into: &positions)
                previous = position
            }
        }
        let info = TermInfo(documentFrequency: 128, postingsOffset: 0, positionsOffset: 0, maximumFrequency: 5, minimumLength: 1)
        return try PostingsCursor(postings: slice(postings.bytes, name: "test.pst"), positions: slice(positions.bytes, name: "test.pos"), info: info)
    }

    /// A merge copies a posting's positions as encoded: decoding the copy must give the
    /// positions written, whichever postings are copied, and a copy after a decode of the
    /// same posting must start where that decode started.
    @Test(arguments: [1, 3, 50])
    func everyKthPostingCopiesItsOwnEncodedPositions(stride step: Int) throws {
        var cursor = try cursor()
        var decoded: [UInt32] = []
        for posting in Swift.stride(from: 0, to: 128, by: step) {
            #expect(try cursor.seek(UInt32(posting)) == UInt32(posting))
            if posting % 2 == 1 { try cursor.positions(into: &decoded) }
            var copy = TermPostings()
            let count = try cursor.copyEncodedPositions(into: &copy.encodedPositions)
            #expect(count == Self.written[posting].count)
            var reader = ByteReader(slice(copy.encodedPositions, name: "copy.pos"))
            var positions: [UInt32] = []
            for _ in 0 ..< count { positions.append((positions.last ?? 0) + (try reader.readVarUInt32())) }
            #expect(positions == Self.written[posting], "posting \(posting)")
            #expect(reader.position == copy.encodedPositions.count)
        }
    }

    @Test(arguments: [1, 2, 3, 7, 50])
    func everyKthPostingGetsItsOwnPositions(stride step: Int) throws {
        var cursor = try cursor()
        var buffer: [UInt32] = []
        for posting in Swift.stride(from: 0, to: 128, by: step) {
            #expect(try cursor.seek(UInt32(posting)) == UInt32(posting))
            try cursor.positions(into: &buffer)
            #expect(buffer == Self.written[posting], "posting \(posting)")
        }
    }

    @Test func askingTwiceGivesTheSameAnswer() throws {
        var cursor = try cursor()
        var buffer: [UInt32] = []
        for posting in [0, 0, 4, 4, 5, 9, 9, 9, 127, 127] {
            #expect(try cursor.seek(UInt32(posting)) == UInt32(posting))
            let count = try cursor.positionCount()
            // Written from an offset, leaving the elements around untouched.
            var row = [UInt32](repeating: .max, count: count + 4)
            var output = row.mutableSpan
            #expect(try cursor.decodePositions(into: &output, at: 3) == count)
            #expect(Array(row[3 ..< 3 + count]) == Self.written[posting], "posting \(posting)")
            #expect(row[..<3].allSatisfy { $0 == .max } && row[3 + count] == .max, "posting \(posting)")
            try cursor.positions(into: &buffer)
            #expect(buffer == Self.written[posting], "posting \(posting), again")
        }
    }

    @Test func anExhaustedCursorHasNoPositions() throws {
        var cursor = try cursor()
        #expect(try cursor.seek(200) == PostingsCursor.exhausted)
        #expect(try cursor.positionCount() == 0)
        var buffer: [UInt32] = [7]
        try cursor.positions(into: &buffer)
        #expect(buffer.isEmpty)
    }
}
