import Foundation
import Testing
@testable import IndexStore
@testable import Indexer

/// Disk failures during a commit: each must end in an error that says what failed, and
/// leave the previous commit intact and readable; the next healthy run then completes.
@Suite("Fault injection")
struct FaultInjectionTests {
    enum Fault: CaseIterable, Sendable {
        /// Half the bytes reach the disk, then the disk is full.
        case shortWriteThenNoSpace
        /// Everything is written, fsync reports an I/O error.
        case fsyncIOError
        /// The manifest's rename fails.
        case renameFails
        /// The directory fsync after the rename fails (the rename may or may not be durable).
        case directorySyncFails
    }

    /// The system's operations with one fault armed for the first matching call.
    static func operations(_ fault: Fault) -> FileOperations {
        let system = FileOperations.system
        return FileOperations(
            writeFile: { bytes, path, sync in
                switch fault {
                case .shortWriteThenNoSpace where path.hasSuffix(".pst"):
                    var half = ByteWriter()
                    half.writeBytes(bytes.bytes.prefix(bytes.count / 2))
                    try half.write(toFile: path, sync: false)
                    throw IndexIOError(path: path, operation: "write", errno: ENOSPC)
                case .fsyncIOError where path.hasSuffix(".tmp"):
                    try bytes.write(toFile: path, sync: false)
                    throw IndexIOError(path: path, operation: "fsync", errno: EIO)
                default:
                    try system.writeFile(bytes, path, sync)
                }
            },
            rename: { from, to in
                if fault == .renameFails { throw IndexIOError(path: to, operation: "rename", errno: EIO) }
                try system.rename(from, to)
            },
            syncDirectory: { directory in
                if fault == .directorySyncFails { throw IndexIOError(path: directory, operation: "fsync directory", errno: EIO) }
                try system.syncDirectory(directory)
            })
    }

    @Test(arguments: Fault.allCases)
    func aFailedCommitLeavesThePreviousOneIntact(_ fault: Fault) throws {
        let root = TemporaryDirectory()
        let index = TemporaryDirectory()
        try "Eerste brief over huiselijk geweld.".write(toFile: "\(root.path)/a.txt", atomically: false, encoding: .utf8)
        try "Tweede brief over femicide.".write(toFile: "\(root.path)/b.txt", atomically: false, encoding: .utf8)
        _ = try IndexWriter(directory: index.path).index([root.path])
        let before = try IndexSnapshot.open(directory: index.path)
        let fingerprint = before.contentFingerprint()

        try "Eerste brief, gewijzigd: over kindermishandeling.".write(toFile: "\(root.path)/a.txt", atomically: false, encoding: .utf8)
        try "Derde brief over vrouwenopvang.".write(toFile: "\(root.path)/c.txt", atomically: false, encoding: .utf8)
        do {
            _ = try IndexWriter(directory: index.path, files: Self.operations(fault)).index([root.path])
            if fault != .directorySyncFails { Issue.record("the run did not fail") }
        } catch let error as IndexIOError {
            // The message names the file and what the system said.
            #expect(error.description.contains(error.path))
            #expect(error.description.contains(fault == .shortWriteThenNoSpace ? "No space left on device" : "Input/output error"))
        }

        let after = try IndexSnapshot.open(directory: index.path)
        for segment in after.segments { try segment.reader.verify() }
        if fault == .directorySyncFails {
            // The rename happened before the failing sync: the old state or the whole new one,
            // never a mix.
            let text = try after.storedDocument(id: "a")?.passages.first?.text
            if after.contentFingerprint() == fingerprint {
                #expect(text == "Eerste brief over huiselijk geweld.")
            } else {
                #expect(after.documentCount == 3)
                #expect(text == "Eerste brief, gewijzigd: over kindermishandeling.")
            }
        } else {
            #expect(after.manifest.generation == before.manifest.generation)
            #expect(after.contentFingerprint() == fingerprint)
            #expect(try after.storedDocument(id: "a")?.passages.first?.text == "Eerste brief over huiselijk geweld.")
        }

        // A healthy run afterwards completes the work and clears the leftovers.
        let summary = try IndexWriter(directory: index.path).index([root.path])
        let healed = try IndexSnapshot.open(directory: index.path)
        #expect(healed.documentCount == 3)
        #expect(try healed.storedDocument(id: "a")?.passages.first?.text == "Eerste brief, gewijzigd: over kindermishandeling.")
        #expect(summary.failed == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
