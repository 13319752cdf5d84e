#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read at all; the only error `Extractor` throws.
public struct ExtractionError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var reason: String
    public var description: String { "cannot read '\(path)': \(reason)" }
}

/// Reads a whole file with POSIX calls, so the error says what the system said
/// (`No such file or directory`, `Permission denied`, `Is a directory`).
public enum FileReading {
    public static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ExtractionError(path: path, reason: systemMessage()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ExtractionError(path: path, reason: systemMessage()) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw ExtractionError(path: path, reason: "it is a directory") }
        // Read straight into the result at its stat size, then keep reading in case the
        // file grew in between; one copy less than chunk-and-append.
        var bytes = [UInt8]()
        var filled = 0
        var capacity = max(Int(status.st_size), 0) + 1
        while true {
            bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            // read(2) writes at most `buffer.count - filled` bytes after the `filled` ones
            // (filled < capacity == buffer.count here), during the call only.
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                #if canImport(Glibc)
                return Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                #else
                return Darwin.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                #endif
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExtractionError(path: path, reason: systemMessage())
            }
            if count == 0 { break }
            filled += count
            if filled == capacity { capacity *= 2 }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
