/// The 12 bytes every index file ends with.
///
/// ```
/// Footer --> FooterMagic, ChecksumAlgorithm, Checksum
/// FooterMagic       --> 4B 5A 45 4E  ("KZEN")
/// ChecksumAlgorithm --> UInt32 = 1   (CRC-32C)
/// Checksum          --> UInt32       (CRC-32C of every byte before this field)
/// ```
///
/// The footer sits at a fixed distance from the end, so a reader finds it without parsing
/// the file, and a file cut short by a crash has no valid footer magic where it should be.
/// The checksum covers the header, the body, and the footer's own first eight bytes: every
/// byte but itself. The algorithm field costs four bytes and lets a later version switch
/// checksums without guessing.
public struct FileFooter: Equatable, Sendable {
    /// "KZEN" read as a little-endian `UInt32`.
    public static let magic: UInt32 = 0x4E45_5A4B
    public static let crc32cAlgorithm: UInt32 = 1
    public static let byteCount = 12

    /// The checksum stored in the file.
    public var checksum: UInt32

    public init(checksum: UInt32) {
        self.checksum = checksum
    }

    /// Appends the footer to `writer`, whose bytes so far are the whole file.
    public static func write(into writer: inout ByteWriter) {
        var crc = CRC32C()
        writer.bytes.withUnsafeBytes { crc.update($0) }
        write(into: &writer, continuing: crc)
    }

    /// Appends the footer when the preceding bytes were checksummed as they were written
    /// (`crc` has seen exactly the bytes before the footer), for files written in pieces.
    public static func write(into writer: inout ByteWriter, continuing crc: CRC32C) {
        var crc = crc
        let start = writer.count
        writer.writeInteger(magic)
        writer.writeInteger(crc32cAlgorithm)
        writer.bytes.withUnsafeBytes { crc.update(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        writer.writeInteger(crc.value)
    }

    /// Reads and validates the footer at the end of `file` (a whole file). Checks the magic
    /// and algorithm only; ``IndexFile/verify(_:kind:segmentID:)`` recomputes the checksum.
    public static func read(from file: ByteSlice) throws(IndexCorruption) -> FileFooter {
        let start = file.count - byteCount
        guard start >= 0 else {
            throw file.corruption(at: 0, .fileTooShort(length: file.count, minimum: byteCount))
        }
        let magic = try file.integer(at: start, as: UInt32.self)
        guard magic == Self.magic else { throw file.corruption(at: start, .badFooterMagic(found: magic)) }
        let algorithm = try file.integer(at: start + 4, as: UInt32.self)
        guard algorithm == crc32cAlgorithm else {
            throw file.corruption(at: start + 4, .unknownChecksumAlgorithm(algorithm))
        }
        return FileFooter(checksum: try file.integer(at: start + 8))
    }
}
