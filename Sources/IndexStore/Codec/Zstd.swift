// Internal: zstd is an implementation detail; modules that use IndexStore never see it.
internal import CZstd

/// zstd compression for stored records (format 6 on; ``Deflate`` reads older segments).
///
/// A block is a ``CompressedBlock`` whose compressed bytes are one zstd frame. From
/// format 9 on, frames are written with the built-in dictionary of stored records
/// (``StoredRecordDictionary``), and the frame names it by its ID; frames of formats 6–8
/// name none and are read without it, so a merge copies them as they are.
///
/// Why a dictionary: a record is one document, half of them under 3 KB, and a small
/// frame compresses poorly on its own (it starts with no history); the dictionary gives
/// it the field names, boilerplate and common words of parliamentary text to refer to.
/// Why zstd and level 3: the sizes and times per level, with and without the dictionary,
/// are in docs/BENCHMARKS.md ("Session 15: stored records with a dictionary").
public enum Zstd {
    /// With the dictionary, level 3 writes smaller records than level 6 without it, in
    /// half the time; higher levels gain a few percent more for a slower run.
    public static let level: Int32 = 3

    /// Compresses `input` into one frame with the built-in dictionary.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        let dictionary = StoredRecordDictionary.shared
        return ZstdContexts.compression.with { context in
            input.withUnsafeBytes { source in
                let capacity = ZSTD_compressBound(source.count)
                return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    let written = dictionary.compress(source, into: UnsafeMutableRawBufferPointer(buffer), context: context)
                    // Compression fails only for a bad level or no memory, never for any input.
                    precondition(ZSTD_isError(written) == 0, "zstd compression failed: \(String(cString: ZSTD_getErrorName(written)))")
                    initialized = written
                }
            }
        }
    }

    /// Decompresses `compressed`, which must hold one frame of exactly `uncompressedCount`
    /// bytes, into new memory returned as a slice (named after `compressed`'s file). The
    /// frame may name the built-in dictionary or none; any other is corruption.
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
                let dictionaryID = ZSTD_getDictID_fromFrame(source.baseAddress, source.count)
                let dictionary = StoredRecordDictionary.shared
                guard dictionaryID == 0 || dictionaryID == dictionary.id else {
                    return "the frame needs zstd dictionary \(dictionaryID), which this build does not have"
                }
                var spare: UInt8 = 0
                return withUnsafeMutableBytes(of: &spare) { spareBytes in
                    // An empty output has no base address; zstd still wants a valid pointer.
                    let destination = UnsafeMutableRawBufferPointer(
                        start: output.baseAddress ?? spareBytes.baseAddress, count: output.count)
                    let written = ZstdContexts.decompression.with { context in
                        dictionary.decompress(source, into: destination, context: context, withDictionary: dictionaryID != 0)
                    }
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
