/// Thrown whenever bytes read from an index file do not obey the format in
/// docs/INDEX_FORMAT.md: a read past the end, a malformed varint, a wrong magic number,
/// a checksum that does not match.
///
/// Readers never trap and never return garbage on bad input; they throw this. A trap is
/// reserved for bugs in the calling code (asking a writer to pack 129 values into a block
/// of 128), which no file content can cause.
///
/// `offset` is the absolute byte offset in `file` where the problem was found, so that a
/// person with `xxd` can look at it. The description ends with what to do about it: an
/// index is derived data, and rebuilding it from the documents is always possible.
public struct IndexCorruption: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name (not its whole path, which may differ between machines), or a
    /// label such as `"<memory>"` for bytes that never came from a file.
    public var file: String
    public var offset: Int
    public var reason: Reason

    public init(file: String, offset: Int, reason: Reason) {
        self.file = file
        self.offset = offset
        self.reason = reason
    }

    /// One case per kind of damage, so that tests (and `kamerzoek check`) can tell a torn
    /// write (`unexpectedEnd`) from bit rot (`checksumMismatch`) from a file of another
    /// program (`badHeaderMagic`).
    public enum Reason: Sendable, Equatable {
        /// A read needed `needed` bytes where only `available` were left.
        case unexpectedEnd(needed: Int, available: Int)
        case malformedVarInt(VarInt.Malformation)
        /// A packed block declared a bit width above 32.
        case invalidBitWidth(Int)
        /// Decoded ids were not strictly increasing or ran past `UInt32.max`.
        case idOverflow
        case badHeaderMagic(found: UInt32)
        case wrongFileKind(expected: UInt8, found: UInt8)
        case unsupportedFormatVersion(found: FormatVersion, supported: ClosedRange<FormatVersion>)
        case nonZeroReserved(found: UInt8)
        case segmentMismatch(expected: SegmentID, found: SegmentID)
        case badFooterMagic(found: UInt32)
        case unknownChecksumAlgorithm(UInt32)
        case checksumMismatch(stored: UInt32, computed: UInt32)
        /// A file too short to hold even a header and a footer.
        case fileTooShort(length: Int, minimum: Int)
        /// A length field promised more than the caller allows or than the data can hold.
        case implausibleLength(Int, limit: Int)
        case decompressionFailed(String)
        /// A value that breaks an invariant of the format (an ordinal out of range, terms
        /// out of order), described in words.
        case invariantViolated(String)
    }

    public var description: String {
        "index file \(file) is damaged at byte \(offset): \(reason). "
            + "The index is derived from the documents and can be rebuilt: "
            + "run `kamerzoek index --rebuild`."
    }
}

extension IndexCorruption.Reason: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unexpectedEnd(needed, available):
            "needed \(needed) more bytes but only \(available) are left (truncated file?)"
        case let .malformedVarInt(malformation):
            "malformed varint (\(malformation))"
        case let .invalidBitWidth(width):
            "bit width \(width) is above 32"
        case .idOverflow:
            "decoded ids overflow 32 bits"
        case let .badHeaderMagic(found):
            "header magic is \(hex(found)), not a kamerzoek index file"
        case let .wrongFileKind(expected, found):
            "file kind is \(found), expected \(expected) (files renamed or mixed up?)"
        case let .unsupportedFormatVersion(found, supported):
            "format version \(found) is not supported by this build (supports \(supported.lowerBound)…\(supported.upperBound))"
        case let .nonZeroReserved(found):
            "reserved header byte is \(found), expected 0"
        case let .segmentMismatch(expected, found):
            "file belongs to segment \(found), expected \(expected) (files of different segments mixed up?)"
        case let .invariantViolated(what):
            what
        case let .badFooterMagic(found):
            "footer magic is \(hex(found)) (file truncated or not fully written?)"
        case let .unknownChecksumAlgorithm(algorithm):
            "unknown checksum algorithm \(algorithm)"
        case let .checksumMismatch(stored, computed):
            "checksum \(hex(computed)) does not match the stored \(hex(stored))"
        case let .fileTooShort(length, minimum):
            "file is \(length) bytes, shorter than the \(minimum) bytes of header and footer"
        case let .implausibleLength(length, limit):
            "length \(length) exceeds the limit of \(limit)"
        case let .decompressionFailed(message):
            "compressed block does not decompress (\(message))"
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
