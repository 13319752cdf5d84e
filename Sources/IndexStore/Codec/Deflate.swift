// Internal: zlib is an implementation detail; modules that use IndexStore never see it.
internal import CZlib

/// zlib compression for the stored records of segments before format 6 (``Zstd`` writes
/// them since). A block is a ``CompressedBlock`` whose compressed bytes are one zlib
/// stream (RFC 1950: deflate with an Adler-32).
///
/// Why zlib was chosen: it is on every system (Debian `zlib1g-dev`), compresses Dutch parliamentary
/// text about 2.7:1 in 16 KiB blocks, and decompresses such a block in tens of
/// microseconds, which is noise next to rendering a result. The zlib wrapper's Adler-32 costs 6 bytes per block and catches
/// damage inside a block even before the file checksum is verified.
///
/// Both lengths are stored so that a reader allocates exactly once, and both are checked
/// before anything is allocated: a damaged length field throws instead of asking for
/// gigabytes. The uncompressed length must not exceed the caller's limit (the writer's
/// block size) nor what deflate can possibly expand the compressed bytes to.
public enum Deflate {
    /// Deflate never expands data by more than this factor (RFC 1951's longest match,
    /// 258 bytes, in the shortest code, about 2 bits); anything claiming more is damage.
    static let maximumExpansion = 1032

    /// The bytes compressed as a zlib stream. `level` is zlib's 0…9; 6 is its default.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        input.withUnsafeBytes { source in
            var capacity = compressBound(uLong(source.count))
            return [UInt8](unsafeUninitializedCapacity: Int(capacity)) { buffer, initialized in
                // A zero-length source still needs a valid pointer.
                let sourcePointer = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    ?? UnsafePointer(buffer.baseAddress!)
                let status = compress2(buffer.baseAddress!, &capacity, sourcePointer, uLong(source.count), level)
                // compress2 fails only for a bad level or no memory, never for any input.
                precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
                initialized = Int(capacity)
            }
        }
    }

    /// Decompresses `compressed`, which must inflate to exactly `uncompressedCount` bytes,
    /// into new memory returned as a slice (named after `compressed`'s file).
    public static func decompress(_ compressed: ByteSlice, uncompressedCount: Int) throws(IndexCorruption) -> ByteSlice {
        let limit = compressed.count.multipliedReportingOverflow(by: maximumExpansion)
        guard uncompressedCount >= 0, limit.overflow || uncompressedCount <= limit.partialValue else {
            throw compressed.corruption(at: 0, .implausibleLength(uncompressedCount, limit: limit.partialValue))
        }
        let name = "\(compressed.fileName) (block at byte \(compressed.fileOffset))"
        let file = try MappedFile(count: uncompressedCount, name: name) { output throws(IndexCorruption) in
            let status: Int32 = compressed.withUnsafeBytes { source in
                var spare: UInt8 = 0
                return withUnsafeMutablePointer(to: &spare) { sparePointer in
                    var outputLength = uLongf(output.count)
                    var sourceLength = uLong(source.count)
                    let destination = output.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? sparePointer
                    let sourcePointer = source.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? UnsafePointer(sparePointer)
                    let status = uncompress2(destination, &outputLength, sourcePointer, &sourceLength)
                    // Z_OK alone is not enough: the stream must also fill the output exactly
                    // and use every compressed byte.
                    if status == Z_OK, outputLength != output.count || sourceLength != source.count {
                        return Z_DATA_ERROR
                    }
                    return status
                }
            }
            guard status == Z_OK else {
                let message = switch status {
                case Z_BUF_ERROR: "inflates to more or fewer bytes than recorded"
                case Z_DATA_ERROR: "invalid or incomplete deflate data"
                case Z_MEM_ERROR: "out of memory"
                default: "zlib status \(status)"
                }
                throw compressed.corruption(at: 0, .decompressionFailed(message))
            }
        }
        return file.bytes
    }

    /// Appends `bytes` as a ``CompressedBlock``.
    public static func writeBlock(_ bytes: [UInt8], level: Int32 = 6, into writer: inout ByteWriter) {
        CompressedBlock.write(bytes, compressed: compress(bytes, level: level), into: &writer)
    }

    /// Reads a block written by ``writeBlock(_:level:into:)``. An uncompressed length above
    /// `maximumUncompressedCount` throws before any allocation.
    public static func readBlock(from reader: inout ByteReader, maximumUncompressedCount: Int) throws(IndexCorruption) -> ByteSlice {
        try CompressedBlock.read(from: &reader, maximumUncompressedCount: maximumUncompressedCount) { (compressed, count) throws(IndexCorruption) in
            try decompress(compressed, uncompressedCount: count)
        }
    }
}
