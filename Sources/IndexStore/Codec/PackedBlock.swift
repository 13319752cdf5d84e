/// Up to 128 `UInt32` values as they appear in a file: a full block bit-packed, a shorter
/// one (the last of a list) as varints.
///
/// ```
/// PackedBlock --> BitWidth, PackedValues      (exactly 128 values)
/// BitWidth    --> UInt8, 0…32
/// PackedValues --> 16 * BitWidth bytes        (see BitPacking)
/// VarIntTail  --> VarUInt32^n                 (n < 128 values)
/// ```
///
/// The count is not stored: the caller knows it (a term's passage count says how many full
/// blocks and how long a tail follow). Why varints for the tail, as Lucene does: packing
/// 5 values would still cost a full block's 16 * w bytes, and most terms occur in only a
/// few passages, so most posting lists are nothing but a tail.
///
/// Reads decode into caller-owned memory, so decoding a block allocates nothing.
public enum PackedBlock {
    /// Writes `values` (0…128 of them): 128 as a packed block, fewer as varints.
    public static func write(_ values: UnsafeBufferPointer<UInt32>, into writer: inout ByteWriter) {
        precondition(values.count <= BitPacking.blockLength, "a block holds at most 128 values")
        guard values.count == BitPacking.blockLength else {
            for value in values { writer.writeVarUInt32(value) }
            return
        }
        let width = BitPacking.bitWidth(of: values)
        writer.writeByte(UInt8(width))
        writer.appendInPlace(count: BitPacking.packedByteCount(bitWidth: width)) { output in
            BitPacking.pack(values, bitWidth: width, into: output)
        }
    }

    public static func write(_ values: [UInt32], into writer: inout ByteWriter) {
        values.withUnsafeBufferPointer { write($0, into: &writer) }
    }

    /// Reads `count` values (0…128) written by ``write(_:into:)`` into the start of `output`.
    public static func read(
        count: Int, from reader: inout ByteReader, into output: UnsafeMutableBufferPointer<UInt32>
    ) throws(IndexCorruption) {
        precondition((0...BitPacking.blockLength).contains(count), "a block holds at most 128 values")
        precondition(output.count >= count, "output smaller than the block")
        let slice = reader.slice
        try reader.decode { buffer, position throws(IndexCorruption) in
            if count == BitPacking.blockLength {
                let (packed, width) = try fullBlock(in: buffer, at: &position, of: slice)
                BitPacking.unpack(packed, bitWidth: width, into: output)
            } else {
                for i in 0..<count {
                    do throws(VarInt.Malformation) {
                        let (value, length) = try VarInt.decodeUInt32(buffer, at: position)
                        output[i] = value
                        position += length
                    } catch {
                        throw slice.corruption(at: position, .malformedVarInt(error))
                    }
                }
            }
        }
    }

    /// The bit width of the full block at `position` and its packed bytes, running on to
    /// the end of `buffer` (the unpacker reads ahead where it may); moves `position` past
    /// the block.
    static func fullBlock(
        in buffer: UnsafeRawBufferPointer, at position: inout Int, of slice: ByteSlice
    ) throws(IndexCorruption) -> (packed: UnsafeRawBufferPointer, width: Int) {
        guard position < buffer.count else {
            throw slice.corruption(at: position, .unexpectedEnd(needed: 1, available: 0))
        }
        let width = Int(buffer[position])
        guard width <= 32 else { throw slice.corruption(at: position, .invalidBitWidth(width)) }
        let size = BitPacking.packedByteCount(bitWidth: width)
        let available = buffer.count - position - 1
        guard available >= size else {
            throw slice.corruption(at: position + 1, .unexpectedEnd(needed: size, available: available))
        }
        let packed = UnsafeRawBufferPointer(rebasing: buffer[(position + 1)...])
        position += 1 + size
        return (packed, width)
    }

    /// Reads `count` values into `output`, which is grown to 128 elements once and can be
    /// reused for every block of a list without further allocation.
    public static func read(count: Int, from reader: inout ByteReader, into output: inout [UInt32]) throws(IndexCorruption) {
        if output.count < BitPacking.blockLength {
            output.append(contentsOf: repeatElement(0, count: BitPacking.blockLength - output.count))
        }
        try output.withUnsafeMutableBufferPointer { buffer throws(IndexCorruption) in
            try read(count: count, from: &reader, into: buffer)
        }
    }
}
