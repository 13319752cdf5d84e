/// Up to 128 strictly increasing ids (passage ids in postings, token positions within a
/// passage) stored as the gaps between them, minus one, in a ``PackedBlock``.
///
/// ```
/// DeltaBlock --> PackedBlock of Gap^n
/// Gap_0 --> Id_0 - Base
/// Gap_i --> Id_i - Id_(i-1) - 1          (i > 0)
/// ```
///
/// `Base` is the smallest id the block may start with, known to the reader without
/// reading the block: 0 for a list's first block, the previous block's last id + 1 after.
/// So the first id is relative to the previous block (Lucene's "first delta relative to
/// the last doc of the previous block"), and a reader can start at any block whose base
/// the skip data gives it.
///
/// Why minus one: ids never repeat, so a gap is at least 1, and subtracting it makes a run
/// of consecutive ids (a term in every passage of a document) a block of zeros, which
/// packs at width 0 into a single byte.
///
/// Worked example, ids 7, 8, 11, 300 after a block ending at 4 (base 5), written as a
/// tail of varints: gaps 2, 0, 2, 288 → `02 00 02 A0 02`.
public enum DeltaBlock {
    /// Writes `ids` (0…128, strictly increasing, the first at least `base`).
    public static func write(_ ids: UnsafeBufferPointer<UInt32>, base: UInt32, into writer: inout ByteWriter) {
        precondition(ids.count <= BitPacking.blockLength, "a block holds at most 128 ids")
        guard let first = ids.first else { return }
        precondition(first >= base, "the first id lies below the block's base")
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: ids.count) { gaps in
            gaps[0] = first - base
            for i in 1..<ids.count {
                precondition(ids[i] > ids[i - 1], "ids must be strictly increasing")
                gaps[i] = ids[i] - ids[i - 1] - 1
            }
            PackedBlock.write(UnsafeBufferPointer(gaps), into: &writer)
        }
    }

    public static func write(_ ids: [UInt32], base: UInt32, into writer: inout ByteWriter) {
        ids.withUnsafeBufferPointer { write($0, base: base, into: &writer) }
    }

    /// Reads `count` ids (0…128) written with the same `base` into the start of `output`.
    /// Gaps that would carry an id past `UInt32.max` throw: they can only come from damage.
    public static func read(
        count: Int, base: UInt32, from reader: inout ByteReader, into output: UnsafeMutableBufferPointer<UInt32>
    ) throws(IndexCorruption) {
        // Decode through a copy so that a throw leaves `reader` where it was.
        var cursor = reader
        // Sum in 64 bits, starting one below the base (wrapping for base 0, which the first
        // gap's + 1 undoes): 128 gaps of at most 2^32 cannot overflow it, and ids only
        // grow, so checking the last sum checks them all.
        let beforeBase = UInt64(base) &- 1
        let running: UInt64
        if count == BitPacking.blockLength {
            // A full block is summed while it is unpacked, not in a second pass.
            let slice = cursor.slice
            running = try cursor.decode { buffer, position throws(IndexCorruption) in
                let (packed, width) = try PackedBlock.fullBlock(in: buffer, at: &position, of: slice)
                return BitPacking.unpackGaps(packed, bitWidth: width, after: beforeBase, into: output)
            }
        } else {
            try PackedBlock.read(count: count, from: &cursor, into: output)
            guard count > 0 else {
                reader = cursor
                return
            }
            var sum = beforeBase
            for i in 0..<count {
                sum = sum &+ UInt64(output[i]) &+ 1
                output[i] = UInt32(truncatingIfNeeded: sum)
            }
            running = sum
        }
        guard running <= UInt64(UInt32.max) else {
            throw reader.slice.corruption(at: reader.position, .idOverflow)
        }
        reader = cursor
    }

    /// Like ``read(count:base:from:into:)-(_,_,_,UnsafeMutableBufferPointer<UInt32>)``,
    /// into a reusable array grown to 128 elements once.
    public static func read(count: Int, base: UInt32, from reader: inout ByteReader, into output: inout [UInt32]) throws(IndexCorruption) {
        if output.count < BitPacking.blockLength {
            output.append(contentsOf: repeatElement(0, count: BitPacking.blockLength - output.count))
        }
        try output.withUnsafeMutableBufferPointer { buffer throws(IndexCorruption) in
            try read(count: count, base: base, from: &reader, into: buffer)
        }
    }
}
