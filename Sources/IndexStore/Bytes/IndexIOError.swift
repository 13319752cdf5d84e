#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call on an index file failed: the file is missing, unreadable, the disk is full.
/// Unlike ``IndexCorruption`` this says nothing about the bytes, so the remedy is usually
/// outside the index (permissions, space, a path typo).
public struct IndexIOError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The system call that failed, such as `"open"` or `"mmap"`.
    public var operation: String
    public var errno: Int32

    public init(path: String, operation: String, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "cannot \(operation) index file \(path): \(String(cString: strerror(errno)))"
    }
}
