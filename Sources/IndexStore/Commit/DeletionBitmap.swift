/// Which documents of a segment are deleted (replaced by a newer version, or their file
/// removed). A set bit hides the document and all its passages from searches; merging
/// drops them for good.
///
/// ```
/// Deletions --> Header, VarUInt32 documentCount, VarUInt32 deletedCount, UInt64 word^⌈documentCount / 64⌉, Footer
/// ```
///
/// Written as a new file `name_G.del` with each change (generation G), never rewritten, so
/// that a reader of an older commit keeps seeing the deletions of its own commit.
public struct DeletionBitmap: Sendable, Equatable {
    public let documentCount: Int
    private var words: [UInt64]
    public private(set) var deletedCount = 0

    public init(documentCount: Int) {
        self.documentCount = documentCount
        words = Array(repeating: 0, count: (documentCount + 63) / 64)
    }

    @inline(__always)
    public func isDeleted(_ ordinal: Int) -> Bool {
        words[ordinal >> 6] & (1 << UInt64(ordinal & 63)) != 0
    }

    public mutating func delete(_ ordinal: Int) {
        precondition(ordinal >= 0 && ordinal < documentCount, "document ordinal out of range")
        guard !isDeleted(ordinal) else { return }
        words[ordinal >> 6] |= 1 << UInt64(ordinal & 63)
        deletedCount += 1
    }

    func encode(segmentID: SegmentID) -> ByteWriter {
        var writer = ByteWriter(reservingCapacity: words.count * 8 + 64)
        IndexFile.writeHeader(kind: .deletions, segmentID: segmentID, into: &writer)
        writer.writeVarUInt32(UInt32(documentCount))
        writer.writeVarUInt32(UInt32(deletedCount))
        for word in words { writer.writeInteger(word, as: UInt64.self) }
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    static func decode(_ file: ByteSlice, segmentID: SegmentID, documentCount: Int) throws(IndexCorruption) -> DeletionBitmap {
        let body = try IndexFile.verify(file, kind: .deletions, segmentID: segmentID)
        var reader = ByteReader(body)
        let count = Int(try reader.readVarUInt32())
        let deleted = Int(try reader.readVarUInt32())
        guard count == documentCount else {
            throw body.corruption(at: 0, .invariantViolated("deletions for \(count) documents, the segment has \(documentCount)"))
        }
        var bitmap = DeletionBitmap(documentCount: count)
        for index in bitmap.words.indices { bitmap.words[index] = try reader.readInteger(as: UInt64.self) }
        bitmap.deletedCount = bitmap.words.reduce(0) { $0 + $1.nonzeroBitCount }
        // Bits past the last document must be clear, and the count must match the bits.
        let tailBits = count % 64
        guard bitmap.deletedCount == deleted, tailBits == 0 || bitmap.words.last! >> UInt64(tailBits) == 0 else {
            throw body.corruption(at: 0, .invariantViolated("the deletion count \(deleted) does not match the bitmap"))
        }
        return bitmap
    }
}
