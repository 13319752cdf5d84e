import Foundation
import Testing
@testable import IndexStore

/// A damaged segment file must be refused with a clear error by the snapshot a search
/// opens (with checksums), whichever file the damage is in.
@Suite("Damaged index")
struct DamagedIndexTests {
    @Test(arguments: SegmentWriter.kinds)
    func aFlippedByteInAnyFileIsRefusedBeforeSearching(_ kind: SegmentFile) throws {
        let index = TemporaryDirectory()
        let writer = try IndexWriter(directory: index.path)
        try writer.add(sampleDocuments())
        let segment = try #require(try ManifestStore.latest(in: index.path)?.segments.first)
        let path = "\(index.path)/\(kind.fileName(segment: segment.name))"
        var bytes = try #require(FileManager.default.contents(atPath: path))
        // A byte in the middle of the body: headers and footers are checked even without
        // checksums, the body only by them.
        let offset = FileHeader.byteCount + (bytes.count - IndexFile.overhead) / 2
        bytes[offset] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))

        do {
            _ = try IndexSnapshot.open(directory: index.path, verifyChecksums: true)
            Issue.record("the damaged \(kind.fileExtension) file was not refused")
        } catch let error as IndexCorruption {
            #expect(error.file == kind.fileName(segment: segment.name))
            #expect(error.description.contains("kamerzoek index --rebuild"))
        }
    }
}
