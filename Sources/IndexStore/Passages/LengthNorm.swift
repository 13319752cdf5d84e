/// A passage's (or title's) length in one byte, as BM25 reads it: exact below 64, then
/// 16 steps per doubling, each step standing for the shortest length it holds (so a
/// quantised length is never longer than the real one, and relative error stays under
/// 1/16 up to 262,143 positions; longer lengths share the last step).
///
/// Why a byte: scoring a common word reads the length of every passage it occurs in,
/// scattered over a table with a row per passage of the segment. With four-byte rows a
/// large segment's table outgrows the cache and nearly every posting misses it; a byte
/// per row packs 64 passages into a cache line.
/// Lucene's norms make the same trade. The average length BM25 divides by stays exact.
public enum LengthNorm {
    /// Lengths below this are stored as they are.
    static let exactBelow: UInt32 = 64
    /// Steps per doubling above ``exactBelow``.
    static let stepsPerDoubling: UInt32 = 16

    /// The byte for `length`: monotone (a longer length never gets a smaller byte).
    @inline(__always)
    public static func encode(_ length: UInt32) -> UInt8 {
        guard length >= exactBelow else { return UInt8(length) }
        let exponent = UInt32(31 - length.leadingZeroBitCount)  // 6 and up
        let step = (length >> (exponent - 4)) & (stepsPerDoubling - 1)
        let code = exactBelow + (exponent - 6) * stepsPerDoubling + step
        return UInt8(min(code, 255))
    }

    /// The shortest length `code` stands for.
    @inline(__always)
    public static func decode(_ code: UInt8) -> UInt32 { lengths[Int(code)] }

    /// `length` as scoring sees it: `decode(encode(length))`.
    @inline(__always)
    public static func quantized(_ length: UInt32) -> UInt32 { decode(encode(length)) }

    /// Every code's length, for loops that decode many.
    public static let lengths: [UInt32] = (0 ... 255).map { code in
        guard code >= Int(exactBelow) else { return UInt32(code) }
        let above = UInt32(code) - exactBelow
        let exponent = 6 + above / stepsPerDoubling, step = above % stepsPerDoubling
        return (stepsPerDoubling + step) << (exponent - 4)
    }

    /// The bytes of many lengths.
    public static func encode(_ lengths: [UInt32]) -> [UInt8] { lengths.map { encode($0) } }
}
