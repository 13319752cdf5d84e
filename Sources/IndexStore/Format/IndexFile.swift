/// The one place that writes and checks the header and footer around every index file
/// (Lucene's `CodecUtil`): writers call ``writeHeader(kind:segmentID:into:)`` first and
/// ``writeFooter(into:)`` last, readers call ``open(_:kind:segmentID:)`` or
/// ``verify(_:kind:segmentID:)`` and get back the body between the two.
///
/// ```
/// File --> Header, Body, Footer
/// ```
///
/// Two levels of checking, because reading a file is cheap and checksumming it is not:
/// - ``open(_:kind:segmentID:)`` checks header and footer fields: wrong files, other
///   segments' files, unsupported versions and truncated files all fail here, in constant
///   time. Use it when a searcher opens a snapshot.
/// - ``verify(_:kind:segmentID:)`` also recomputes the checksum over the whole file. Use
///   it for small files read whole anyway, before a merge copies data into a new segment
///   (so damage does not spread), and in `kamerzoek check`.
public enum IndexFile {
    /// Bytes the header and footer add to every file.
    public static let overhead = FileHeader.byteCount + FileFooter.byteCount

    public static func writeHeader(kind: SegmentFile, segmentID: SegmentID, into writer: inout ByteWriter) {
        precondition(writer.count == 0, "the header starts the file")
        FileHeader(kind: kind, segmentID: segmentID).write(into: &writer)
    }

    public static func writeFooter(into writer: inout ByteWriter) {
        precondition(writer.count >= FileHeader.byteCount, "write the header first")
        FileFooter.write(into: &writer)
    }

    /// Checks header and footer of `file` (a whole file) without reading the body, and
    /// returns the body. `segmentID` nil skips the identity check (tools that inspect
    /// single files).
    public static func open(_ file: ByteSlice, kind: SegmentFile, segmentID: SegmentID?) throws(IndexCorruption) -> ByteSlice {
        guard file.count >= overhead else {
            // Say "too short" rather than whatever field happens to run off the end.
            throw file.corruption(at: 0, .fileTooShort(length: file.count, minimum: overhead))
        }
        let header = try FileHeader.read(from: file, expecting: kind)
        if let segmentID, header.segmentID != segmentID {
            throw file.corruption(at: 8, .segmentMismatch(expected: segmentID, found: header.segmentID))
        }
        _ = try FileFooter.read(from: file)
        return try file.slice(at: FileHeader.byteCount, count: file.count - overhead)
    }

    /// ``open(_:kind:segmentID:)`` plus a checksum over every byte of the file.
    public static func verify(_ file: ByteSlice, kind: SegmentFile, segmentID: SegmentID?) throws(IndexCorruption) -> ByteSlice {
        let body = try open(file, kind: kind, segmentID: segmentID)
        let footer = try FileFooter.read(from: file)
        let checksumOffset = file.count - 4
        var crc = CRC32C()
        crc.update(try file.slice(at: 0, count: checksumOffset))
        guard crc.value == footer.checksum else {
            throw file.corruption(at: checksumOffset, .checksumMismatch(stored: footer.checksum, computed: crc.value))
        }
        return body
    }
}
