#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls a commit makes, as values: the system's by default, a faulty
/// set in tests (short writes, a full disk, `EIO` on fsync, a failing rename), to show
/// that every failure ends in a clear error and an intact previous commit.
public struct FileOperations: Sendable {
    /// Writes a whole new file (replacing any), with `sync` waiting for fsync.
    public var writeFile: @Sendable (_ bytes: ByteWriter, _ path: String, _ sync: Bool) throws -> Void
    public var rename: @Sendable (_ from: String, _ to: String) throws -> Void
    public var syncDirectory: @Sendable (_ path: String) throws -> Void

    public init(
        writeFile: @escaping @Sendable (ByteWriter, String, Bool) throws -> Void,
        rename: @escaping @Sendable (String, String) throws -> Void,
        syncDirectory: @escaping @Sendable (String) throws -> Void
    ) {
        self.writeFile = writeFile
        self.rename = rename
        self.syncDirectory = syncDirectory
    }

    public static let system = FileOperations(
        writeFile: { bytes, path, sync in try bytes.write(toFile: path, sync: sync) },
        rename: { from, to in
            guard Glibc.rename(from, to) == 0 else { throw IndexIOError(path: to, operation: "rename", errno: errno) }
        },
        syncDirectory: { directory in
            let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw IndexIOError(path: directory, operation: "open directory", errno: errno) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw IndexIOError(path: directory, operation: "fsync directory", errno: errno) }
        })
}
