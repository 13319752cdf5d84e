import Foundation
import Testing
@testable import IndexStore

/// A file streamed to disk in pieces must be byte for byte the file a ``ByteWriter`` would
/// have built whole: same offsets while writing, same footer and checksum at the end.
@Suite struct StreamedFileTests {
    @Test func streamingWritesTheSameBytesAsBuildingWhole() throws {
        let directory = TemporaryDirectory()
        let segment = SegmentID(low: 1, high: 2)
        var random = SeededGenerator(seed: 11)
        // Pieces of every size up to 64 KiB, about 10 MiB in all: several drains.
        let pieces: [[UInt8]] = (0 ..< 320).map { _ in
            (0 ..< Int.random(in: 0 ... 65_536, using: &random)).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
        }
        var whole = ByteWriter()
        var streamed = try StreamedFile(path: directory.path + "/streamed.pst")
        IndexFile.writeHeader(kind: .postings, segmentID: segment, into: &whole)
        IndexFile.writeHeader(kind: .postings, segmentID: segment, into: &streamed.buffer)
        for piece in pieces {
            #expect(streamed.count == whole.count)
            whole.writeBytes(piece)
            streamed.buffer.writeBytes(piece)
            try streamed.drainIfLarge()
        }
        #expect(streamed.drained > 2 * StreamedFile.drainThreshold)
        IndexFile.writeFooter(into: &whole)
        try streamed.finish(sync: false)

        let written = try MappedFile(path: directory.path + "/streamed.pst").bytes
        #expect(written.copyBytes() == whole.bytes)
        _ = try IndexFile.verify(written, kind: .postings, segmentID: segment)
    }

    @Test func aFileThatCannotBeCreatedIsAnError() {
        #expect(throws: IndexIOError.self) { try StreamedFile(path: "/nonexistent-directory/x.pst") }
    }
}
