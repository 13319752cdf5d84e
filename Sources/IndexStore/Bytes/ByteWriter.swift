#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only buffer that index writers fill before the bytes go to a file.
///
/// Every multi-byte integer is written little-endian, whatever the machine: index files are
/// copied between machines, and every platform Swift runs on today is little-endian, so
/// this costs nothing. Variable-length integers use ``VarInt`` (LEB128).
///
/// The writer only grows. The one exception is ``setInteger(_:at:as:)``, which patches a
/// fixed-width field written earlier, for formats that put a length or offset in front of
/// data whose size is only known afterwards.
///
/// Readers of what this writes: ``ByteSlice`` (random access) and ``ByteReader`` (a cursor).
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    public init(reservingCapacity capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the memory (a writer reused record after record).
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The number of bytes written so far, which is also the offset the next write lands at.
    public var count: Int { bytes.count }

    public mutating func writeByte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Writes `value` in `T.bitWidth / 8` bytes, least significant byte first.
    public mutating func writeInteger<T: FixedWidthInteger>(_ value: T, as: T.Type = T.self) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites a fixed-width integer written earlier at `offset`. Patching past the end is
    /// a bug in the writer, not in any file, so it traps.
    public mutating func setInteger<T: FixedWidthInteger>(_ value: T, at offset: Int, as: T.Type = T.self) {
        let size = MemoryLayout<T>.size
        precondition(offset >= 0 && offset <= bytes.count - size, "setInteger past the written bytes")
        bytes.withUnsafeMutableBytes { buffer in
            buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
        }
    }

    public mutating func writeVarUInt32(_ value: UInt32) {
        VarInt.encode(UInt64(value), into: &self)
    }

    public mutating func writeVarUInt64(_ value: UInt64) {
        VarInt.encode(value, into: &self)
    }

    public mutating func writeBytes(_ source: some Sequence<UInt8>) {
        bytes.append(contentsOf: source)
    }

    public mutating func writeBytes(_ slice: ByteSlice) {
        slice.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Writes the byte count as a varint, then the bytes; ``ByteReader/readLengthPrefixedSlice(maximumCount:)``
    /// reads it back.
    public mutating func writeLengthPrefixed(_ source: some Collection<UInt8>) {
        writeVarUInt64(UInt64(source.count))
        bytes.append(contentsOf: source)
    }

    /// Pads with zero bytes until ``count`` is a multiple of `alignment`, so that a reader
    /// can later load fixed-width arrays at their natural alignment straight from the map.
    public mutating func align(to alignment: Int) {
        precondition(alignment > 0)
        let padding = (alignment - bytes.count % alignment) % alignment
        bytes.append(contentsOf: repeatElement(0, count: padding))
    }

    /// Grows the buffer by `count` zero bytes and lets `body` fill them in place. This is how
    /// the codecs write whole blocks without a temporary array; the pointer is valid only
    /// inside `body`.
    mutating func appendInPlace<R>(count: Int, _ body: (UnsafeMutableRawBufferPointer) -> R) -> R {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        return bytes.withUnsafeMutableBytes { buffer in
            body(UnsafeMutableRawBufferPointer(rebasing: buffer[start..<start + count]))
        }
    }

    /// Writes the bytes to `path`, replacing any file there, and with `sync` waits until the
    /// kernel reports them on disk (fsync). Writing a file under its final name is only safe
    /// for files that no reader knows about yet; the commit sequence (docs/INDEX_FORMAT.md)
    /// makes files visible through the manifest, after they are synced.
    public func write(toFile path: String, sync: Bool) throws(IndexIOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexIOError(path: path, operation: "open", errno: errno) }
        defer { _ = close(fd) }
        let failure: IndexIOError? = bytes.withUnsafeBytes { buffer in
            do throws(IndexIOError) { try writeAll(buffer, to: fd, path: path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        if sync, fsync(fd) != 0 {
            throw IndexIOError(path: path, operation: "fsync", errno: errno)
        }
    }
}

/// Writes every byte of `buffer` to `fd`: write(2) may write less than asked (signals,
/// large buffers), so it loops until done. `path` names the file in errors.
func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(IndexIOError) {
    var written = 0
    while written < buffer.count {
        #if canImport(Glibc)
        let result = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
        #else
        let result = Darwin.write(fd, buffer.baseAddress! + written, buffer.count - written)
        #endif
        if result < 0 {
            if errno == EINTR { continue }
            throw IndexIOError(path: path, operation: "write", errno: errno)
        }
        written += result
    }
}
