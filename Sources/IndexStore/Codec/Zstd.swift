// Internal: zstd is an implementation detail; modules that use IndexStore never see it.
internal import CZstd

/// zstd compression for stored records (format 6 on; ``Deflate`` reads older segments).
///
/// A block is a ``CompressedBlock`` whose compressed bytes are one zstd frame.
/// Why zstd: compressing every document's record is a visible part of an indexing run,
/// and zstd writes records smaller than zlib's at less cost; the sizes and times per
/// level are in docs/BENCHMARKS.md, "Indexing engine".
public enum Zstd {
    /// The lowest level whose records are smaller than zlib's at its level 6: lower levels
    /// are a little faster and larger, higher ones gain a percent or two for a slower run.
    public static let level: Int32 = 6

    public static func compress(_ input: [UInt8], level: Int32 = Zstd.level) -> [UInt8] {
        input.withUnsafeBytes { source in
            let capacity = ZSTD_compressBound(source.count)
            return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let written = ZSTD_compress(buffer.baseAddress, capacity, source.baseAddress, source.count, level)
                // Compression fails only for a bad level or no memory, never for any input.
                precondition(ZSTD_isError(written) == 0, "zstd compression failed: \(String(cString: ZSTD_getErrorName(written)))")
                initialized = written
            }
        }
    }

    /// Decompresses `compressed`, which must hold one frame of exactly `uncompressedCount`
    /// bytes, into new memory returned as a slice (named after `compressed`'s file).
    public static func decompress(_ compressed: ByteSlice, uncompressedCount: Int) throws(IndexCorruption) -> ByteSlice {
        guard uncompressedCount >= 0 else {
            throw compressed.corruption(at: 0, .implausibleLength(uncompressedCount, limit: Int(UInt32.max)))
        }
        let name = "\(compressed.fileName) (block at byte \(compressed.fileOffset))"
        let file = try MappedFile(count: uncompressedCount, name: name) { output throws(IndexCorruption) in
            let message: String? = compressed.withUnsafeBytes { source in
                // The frame must say how large it is, and say exactly the recorded length:
                // a frame that decodes to fewer bytes is as damaged as one that overflows.
                let declared = ZSTD_getFrameContentSize(source.baseAddress, source.count)
                guard declared == UInt64(uncompressedCount) else { return "the frame's size is not the recorded length" }
                var spare: UInt8 = 0
                return withUnsafeMutableBytes(of: &spare) { spareBytes in
                    let destination = output.baseAddress ?? spareBytes.baseAddress
                    let written = ZSTD_decompress(destination, output.count, source.baseAddress, source.count)
                    if ZSTD_isError(written) != 0 { return String(cString: ZSTD_getErrorName(written)) }
                    return written == uncompressedCount ? nil : "decompresses to \(written) bytes, not \(uncompressedCount)"
                }
            }
            if let message { throw compressed.corruption(at: 0, .decompressionFailed(message)) }
        }
        return file.bytes
    }

    /// Appends `bytes` as a ``CompressedBlock``.
    public static func writeBlock(_ bytes: [UInt8], into writer: inout ByteWriter) {
        CompressedBlock.write(bytes, compressed: compress(bytes), into: &writer)
    }

    /// Reads a block written by ``writeBlock(_:into:)``. An uncompressed length above
    /// `maximumUncompressedCount` throws before any allocation.
    public static func readBlock(from reader: inout ByteReader, maximumUncompressedCount: Int) throws(IndexCorruption) -> ByteSlice {
        try CompressedBlock.read(from: &reader, maximumUncompressedCount: maximumUncompressedCount) { (compressed, count) throws(IndexCorruption) in
            try decompress(compressed, uncompressedCount: count)
        }
    }
}
