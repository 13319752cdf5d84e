/// The 24 bytes every index file starts with.
///
/// ```
/// Header --> Magic, FormatVersion, FileKind, Reserved, SegmentID
/// Magic         --> 4B 5A 49 58  ("KZIX")
/// FormatVersion --> UInt16        (FormatVersion.current)
/// FileKind      --> UInt8         (SegmentFile.rawValue)
/// Reserved      --> UInt8 = 0
/// SegmentID     --> 16 bytes
/// ```
///
/// Why each field: the magic rejects files that are not ours; the version lets a future
/// build refuse (or convert) an old index instead of misreading it; the kind catches files
/// renamed into the wrong role; the segment identity catches files of two segments mixed
/// up. The size is a multiple of 8 so that data after the header can be 8-aligned.
///
/// Checked through ``IndexFile``, which also handles the footer; change this struct and
/// docs/INDEX_FORMAT.md in the same commit.
public struct FileHeader: Equatable, Sendable {
    /// "KZIX" read as a little-endian `UInt32`, so the file shows `KZIX` in a hex dump.
    public static let magic: UInt32 = 0x5849_5A4B
    public static let byteCount = 24

    public var formatVersion: FormatVersion
    public var kind: SegmentFile
    public var segmentID: SegmentID

    public init(kind: SegmentFile, segmentID: SegmentID, formatVersion: FormatVersion = .current) {
        self.kind = kind
        self.segmentID = segmentID
        self.formatVersion = formatVersion
    }

    public func write(into writer: inout ByteWriter) {
        writer.writeInteger(Self.magic)
        writer.writeInteger(formatVersion.rawValue)
        writer.writeByte(kind.rawValue)
        writer.writeByte(0)
        segmentID.write(into: &writer)
    }

    /// Reads and validates the header at the start of `slice`, which must be of kind `kind`.
    /// The segment identity is returned, not checked: ``IndexFile`` compares it.
    public static func read(from slice: ByteSlice, expecting kind: SegmentFile) throws(IndexCorruption) -> FileHeader {
        let magic = try slice.integer(at: 0, as: UInt32.self)
        guard magic == Self.magic else { throw slice.corruption(at: 0, .badHeaderMagic(found: magic)) }
        let version = FormatVersion(rawValue: try slice.integer(at: 4, as: UInt16.self))
        guard version.isSupported else {
            throw slice.corruption(at: 4, .unsupportedFormatVersion(found: version, supported: FormatVersion.supported))
        }
        let code = try slice.byte(at: 6)
        guard code == kind.rawValue else {
            throw slice.corruption(at: 6, .wrongFileKind(expected: kind.rawValue, found: code))
        }
        let reserved = try slice.byte(at: 7)
        guard reserved == 0 else { throw slice.corruption(at: 7, .nonZeroReserved(found: reserved)) }
        let segmentID = try SegmentID.read(from: slice, at: 8)
        return FileHeader(kind: kind, segmentID: segmentID, formatVersion: version)
    }
}
