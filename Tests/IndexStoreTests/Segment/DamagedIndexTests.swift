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

extension DamagedIndexTests {
    /// The server's way: each segment's checksums once, when a commit holding it is first
    /// opened. A segment verified before is not read again; a new one is, and its damage
    /// refused.
    @Test func segmentsVerifiedBeforeAreSkippedAndNewOnesChecked() throws {
        let index = TemporaryDirectory()
        let writer = try IndexWriter(directory: index.path)
        try writer.add(sampleDocuments())
        let first = try IndexSnapshot.open(directory: index.path)
        let verified = try first.verifyChecksums(skipping: [])
        #expect(verified == Set(first.segments.map(\.commit.segmentID)))

        try writer.add([StoredDocument(
            id: "later", source: "Corpus/c.txt", contentHash: "cc",
            passages: [StoredPassage(heading: nil, text: "Een later stuk over geweld.", start: 0, end: 27)])])
        let second = try IndexSnapshot.open(directory: index.path)
        let added = try #require(second.segments.first { !verified.contains($0.commit.segmentID) })
        let path = "\(index.path)/\(SegmentFile.postings.fileName(segment: added.commit.name))"
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[FileHeader.byteCount + (bytes.count - IndexFile.overhead) / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))

        let damaged = try IndexSnapshot.open(directory: index.path)
        #expect(throws: IndexCorruption.self) { _ = try damaged.verifyChecksums(skipping: verified) }
        // Trusted as verified, the same segment is not read: what the caller vouched for.
        let all = verified.union([added.commit.segmentID])
        #expect(try damaged.verifyChecksums(skipping: all) == all)
    }
}

extension DamagedIndexTests {
    /// Segments open on several threads: a damaged one among several is still refused,
    /// with the error naming its file.
    @Test func aDamagedSegmentAmongSeveralIsRefused() throws {
        let index = TemporaryDirectory()
        let writer = try IndexWriter(directory: index.path)
        try writer.add(sampleDocuments())
        try writer.add([StoredDocument(
            id: "later", source: "Corpus/c.txt", contentHash: "cc",
            passages: [StoredPassage(heading: nil, text: "Een later stuk over geweld.", start: 0, end: 27)])])
        let segments = try #require(try ManifestStore.latest(in: index.path)?.segments)
        #expect(segments.count == 2)
        let name = SegmentFile.documents.fileName(segment: segments[1].name)
        let path = "\(index.path)/\(name)"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: path))
        do {
            _ = try IndexSnapshot.open(directory: index.path)
            Issue.record("the cut \(name) was not refused")
        } catch let error as IndexCorruption {
            #expect(error.file == name)
        }
    }
}
