/// The stored records (`.sto`): one compressed block per document.
///
/// ```
/// StoredFields --> CompressedBlock^documentCount
/// CompressedBlock --> VarUInt32 uncompressedLength, VarUInt32 compressedLength, zstd frame
/// ```
///
/// Segments before format 6 hold zlib streams instead (``Deflate``); they are read as
/// they are, and a merge recompresses their records.
///
/// The document table gives each record's offset. Why one block per document and not
/// fixed 16 KB blocks: results show one document at a time, and a letter compresses well on
/// its own (most are 20–70 KB of text).
enum StoredFields {
    /// A record larger than this cannot come from the indexer (it caps documents well
    /// below), so a length field above it is damage, refused before allocating.
    static let maximumRecordLength = 512 << 20

    /// The whole file around `body`, the compressed records one after another (a
    /// ``SegmentInverter`` compresses each record as its document is added).
    static func file(body: ByteWriter, segmentID: SegmentID) -> ByteWriter {
        var writer = ByteWriter(reservingCapacity: FileHeader.byteCount + body.count + FileFooter.byteCount)
        IndexFile.writeHeader(kind: .storedFields, segmentID: segmentID, into: &writer)
        writer.writeBytes(body.bytes)
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    /// The compressed record of `entry` as it lies in the file (both lengths and the
    /// compressed bytes): a merge copies records without decompressing them. The lengths
    /// are checked as ``read(_:entry:formatVersion:)`` checks them; the compressed bytes
    /// were checksummed with the file.
    static func rawRecord(_ body: ByteSlice, entry: DocumentEntry) throws(IndexCorruption) -> ByteSlice {
        guard entry.storedOffset < UInt64(body.count) else {
            throw body.corruption(at: 0, .invariantViolated("record offset \(entry.storedOffset) lies beyond the stored fields"))
        }
        var reader = ByteReader(body, position: Int(entry.storedOffset))
        let uncompressedCount = Int(try reader.readVarUInt32())
        guard uncompressedCount <= maximumRecordLength else {
            throw body.corruption(at: Int(entry.storedOffset), .implausibleLength(uncompressedCount, limit: maximumRecordLength))
        }
        let compressedCount = Int(try reader.readVarUInt32())
        _ = try reader.readSlice(count: compressedCount)
        return try body.slice(at: Int(entry.storedOffset), count: reader.position - Int(entry.storedOffset))
    }

    static func read(_ body: ByteSlice, entry: DocumentEntry, formatVersion: FormatVersion = .current) throws(IndexCorruption) -> StoredDocument {
        guard entry.storedOffset < UInt64(body.count) else {
            throw body.corruption(at: 0, .invariantViolated("record offset \(entry.storedOffset) lies beyond the stored fields"))
        }
        var reader = ByteReader(body, position: Int(entry.storedOffset))
        let record = formatVersion.storedRecordsUseZstd
            ? try Zstd.readBlock(from: &reader, maximumUncompressedCount: maximumRecordLength)
            : try Deflate.readBlock(from: &reader, maximumUncompressedCount: maximumRecordLength)
        var recordReader = ByteReader(record)
        return try StoredDocument.decodeRecord(id: entry.id, from: &recordReader)
    }
}
