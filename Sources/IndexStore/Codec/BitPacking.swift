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
/// Speed: the kernels are specialised once per width (``PackedWidth``), so the compiler
/// sees a constant width and turns a block into straight-line loads, shifts and masks with
/// no branches on data. Decoding reads each value with one unaligned 8-byte load at a
/// constant offset when the input runs on 8 bytes past the block (as a file's does),
/// through a 64-bit accumulator otherwise. Delta-coded ids are summed in the same pass
/// (``unpackGaps(_:bitWidth:after:into:)``) rather than in a second loop over the block.
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
        guard bitWidth > 0 else { return }
        var packing = Packing(values: values.baseAddress!, output: output.baseAddress!)
        dispatch(bitWidth, &packing)
    }

    /// Unpacks 128 values of width `bitWidth` from the start of `input` into the first 128
    /// elements of `output`. `input` may run on past the block (a reader hands over the
    /// rest of its file); 8 bytes more let the faster kernel run.
    public static func unpack(_ input: UnsafeRawBufferPointer, bitWidth: Int, into output: UnsafeMutableBufferPointer<UInt32>) {
        checkUnpack(input, bitWidth: bitWidth, output)
        var unpacking = Unpacking(input: input, output: output.baseAddress!, sink: Values())
        dispatch(bitWidth, &unpacking)
    }

    /// Unpacks 128 gaps of width `bitWidth` and writes the ids they lead to: id 0 is
    /// `previous + gap 0 + 1`, id i is `id (i − 1) + gap i + 1` (the ``DeltaBlock`` coding,
    /// with `previous` one below the block's base, wrapping for base 0). Returns the last
    /// id as a 64-bit sum, so that the caller can tell an id past `UInt32.max` (written
    /// truncated) from damage-free data.
    public static func unpackGaps(
        _ input: UnsafeRawBufferPointer, bitWidth: Int, after previous: UInt64, into output: UnsafeMutableBufferPointer<UInt32>
    ) -> UInt64 {
        checkUnpack(input, bitWidth: bitWidth, output)
        var unpacking = Unpacking(input: input, output: output.baseAddress!, sink: RunningIDs(last: previous))
        dispatch(bitWidth, &unpacking)
        return unpacking.sink.last
    }

    private static func checkUnpack(_ input: UnsafeRawBufferPointer, bitWidth: Int, _ output: UnsafeMutableBufferPointer<UInt32>) {
        precondition((0...32).contains(bitWidth), "bit width must be 0…32")
        precondition(input.count >= packedByteCount(bitWidth: bitWidth), "input shorter than the block")
        precondition(output.count >= blockLength, "output holds fewer than 128 values")
    }

    /// Runs `operation` with the width as a type, so that each width gets its own
    /// specialised copy of the kernel. A type is what it takes: a `switch` that calls one
    /// `@inline(__always)` kernel with a literal width may have its cases merged back into
    /// one call with the width in a register (docs/BENCHMARKS.md, "IndexStore codecs").
    @inline(__always)
    private static func dispatch<Operation: WidthOperation>(_ bitWidth: Int, _ operation: inout Operation) {
        switch bitWidth {
        case 0: operation.run(Width0.self)
        case 1: operation.run(Width1.self)
        case 2: operation.run(Width2.self)
        case 3: operation.run(Width3.self)
        case 4: operation.run(Width4.self)
        case 5: operation.run(Width5.self)
        case 6: operation.run(Width6.self)
        case 7: operation.run(Width7.self)
        case 8: operation.run(Width8.self)
        case 9: operation.run(Width9.self)
        case 10: operation.run(Width10.self)
        case 11: operation.run(Width11.self)
        case 12: operation.run(Width12.self)
        case 13: operation.run(Width13.self)
        case 14: operation.run(Width14.self)
        case 15: operation.run(Width15.self)
        case 16: operation.run(Width16.self)
        case 17: operation.run(Width17.self)
        case 18: operation.run(Width18.self)
        case 19: operation.run(Width19.self)
        case 20: operation.run(Width20.self)
        case 21: operation.run(Width21.self)
        case 22: operation.run(Width22.self)
        case 23: operation.run(Width23.self)
        case 24: operation.run(Width24.self)
        case 25: operation.run(Width25.self)
        case 26: operation.run(Width26.self)
        case 27: operation.run(Width27.self)
        case 28: operation.run(Width28.self)
        case 29: operation.run(Width29.self)
        case 30: operation.run(Width30.self)
        case 31: operation.run(Width31.self)
        case 32: operation.run(Width32.self)
        default: preconditionFailure("bit width must be 0…32")
        }
    }
}

/// A bit width as a type (see ``BitPacking/dispatch(_:_:)``).
private protocol PackedWidth {
    static var bits: Int { get }
}

/// Work done on one block at a width known as a type.
private protocol WidthOperation {
    mutating func run<Width: PackedWidth>(_ width: Width.Type)
}

/// Where decoded values go: as they are, or summed into ids.
private protocol ValueSink {
    mutating func put(_ value: UInt32) -> UInt32
}

private struct Values: ValueSink {
    @inline(__always) mutating func put(_ value: UInt32) -> UInt32 { value }
}

private struct RunningIDs: ValueSink {
    /// The last id written, in 64 bits so that an overflow shows.
    var last: UInt64

    @inline(__always) mutating func put(_ gap: UInt32) -> UInt32 {
        last = last &+ (UInt64(gap) &+ 1)
        return UInt32(truncatingIfNeeded: last)
    }
}

private struct Unpacking<Sink: ValueSink>: WidthOperation {
    let input: UnsafeRawBufferPointer
    let output: UnsafeMutablePointer<UInt32>
    var sink: Sink

    mutating func run<Width: PackedWidth>(_: Width.Type) {
        let width = Width.bits
        let blockLength = BitPacking.blockLength
        guard width > 0 else {
            for i in 0..<blockLength { output[i] = sink.put(0) }
            return
        }
        let base = input.baseAddress!
        let mask = UInt64.max >> UInt64(64 - width)
        if width < 32, input.count >= BitPacking.packedByteCount(bitWidth: width) + 8 {
            // Eight values take exactly `width` bytes, so every group of eight starts on a
            // byte, and each value's byte offset and shift within its group are constants.
            for group in 0..<16 {
                let start = base + group * width
                let out = output + group * 8
                for j in 0..<8 {
                    let bit = j * width
                    let word = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                    out[j] = sink.put(UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask))
                }
            }
            return
        }
        // Through a 64-bit accumulator: a value of up to 32 bits plus up to 31 bits left
        // over from the previous word always fit. 32 values take exactly `width` words.
        for group in 0..<4 {
            var word = group * width
            var accumulator: UInt64 = 0
            var available = 0
            let out = output + group * 32
            for i in 0..<32 {
                if available < width {
                    let next = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: word * 4, as: UInt32.self))
                    accumulator |= UInt64(next) << UInt64(available)
                    available += 32
                    word += 1
                }
                out[i] = sink.put(UInt32(truncatingIfNeeded: accumulator & mask))
                accumulator >>= UInt64(width)
                available -= width
            }
        }
    }
}

private struct Packing: WidthOperation {
    let values: UnsafePointer<UInt32>
    let output: UnsafeMutableRawPointer

    func run<Width: PackedWidth>(_: Width.Type) {
        let width = Width.bits
        var word = 0
        var accumulator: UInt64 = 0
        var filled = 0
        for i in 0..<BitPacking.blockLength {
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

private enum Width0: PackedWidth { static var bits: Int { 0 } }
private enum Width1: PackedWidth { static var bits: Int { 1 } }
private enum Width2: PackedWidth { static var bits: Int { 2 } }
private enum Width3: PackedWidth { static var bits: Int { 3 } }
private enum Width4: PackedWidth { static var bits: Int { 4 } }
private enum Width5: PackedWidth { static var bits: Int { 5 } }
private enum Width6: PackedWidth { static var bits: Int { 6 } }
private enum Width7: PackedWidth { static var bits: Int { 7 } }
private enum Width8: PackedWidth { static var bits: Int { 8 } }
private enum Width9: PackedWidth { static var bits: Int { 9 } }
private enum Width10: PackedWidth { static var bits: Int { 10 } }
private enum Width11: PackedWidth { static var bits: Int { 11 } }
private enum Width12: PackedWidth { static var bits: Int { 12 } }
private enum Width13: PackedWidth { static var bits: Int { 13 } }
private enum Width14: PackedWidth { static var bits: Int { 14 } }
private enum Width15: PackedWidth { static var bits: Int { 15 } }
private enum Width16: PackedWidth { static var bits: Int { 16 } }
private enum Width17: PackedWidth { static var bits: Int { 17 } }
private enum Width18: PackedWidth { static var bits: Int { 18 } }
private enum Width19: PackedWidth { static var bits: Int { 19 } }
private enum Width20: PackedWidth { static var bits: Int { 20 } }
private enum Width21: PackedWidth { static var bits: Int { 21 } }
private enum Width22: PackedWidth { static var bits: Int { 22 } }
private enum Width23: PackedWidth { static var bits: Int { 23 } }
private enum Width24: PackedWidth { static var bits: Int { 24 } }
private enum Width25: PackedWidth { static var bits: Int { 25 } }
private enum Width26: PackedWidth { static var bits: Int { 26 } }
private enum Width27: PackedWidth { static var bits: Int { 27 } }
private enum Width28: PackedWidth { static var bits: Int { 28 } }
private enum Width29: PackedWidth { static var bits: Int { 29 } }
private enum Width30: PackedWidth { static var bits: Int { 30 } }
private enum Width31: PackedWidth { static var bits: Int { 31 } }
private enum Width32: PackedWidth { static var bits: Int { 32 } }
