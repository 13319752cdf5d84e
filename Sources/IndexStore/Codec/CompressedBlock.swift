/// The framing of a compressed block, whatever compresses it (``Deflate``, ``Zstd``):
///
/// ```
/// CompressedBlock    --> UncompressedLength, CompressedLength, CompressedBytes
/// UncompressedLength --> VarUInt32
/// CompressedLength   --> VarUInt32
/// ```
///
/// The uncompressed length comes first so that a reader can refuse an implausible one
/// before it allocates anything.
enum CompressedBlock {
    /// Appends `bytes` (the original, for its length) and their compressed form.
    static func write(_ bytes: [UInt8], compressed: [UInt8], into writer: inout ByteWriter) {
        precondition(bytes.count <= Int(UInt32.max), "a block is at most 4 GiB")
        writer.writeVarUInt32(UInt32(bytes.count))
        writer.writeVarUInt32(UInt32(compressed.count))
        writer.writeBytes(compressed)
    }

    /// Reads one block with `decompress`. An uncompressed length above
    /// `maximumUncompressedCount` throws before any allocation; a throw leaves `reader`
    /// where it was.
    static func read(
        from reader: inout ByteReader, maximumUncompressedCount: Int,
        decompress: (ByteSlice, Int) throws(IndexCorruption) -> ByteSlice
    ) throws(IndexCorruption) -> ByteSlice {
        var cursor = reader
        let uncompressedCount = Int(try cursor.readVarUInt32())
        guard uncompressedCount <= maximumUncompressedCount else {
            throw reader.slice.corruption(at: reader.position, .implausibleLength(uncompressedCount, limit: maximumUncompressedCount))
        }
        let compressedCount = Int(try cursor.readVarUInt32())
        let compressed = try cursor.readSlice(count: compressedCount)
        let result = try decompress(compressed, uncompressedCount)
        reader = cursor
        return result
    }
}
