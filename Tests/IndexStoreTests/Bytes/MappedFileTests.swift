import Foundation
import Testing
@testable import IndexStore

@Suite final class MappedFileTests {
    /// A path named `name` in a fresh directory that is removed when the suite instance
    /// (one per test) goes away.
    private let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kamerzoek-indexstore-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func temporaryPath(_ name: String) -> String {
        directory + "/" + name
    }

    @Test func writesAndMapsAFile() throws {
        let path = temporaryPath("a.bin")
        var writer = ByteWriter()
        for i in 0..<10_000 { writer.writeInteger(UInt32(i)) }
        try writer.write(toFile: path, sync: true)

        let file = try MappedFile(path: path)
        file.advise(.sequential)
        #expect(file.count == 40_000)
        #expect(file.name == "a.bin")
        #expect(try file.bytes.integer(at: 4 * 9_999, as: UInt32.self) == 9_999)
        #expect(file.bytes.copyBytes() == writer.bytes)
        let error = corruption { _ = try file.bytes.integer(at: 39_998, as: UInt32.self) }
        #expect(error?.file == "a.bin")
    }

    @Test func emptyFileMapsToAnEmptySlice() throws {
        let path = temporaryPath("empty.bin")
        try ByteWriter().write(toFile: path, sync: false)
        let file = try MappedFile(path: path)
        #expect(file.count == 0)
        #expect(file.bytes.isEmpty)
        #expect(corruption { _ = try file.bytes.byte(at: 0) } != nil)
    }

    @Test func missingFileThrowsIOError() throws {
        let path = temporaryPath("missing.bin")
        #expect(throws: IndexIOError(path: path, operation: "open", errno: ENOENT)) {
            _ = try MappedFile(path: path)
        }
    }

    @Test func directoryIsRefused() throws {
        #expect(throws: IndexIOError.self) { _ = try MappedFile(path: directory) }
    }

    @Test func slicesKeepTheMappingAlive() throws {
        let path = temporaryPath("alive.bin")
        var writer = ByteWriter()
        writer.writeBytes(Array("passage text".utf8))
        try writer.write(toFile: path, sync: false)

        weak var weakFile: MappedFile?
        var tail: ByteSlice?
        do {
            let file = try MappedFile(path: path)
            weakFile = file
            tail = try file.bytes.slice(from: 8)
        }
        #expect(weakFile != nil)
        #expect(tail?.copyBytes() == Array("text".utf8))
        tail = nil
        #expect(weakFile == nil)
    }

    @Test func writingOverAnExistingFileReplacesIt() throws {
        let path = temporaryPath("replace.bin")
        var long = ByteWriter()
        long.writeBytes([UInt8](repeating: 1, count: 100))
        try long.write(toFile: path, sync: false)
        var short = ByteWriter()
        short.writeBytes([2, 2])
        try short.write(toFile: path, sync: false)
        #expect(try MappedFile(path: path).bytes.copyBytes() == [2, 2])
    }

    @Test func writingIntoAMissingDirectoryThrowsIOError() throws {
        let path = temporaryPath("no-such-directory/file.bin")
        var writer = ByteWriter()
        writer.writeByte(1)
        #expect(throws: IndexIOError(path: path, operation: "open", errno: ENOENT)) {
            try writer.write(toFile: path, sync: true)
        }
    }
}
