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
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            #if canImport(Glibc)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            #else
            let count = chunk.withUnsafeMutableBytes { Darwin.read(descriptor, $0.baseAddress, $0.count) }
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                throw ExtractionError(path: path, reason: systemMessage())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0 ..< count])
        }
        return bytes
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
