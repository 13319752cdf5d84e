internal import CStoredRecordDictionary
internal import CZstd

/// The zstd dictionary that stored records are compressed with from format 9 on, digested
/// once per process for both directions.
///
/// The dictionary is built into the binary (the C target `CStoredRecordDictionary`, trained
/// by bench/stored-dictionary/train.py on the records of Dutch parliamentary and legal
/// documents; docs/INDEX_FORMAT.md, "Compressed blocks"). Every frame written with it names
/// its ``id``, so a later build that ships another dictionary must keep this one (under its
/// ID) to read the segments written now.
///
/// Shared by every thread: zstd's digested dictionaries are read-only after creation and
/// documented as safe to use from several contexts at once; they live as long as the process.
final class StoredRecordDictionary: @unchecked Sendable {
    static let shared = StoredRecordDictionary()

    /// The dictionary ID that frames written with it carry.
    let id: UInt32
    private let compression: OpaquePointer
    private let decompression: OpaquePointer

    private init() {
        let bytes = UnsafeRawPointer(kamerzoek_stored_record_dictionary())
        let count = kamerzoek_stored_record_dictionary_count()
        id = ZSTD_getDictID_fromDict(bytes, count)
        // Creation copies the bytes it needs and fails only without memory.
        guard id != 0, let compression = ZSTD_createCDict(bytes, count, Zstd.level),
              let decompression = ZSTD_createDDict(bytes, count)
        else { preconditionFailure("the built-in zstd dictionary of stored records is unusable") }
        self.compression = compression
        self.decompression = decompression
    }

    /// Compresses `source` into `destination` (at least `ZSTD_compressBound` bytes) as one
    /// frame that names this dictionary; returns zstd's result (a length or an error code).
    func compress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, context: OpaquePointer) -> Int {
        ZSTD_compress_usingCDict(context, destination.baseAddress, destination.count, source.baseAddress, source.count, compression)
    }

    /// Decompresses the frame `source` into `destination`, with this dictionary when the
    /// frame names it and without any when it names none (formats 6–8); returns zstd's
    /// result (a length or an error code).
    func decompress(
        _ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, context: OpaquePointer, withDictionary: Bool
    ) -> Int {
        withDictionary
            ? ZSTD_decompress_usingDDict(context, destination.baseAddress, destination.count, source.baseAddress, source.count, decompression)
            : ZSTD_decompressDCtx(context, destination.baseAddress, destination.count, source.baseAddress, source.count)
    }
}
