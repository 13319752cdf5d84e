import Testing
@testable import IndexStore

@Suite("Deletion bitmap")
struct DeletionBitmapTests {
    static let segment = SegmentID(low: 0x1122, high: 0x3344)

    @Test(arguments: [0, 1, 63, 64, 65, 128, 130, 1000])
    func roundTripAtWordEdges(documentCount: Int) throws {
        var bitmap = DeletionBitmap(documentCount: documentCount)
        let deleted = Set([0, 1, 62, 63, 64, 127, 129, documentCount - 1].filter { $0 >= 0 && $0 < documentCount })
        for ordinal in deleted { bitmap.delete(ordinal) }
        // Deleting twice counts once.
        if let any = deleted.first { bitmap.delete(any) }
        #expect(bitmap.deletedCount == deleted.count)
        for ordinal in 0 ..< documentCount { #expect(bitmap.isDeleted(ordinal) == deleted.contains(ordinal)) }

        let bytes = bitmap.encode(segmentID: Self.segment).bytes
        #expect(bytes.count == IndexFile.overhead + VarInt.encodedLength(UInt64(documentCount)) + 1 + (documentCount + 63) / 64 * 8)
        let decoded = try DeletionBitmap.decode(slice(bytes, name: "_0_1.del"), segmentID: Self.segment, documentCount: documentCount)
        #expect(decoded == bitmap)
    }

    @Test func documentedBytes() {
        // 70 documents, 0 and 65 deleted: counts 70 and 2, then two words.
        var bitmap = DeletionBitmap(documentCount: 70)
        bitmap.delete(0)
        bitmap.delete(65)
        let body = Array(bitmap.encode(segmentID: Self.segment).bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))
        #expect(hex(body) == "46 02 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00")
    }

    @Test func refusesWhatDoesNotFitTheSegment() throws {
        var bitmap = DeletionBitmap(documentCount: 70)
        bitmap.delete(3)
        let bytes = bitmap.encode(segmentID: Self.segment).bytes
        // Another segment's deletions, or a segment of another size.
        _ = corruption { _ = try DeletionBitmap.decode(slice(bytes), segmentID: SegmentID(low: 9, high: 9), documentCount: 70) }
        _ = corruption { _ = try DeletionBitmap.decode(slice(bytes), segmentID: Self.segment, documentCount: 71) }
    }

    /// Bits past the last document, or a count that disagrees with the bits, are damage
    /// even under a valid checksum.
    @Test func refusesInconsistentBits() throws {
        func file(count: Int, deleted: Int, words: [UInt64]) -> ByteSlice {
            var writer = ByteWriter()
            IndexFile.writeHeader(kind: .deletions, segmentID: Self.segment, into: &writer)
            writer.writeVarUInt32(UInt32(count))
            writer.writeVarUInt32(UInt32(deleted))
            for word in words { writer.writeInteger(word, as: UInt64.self) }
            IndexFile.writeFooter(into: &writer)
            return slice(writer.bytes)
        }
        #expect(try DeletionBitmap.decode(file(count: 70, deleted: 1, words: [1, 0]), segmentID: Self.segment, documentCount: 70).deletedCount == 1)
        _ = corruption { _ = try DeletionBitmap.decode(file(count: 70, deleted: 2, words: [1, 0]), segmentID: Self.segment, documentCount: 70) }
        _ = corruption { _ = try DeletionBitmap.decode(file(count: 70, deleted: 2, words: [1, 1 << 6]), segmentID: Self.segment, documentCount: 70) }
        _ = corruption { _ = try DeletionBitmap.decode(file(count: 70, deleted: 1, words: [1]), segmentID: Self.segment, documentCount: 70) }
    }

    @Test func everyDamagedByteIsRefused() {
        var bitmap = DeletionBitmap(documentCount: 100)
        bitmap.delete(42)
        let bytes = bitmap.encode(segmentID: Self.segment).bytes
        for offset in bytes.indices {
            var damaged = bytes
            damaged[offset] ^= 0x04
            _ = corruption { _ = try DeletionBitmap.decode(slice(damaged), segmentID: Self.segment, documentCount: 100) }
        }
    }
}
