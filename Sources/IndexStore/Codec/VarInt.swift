/// Unsigned LEB128 varints: seven bits per byte, least significant group first, the high
/// bit set on every byte but the last.
///
/// ```
///   300 = 0b10_0101100  →  1010_1100 (0x2C | 0x80)  0000_0010  →  AC 02
/// ```
///
/// Small numbers dominate an index (gaps between passage ids, term frequencies, lengths),
/// and a varint stores anything below 128 in one byte.
///
/// Decoding is strict, so that damage is caught where it is instead of producing a
/// plausible wrong number: a varint may not run past the end of the data, may not be longer
/// than its type allows (5 bytes for `UInt32`, 10 for `UInt64`), may not carry bits beyond
/// the type's width in its last byte, and may not be padded with extra zero groups (`80 00`
/// for 0). Each value thus has exactly one encoding, which the writer produces.
public enum VarInt {
    /// Why a varint did not decode.
    public enum Malformation: Error, Sendable, Equatable {
        /// The data ended before a byte without the continuation bit.
        case truncated
        /// The continuation bit is still set on the last byte the type allows.
        case tooLong
        /// The last byte carries bits beyond the type's width.
        case overflow
        /// Ends in a zero group that a shorter encoding would leave out.
        case notMinimal
    }

    public static let maxLengthUInt32 = 5
    public static let maxLengthUInt64 = 10

    /// The number of bytes `value` takes as a varint (1…10).
    public static func encodedLength(_ value: UInt64) -> Int {
        // Each byte holds 7 bits; 0 still needs one byte.
        let bits = max(1, 64 - value.leadingZeroBitCount)
        return (bits + 6) / 7
    }

    public static func encode(_ value: UInt64, into writer: inout ByteWriter) {
        var rest = value
        while rest >= 0x80 {
            writer.writeByte(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        writer.writeByte(UInt8(rest))
    }

    /// The varint of `value` (below 2^56) packed into an integer, first byte lowest, and
    /// its length: lets a writer store it with one call instead of one per byte.
    @inline(__always)
    static func packed(_ value: UInt64) -> (bytes: UInt64, count: Int) {
        if value < 0x80 { return (value, 1) }
        var rest = value
        var packed: UInt64 = 0
        var count = 0
        while rest >= 0x80 {
            packed |= (rest & 0x7F | 0x80) << UInt64(8 * count)
            rest >>= 7
            count += 1
        }
        packed |= rest << UInt64(8 * count)
        return (packed, count + 1)
    }

    /// Decodes the `UInt32` varint at `offset` in `buffer`, returning it and its length.
    ///
    /// One-byte varints are most of an index (gaps, frequencies, positions, key lengths),
    /// so their test is inlined into every caller and only longer ones make a call: a
    /// call would cost more than decoding the byte, in a short list's tail, a posting's
    /// positions and a dictionary entry's key lengths alike.
    @inline(__always)
    public static func decodeUInt32(
        _ buffer: UnsafeRawBufferPointer, at offset: Int
    ) throws(Malformation) -> (value: UInt32, length: Int) {
        if offset >= 0, offset < buffer.count {
            let first = buffer[offset]
            if first < 0x80 { return (UInt32(first), 1) }
        }
        return try decodeLongUInt32(buffer, at: offset)
    }

    private static func decodeLongUInt32(
        _ buffer: UnsafeRawBufferPointer, at offset: Int
    ) throws(Malformation) -> (value: UInt32, length: Int) {
        // With five bytes in reach, no byte needs its own bounds check.
        if offset >= 0, buffer.count - offset >= maxLengthUInt32 {
            let start = buffer.baseAddress! + offset
            var result: UInt32 = 0
            for i in 0..<4 {
                let byte = start.load(fromByteOffset: i, as: UInt8.self)
                result |= UInt32(byte & 0x7F) << UInt32(7 * i)
                if byte < 0x80 {
                    guard byte != 0 || i == 0 else { throw .notMinimal }
                    return (result, i + 1)
                }
            }
            let last = start.load(fromByteOffset: 4, as: UInt8.self)
            guard last < 0x80 else { throw .tooLong }
            guard last <= 0x0F else { throw .overflow }
            guard last != 0 else { throw .notMinimal }
            return (result | UInt32(last) << 28, 5)
        }
        let (value, length) = try decode(buffer, at: offset, bitWidth: 32)
        return (UInt32(truncatingIfNeeded: value), length)
    }

    /// The offset just past the next `count` varints from `offset`, which are not decoded:
    /// only their last bytes (high bit clear) are counted, eight bytes at a time where
    /// that cannot overshoot. A phrase reads the positions of a few postings in a block,
    /// and the positions of the postings before them in the stream only need passing,
    /// which counting their ends does without decoding them one by one. Throws
    /// `truncated` when the buffer ends first; what it passes is not checked otherwise
    /// (nothing is read from it).
    public static func offset(
        afterSkipping count: Int, in buffer: UnsafeRawBufferPointer, from offset: Int
    ) throws(Malformation) -> Int {
        guard offset >= 0, offset <= buffer.count else { throw .truncated }
        var remaining = count
        var index = offset
        guard remaining > 0 else { return index }
        let base = buffer.baseAddress!
        let lastBytes: UInt64 = 0x8080_8080_8080_8080
        while buffer.count - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let ends = (~word & lastBytes).nonzeroBitCount
            // Only whole words that end fewer varints than wanted are passed in one step:
            // the word holding the last one is finished byte by byte.
            guard ends < remaining else { break }
            remaining -= ends
            index += 8
        }
        while index < buffer.count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index += 1
            if byte < 0x80 {
                remaining -= 1
                if remaining == 0 { return index }
            }
        }
        throw .truncated
    }

    /// Decodes the `UInt64` varint at `offset` in `buffer`, returning it and its length;
    /// one-byte varints inline, as ``decodeUInt32(_:at:)``.
    @inline(__always)
    public static func decodeUInt64(
        _ buffer: UnsafeRawBufferPointer, at offset: Int
    ) throws(Malformation) -> (value: UInt64, length: Int) {
        if offset >= 0, offset < buffer.count {
            let first = buffer[offset]
            if first < 0x80 { return (UInt64(first), 1) }
        }
        return try decodeLongUInt64(buffer, at: offset)
    }

    private static func decodeLongUInt64(
        _ buffer: UnsafeRawBufferPointer, at offset: Int
    ) throws(Malformation) -> (value: UInt64, length: Int) {
        try decode(buffer, at: offset, bitWidth: 64)
    }

    @inline(__always)
    private static func decode(
        _ buffer: UnsafeRawBufferPointer, at offset: Int, bitWidth: Int
    ) throws(Malformation) -> (value: UInt64, length: Int) {
        guard offset >= 0 else { throw .truncated }
        let maxLength = (bitWidth + 6) / 7
        var result: UInt64 = 0
        var shift = 0
        var index = offset
        while true {
            guard index < buffer.count else { throw .truncated }
            let byte = buffer[index]
            index += 1
            if index - offset == maxLength {
                // The last byte the type allows: it must end the varint, and only
                // `bitWidth - shift` of its bits (4 for UInt32, 1 for UInt64) still fit.
                guard byte & 0x80 == 0 else { throw .tooLong }
                guard UInt64(byte) >> UInt64(bitWidth - shift) == 0 else { throw .overflow }
            }
            result |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 {
                // A zero group at the end adds nothing: the writer would have stopped before.
                guard byte != 0 || index - offset == 1 else { throw .notMinimal }
                return (result, index - offset)
            }
            shift += 7
        }
    }

    // MARK: Spans

    /// ``decodeUInt64(_:at:)`` on a span.
    @inline(__always)
    public static func decodeUInt64(_ bytes: Span<UInt8>, at offset: Int) throws(Malformation) -> (value: UInt64, length: Int) {
        if offset >= 0, offset < bytes.count {
            let first = bytes[offset]
            if first < 0x80 { return (UInt64(first), 1) }
        }
        // The span's bytes are valid for the call; the decoder checks every index against them.
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Malformation) in try decodeLongUInt64(UnsafeRawBufferPointer(buffer), at: offset) }
    }

    /// ``offset(afterSkipping:in:from:)`` on a span.
    @inline(__always)
    public static func offset(afterSkipping count: Int, in bytes: Span<UInt8>, from offset: Int) throws(Malformation) -> Int {
        // As above: valid for the call, every read checked against its count.
        try bytes.withUnsafeBufferPointer { (buffer) throws(Malformation) in
            try Self.offset(afterSkipping: count, in: UnsafeRawBufferPointer(buffer), from: offset)
        }
    }
}
