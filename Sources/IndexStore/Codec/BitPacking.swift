/// Packs blocks of 128 `UInt32` values at one bit width (0…32), the smallest that holds
/// the block's largest value: frame-of-reference coding, as in Lucene's `ForUtil` and
/// Tantivy's bitpacker.
///
/// Layout: value `i` occupies bits `i*w ..< (i+1)*w` of the block, counting bits from the
/// least significant bit of the first byte (a little-endian bit stream). A block of width
/// `w` is exactly `16 * w` bytes: 128 values times `w` bits is a whole number of bytes for
/// every width, so blocks need no padding and a reader knows a block's size from its width.
///
/// ```
/// width 3, values 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, …
/// bits, LSB first:  000 100 010 110 001 101 011 111 …
/// bytes:            88 C6 FA 88 C6 FA …    (every 8 values fill 3 bytes)
/// ```
///
/// Why 128: large enough that the width byte and the per-block bookkeeping are noise, small
/// enough that one outlier widens only 128 values and that skipping moves in fine steps
/// (Lucene settled on the same size).
///
/// Speed: the decoder works on groups of 32 values, which occupy exactly `w` 32-bit words,
/// and is instantiated once per width (the `switch` below), so the compiler sees a constant
/// width and turns each group into straight-line shifts and masks with no branches on data.
///
/// These functions take buffer pointers and trust their sizes: they are the kernel behind
/// ``PackedBlock`` and ``DeltaBlock``, which check sizes against the file and throw.
/// Size mismatches here are bugs in the caller and trap.
public enum BitPacking {
    public static let blockLength = 128

    /// The bytes one block of width `bitWidth` takes: `16 * bitWidth`.
    public static func packedByteCount(bitWidth: Int) -> Int {
        bitWidth * blockLength / 8
    }

    /// The smallest width that holds `maximum` (0 for 0, 32 for values of 2^31 and up).
    public static func bitWidth(forMaximum maximum: UInt32) -> Int {
        UInt32.bitWidth - maximum.leadingZeroBitCount
    }

    /// The smallest width that holds every value.
    public static func bitWidth(of values: UnsafeBufferPointer<UInt32>) -> Int {
        var union: UInt32 = 0
        for value in values { union |= value }
        return bitWidth(forMaximum: union)
    }

    /// Packs exactly 128 values, each of which must fit in `bitWidth` bits, into the first
    /// `packedByteCount(bitWidth:)` bytes of `output`.
    public static func pack(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into output: UnsafeMutableRawBufferPointer) {
        precondition(values.count == blockLength, "a packed block holds exactly 128 values")
        precondition((0...32).contains(bitWidth), "bit width must be 0…32")
        precondition(output.count >= packedByteCount(bitWidth: bitWidth), "output too small for the block")
        precondition(self.bitWidth(of: values) <= bitWidth, "a value does not fit the bit width")
        let values = values.baseAddress!
        switch bitWidth {
        case 0: return
        case 32: packBlock(values, output.baseAddress!, width: 32)
        case 1: packBlock(values, output.baseAddress!, width: 1)
        case 2: packBlock(values, output.baseAddress!, width: 2)
        case 3: packBlock(values, output.baseAddress!, width: 3)
        case 4: packBlock(values, output.baseAddress!, width: 4)
        case 5: packBlock(values, output.baseAddress!, width: 5)
        case 6: packBlock(values, output.baseAddress!, width: 6)
        case 7: packBlock(values, output.baseAddress!, width: 7)
        case 8: packBlock(values, output.baseAddress!, width: 8)
        case 9: packBlock(values, output.baseAddress!, width: 9)
        case 10: packBlock(values, output.baseAddress!, width: 10)
        case 11: packBlock(values, output.baseAddress!, width: 11)
        case 12: packBlock(values, output.baseAddress!, width: 12)
        case 13: packBlock(values, output.baseAddress!, width: 13)
        case 14: packBlock(values, output.baseAddress!, width: 14)
        case 15: packBlock(values, output.baseAddress!, width: 15)
        case 16: packBlock(values, output.baseAddress!, width: 16)
        case 17: packBlock(values, output.baseAddress!, width: 17)
        case 18: packBlock(values, output.baseAddress!, width: 18)
        case 19: packBlock(values, output.baseAddress!, width: 19)
        case 20: packBlock(values, output.baseAddress!, width: 20)
        case 21: packBlock(values, output.baseAddress!, width: 21)
        case 22: packBlock(values, output.baseAddress!, width: 22)
        case 23: packBlock(values, output.baseAddress!, width: 23)
        case 24: packBlock(values, output.baseAddress!, width: 24)
        case 25: packBlock(values, output.baseAddress!, width: 25)
        case 26: packBlock(values, output.baseAddress!, width: 26)
        case 27: packBlock(values, output.baseAddress!, width: 27)
        case 28: packBlock(values, output.baseAddress!, width: 28)
        case 29: packBlock(values, output.baseAddress!, width: 29)
        case 30: packBlock(values, output.baseAddress!, width: 30)
        case 31: packBlock(values, output.baseAddress!, width: 31)
        default: fatalError("unreachable: width checked above")
        }
    }

    /// Unpacks 128 values of width `bitWidth` from the start of `input` into the first 128
    /// elements of `output`.
    public static func unpack(_ input: UnsafeRawBufferPointer, bitWidth: Int, into output: UnsafeMutableBufferPointer<UInt32>) {
        precondition((0...32).contains(bitWidth), "bit width must be 0…32")
        precondition(input.count >= packedByteCount(bitWidth: bitWidth), "input shorter than the block")
        precondition(output.count >= blockLength, "output holds fewer than 128 values")
        let output = output.baseAddress!
        switch bitWidth {
        case 0: output.update(repeating: 0, count: blockLength)
        case 32: unpackBlock(input.baseAddress!, output, width: 32)
        case 1: unpackBlock(input.baseAddress!, output, width: 1)
        case 2: unpackBlock(input.baseAddress!, output, width: 2)
        case 3: unpackBlock(input.baseAddress!, output, width: 3)
        case 4: unpackBlock(input.baseAddress!, output, width: 4)
        case 5: unpackBlock(input.baseAddress!, output, width: 5)
        case 6: unpackBlock(input.baseAddress!, output, width: 6)
        case 7: unpackBlock(input.baseAddress!, output, width: 7)
        case 8: unpackBlock(input.baseAddress!, output, width: 8)
        case 9: unpackBlock(input.baseAddress!, output, width: 9)
        case 10: unpackBlock(input.baseAddress!, output, width: 10)
        case 11: unpackBlock(input.baseAddress!, output, width: 11)
        case 12: unpackBlock(input.baseAddress!, output, width: 12)
        case 13: unpackBlock(input.baseAddress!, output, width: 13)
        case 14: unpackBlock(input.baseAddress!, output, width: 14)
        case 15: unpackBlock(input.baseAddress!, output, width: 15)
        case 16: unpackBlock(input.baseAddress!, output, width: 16)
        case 17: unpackBlock(input.baseAddress!, output, width: 17)
        case 18: unpackBlock(input.baseAddress!, output, width: 18)
        case 19: unpackBlock(input.baseAddress!, output, width: 19)
        case 20: unpackBlock(input.baseAddress!, output, width: 20)
        case 21: unpackBlock(input.baseAddress!, output, width: 21)
        case 22: unpackBlock(input.baseAddress!, output, width: 22)
        case 23: unpackBlock(input.baseAddress!, output, width: 23)
        case 24: unpackBlock(input.baseAddress!, output, width: 24)
        case 25: unpackBlock(input.baseAddress!, output, width: 25)
        case 26: unpackBlock(input.baseAddress!, output, width: 26)
        case 27: unpackBlock(input.baseAddress!, output, width: 27)
        case 28: unpackBlock(input.baseAddress!, output, width: 28)
        case 29: unpackBlock(input.baseAddress!, output, width: 29)
        case 30: unpackBlock(input.baseAddress!, output, width: 30)
        case 31: unpackBlock(input.baseAddress!, output, width: 31)
        default: fatalError("unreachable: width checked above")
        }
    }

    // Both kernels move bits through a 64-bit accumulator: a value of up to 32 bits plus
    // up to 31 bits left over from the previous word always fit.

    @inline(__always)
    private static func unpackBlock(_ input: UnsafeRawPointer, _ output: UnsafeMutablePointer<UInt32>, width: Int) {
        let mask = UInt64.max >> UInt64(64 - width)
        for group in 0..<4 {
            var word = group * width
            var accumulator: UInt64 = 0
            var available = 0
            let out = output + group * 32
            for i in 0..<32 {
                if available < width {
                    let next = UInt32(littleEndian: input.loadUnaligned(fromByteOffset: word * 4, as: UInt32.self))
                    accumulator |= UInt64(next) << UInt64(available)
                    available += 32
                    word += 1
                }
                out[i] = UInt32(truncatingIfNeeded: accumulator & mask)
                accumulator >>= UInt64(width)
                available -= width
            }
        }
    }

    @inline(__always)
    private static func packBlock(_ values: UnsafePointer<UInt32>, _ output: UnsafeMutableRawPointer, width: Int) {
        var word = 0
        var accumulator: UInt64 = 0
        var filled = 0
        for i in 0..<blockLength {
            accumulator |= UInt64(values[i]) << UInt64(filled)
            filled += width
            if filled >= 32 {
                output.storeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian, toByteOffset: word * 4, as: UInt32.self)
                word += 1
                accumulator >>= 32
                filled -= 32
            }
        }
        // 128 * width bits is a whole number of words, so nothing is left over.
        assert(filled == 0)
    }
}
