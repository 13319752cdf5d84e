#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Admits one writer per index directory, across processes: an exclusive `flock` on
/// `write.lock`. The kernel drops the lock when the process ends, however it ends, so a
/// killed writer never leaves the index locked.
public final class WriterLock {
    public static let fileName = "write.lock"
    private let descriptor: Int32

    /// Why the lock could not be taken, in words a user can act on.
    public struct Unavailable: Error, CustomStringConvertible {
        public var directory: String
        public var reason: String
        public var description: String { "Cannot write to the index in \(directory): \(reason)" }
    }

    public init(directory: String) throws {
        let path = "\(directory)/\(Self.fileName)"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Unavailable(directory: directory, reason: "cannot open \(Self.fileName) (\(String(cString: strerror(errno)))).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readHolder(descriptor)
            close(descriptor)
            throw Unavailable(
                directory: directory,
                reason: "another kamerzoek process\(holder.map { " (pid \($0))" } ?? "") is writing to it. Wait for it to finish, then try again.")
        }
        // Record who holds it, for the message the next writer gets.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        // pwrite(2) reads the array's bytes during the call only.
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        // pread(2) writes at most `buffer.count` bytes during the call only.
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let digits = String(decoding: buffer[0 ..< count], as: UTF8.self).filter(\.isNumber)
        return digits.isEmpty ? nil : digits
    }
}
