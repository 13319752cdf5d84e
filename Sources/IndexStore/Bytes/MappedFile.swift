#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only bytes that stay put for the object's lifetime: a memory-mapped index file, or
/// a copy of some bytes in memory (a decompressed block, a test fixture).
///
/// This is the one owner of index memory, like the owner inside Tantivy's `OwnedBytes`:
/// ``ByteSlice`` values keep a reference to it, so the mapping lives exactly as long as
/// some slice of it is in use, and is unmapped in `deinit` after the last one goes.
/// Readers of an index snapshot hold slices; when a merge retires a segment, its files are
/// unmapped once the last search over that snapshot finishes, never under it.
///
/// The start address is the only raw pointer here and never leaves this module: slices
/// reach it only through `withUnsafeBytes`, whose pointer is valid inside the closure.
///
/// Segment files are immutable once committed. A file that another process truncates
/// while it is mapped makes later reads of the lost pages fail with SIGBUS; that is outside
/// what a reader can guard against, which is why nothing ever rewrites a segment file.
public final class MappedFile: @unchecked Sendable {
    // @unchecked: the memory is never written after init (PROT_READ, or a private copy), so
    // sharing it between threads needs no locking.

    /// The file's name without its directory, used in error messages.
    public let name: String
    /// The number of bytes mapped, which is the file's length when it was opened.
    public let count: Int
    /// Start of the bytes; `nil` when `count` is 0 (mmap refuses empty lengths).
    let base: UnsafeRawPointer?
    private let release: Release

    private enum Release {
        case none
        case unmap
        case deallocate
    }

    /// Maps the whole file at `path` read-only.
    public init(path: String) throws(IndexIOError) {
        name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IndexIOError(path: path, operation: "open", errno: errno) }
        // The mapping keeps its own reference to the file, so the descriptor can go now.
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IndexIOError(path: path, operation: "stat", errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw IndexIOError(path: path, operation: "map (not a regular file)", errno: EINVAL)
        }
        let length = Int(info.st_size)
        if length == 0 {
            count = 0
            base = nil
            release = .none
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1)  // MAP_FAILED
        else {
            throw IndexIOError(path: path, operation: "mmap", errno: errno)
        }
        count = length
        base = UnsafeRawPointer(address)
        release = .unmap
    }

    /// Copies `bytes` into memory owned by the new object, so that the copy can be sliced
    /// exactly like a mapped file. `name` stands in for a file name in error messages.
    public init(copying bytes: some Collection<UInt8>, name: String = "<memory>") {
        self.name = name
        count = bytes.count
        guard count > 0 else {
            base = nil
            release = .none
            return
        }
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        _ = memory.initializeMemory(as: UInt8.self, from: bytes)
        base = UnsafeRawPointer(memory.baseAddress!)
        release = .deallocate
    }

    /// Allocates `count` bytes and lets `fill` write them, for data produced at read time
    /// (a decompressed block) that should be sliced without one more copy. The pointer is
    /// valid only inside `fill`; if `fill` throws, the memory is freed.
    init<E: Error>(
        count: Int, name: String, fill: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        precondition(count >= 0)
        guard count > 0 else {
            try fill(UnsafeMutableRawBufferPointer(start: nil, count: 0))
            self.name = name
            self.count = 0
            base = nil
            release = .none
            return
        }
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        do {
            try fill(memory)
        } catch {
            memory.deallocate()
            throw error
        }
        self.name = name
        self.count = count
        base = UnsafeRawPointer(memory.baseAddress!)
        release = .deallocate
    }

    deinit {
        switch release {
        case .none:
            break
        case .unmap:
            _ = munmap(UnsafeMutableRawPointer(mutating: base), count)
        case .deallocate:
            UnsafeMutableRawPointer(mutating: base)?.deallocate()
        }
    }

    /// All the bytes, as a slice that keeps this object alive.
    public var bytes: ByteSlice {
        ByteSlice(file: self, start: 0, count: count)
    }

    /// Hints the kernel about the coming access pattern (madvise). Only a hint: failure is
    /// ignored, because the reads work the same without it.
    public func advise(_ access: Access) {
        guard let base, count > 0 else { return }
        let advice: Int32 = switch access {
        case .random: MADV_RANDOM
        case .sequential: MADV_SEQUENTIAL
        case .willNeed: MADV_WILLNEED
        }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), count, advice)
    }

    /// Lets the kernel take back the pages of a mapped file this process has read (they stay
    /// in the page cache, and a later read maps them again): a merge reads its sources
    /// front to back once, and would otherwise count every byte of them in its resident
    /// size. Nothing happens to memory that is not a file mapping.
    public func releaseResidentPages() {
        guard case .unmap = release, let base, count > 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), count, MADV_DONTNEED)
    }

    public enum Access: Sendable {
        /// Term lookups, postings of a few terms: read-ahead would only waste memory.
        case random
        /// Checksum verification and merges, which read the file front to back.
        case sequential
        /// Small files about to be read whole (the term index).
        case willNeed
    }
}
