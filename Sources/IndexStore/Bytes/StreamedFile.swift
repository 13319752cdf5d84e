#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An index file written front to back in pieces, for files larger than a writer should
/// hold in memory: a merge of many segments writes gigabytes of postings and stored
/// records, where a flush writes megabytes.
///
/// Bytes collect in ``buffer`` (a ``ByteWriter``, so the codecs write into it as usual) and
/// go to disk whenever ``drainIfLarge()`` finds more than ``drainThreshold`` of them; the
/// checksum is kept running over what left, so ``finish(sync:)`` can append the same footer
/// ``IndexFile/writeFooter(into:)`` would have. ``count`` is the file offset of the next
/// byte, as ``ByteWriter/count`` is for a file built whole. Like any segment file it is
/// written under its final name and only becomes visible through a later commit.
struct StreamedFile {
    /// Enough to make each write(2) large, small next to a RAM budget.
    static let drainThreshold = 4 << 20

    let path: String
    var buffer = ByteWriter()
    private(set) var drained = 0
    private var checksum = CRC32C()
    private var descriptor: Int32

    init(path: String) throws(IndexIOError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IndexIOError(path: path, operation: "open", errno: errno) }
    }

    /// The offset the next byte lands at.
    var count: Int { drained + buffer.count }

    /// Writes the buffer out once it holds more than ``drainThreshold`` bytes. Callers
    /// drain only between units they patch (a term's postings), never in the middle.
    mutating func drainIfLarge() throws(IndexIOError) {
        if buffer.count > Self.drainThreshold { try drain() }
    }

    /// Appends the footer, writes the rest, with `sync` waits for the disk, and closes.
    mutating func finish(sync: Bool) throws(IndexIOError) {
        try drain()
        FileFooter.write(into: &buffer, continuing: checksum)
        try drain()
        if sync, fsync(descriptor) != 0 { throw IndexIOError(path: path, operation: "fsync", errno: errno) }
        close()
    }

    /// Closes without finishing (the file is left incomplete, for cleanup to remove).
    mutating func close() {
        #if canImport(Glibc)
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        #else
        if descriptor >= 0 { _ = Darwin.close(descriptor) }
        #endif
        descriptor = -1
    }

    private mutating func drain() throws(IndexIOError) {
        guard !buffer.bytes.isEmpty else { return }
        let path = self.path, descriptor = self.descriptor
        let failure: IndexIOError? = buffer.bytes.withUnsafeBytes { bytes in
            checksum.update(bytes)
            do throws(IndexIOError) { try writeAll(bytes, to: descriptor, path: path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        drained += buffer.bytes.count
        buffer = ByteWriter(reservingCapacity: Self.drainThreshold + (1 << 20))
    }
}
