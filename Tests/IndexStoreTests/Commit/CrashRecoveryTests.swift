import Analysis
import Foundation
import Testing
@testable import IndexStore

/// A writer killed at each point of the commit sequence (docs/INDEX_FORMAT.md, "Commit and
/// fsync sequence"), simulated by leaving on disk exactly what it would have left.
@Suite("Crash recovery")
struct CrashRecoveryTests {
    /// Writes `documents` as segment `name` the way a flush does; returns its commit entry.
    static func writeSegment(_ documents: [StoredDocument], name: String, in directory: String) throws -> SegmentCommit {
        let analyzer = try Analyzer()
        var segment = SegmentInverter()
        for document in documents { try segment.add(document, analyzer: analyzer) }
        let segmentID = SegmentID.random()
        let info = try SegmentWriter.write(segment, name: name, segmentID: segmentID, analyzer: analyzer.identity, to: directory)
        return SegmentCommit(name: name, segmentID: segmentID, documentCount: info.documentCount, unitCount: info.unitCount, deletionGeneration: 0, deletedCount: 0)
    }

    static func contents(_ directory: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory))
    }

    /// Crash after the new segments and deletions were written (one of them only half),
    /// and after `segments_2.tmp`, but before its rename.
    @Test func beforeTheManifestSwapTheOldCommitIsTheIndex() throws {
        let folder = try LetterFolder()
        try folder.run()
        let old = try IndexSnapshot.open(directory: folder.index)
        let oldPostings = try livePostings(old)
        let oldFiles = try Self.contents(folder.index)

        // What the crashed writer left: segments `_1` and `_2`, a deletions file for `_0`,
        // a cut-off stored-fields file and the unrenamed manifest.
        let documents = sampleDocuments()
        var crashed = old.manifest
        crashed.generation = 2
        crashed.nextSegmentNumber = 3
        crashed.segments.append(try Self.writeSegment([documents[0]], name: "_1", in: folder.index))
        crashed.segments.append(try Self.writeSegment([documents[1]], name: "_2", in: folder.index))
        var bitmap = DeletionBitmap(documentCount: crashed.segments[0].documentCount)
        bitmap.delete(0)
        try bitmap.encode(segmentID: crashed.segments[0].segmentID).write(toFile: folder.index + "/_0_1.del", sync: true)
        crashed.segments[0].deletionGeneration = 1
        crashed.segments[0].deletedCount = 1
        let stored = folder.index + "/_2.sto"
        let storedBytes = try Data(contentsOf: URL(fileURLWithPath: stored))
        try storedBytes.prefix(storedBytes.count / 2).write(to: URL(fileURLWithPath: stored))
        try crashed.encode().write(toFile: folder.index + "/segments_2.tmp", sync: true)

        // Readers see generation 1, whole.
        let reopened = try IndexSnapshot.open(directory: folder.index, analyzer: try Analyzer().identity)
        #expect(reopened.manifest == old.manifest)
        #expect(try livePostings(reopened) == oldPostings)
        for segment in reopened.segments { try segment.reader.verify() }

        // The next writer starts from generation 1 and its commit removes the leftovers.
        // It names its new segment `_1` again (the crashed writer's counter was never
        // committed) and writes every file of it whole, over the leftover.
        try folder.write("asiel.txt", "Geachte voorzitter,\n\nDe opvang van asielzoekers in Ter Apel.\n")
        let summary = try folder.run()
        #expect(summary.added == 1)
        #expect(summary.unchanged == 3)
        #expect(summary.generation == 2)
        let new = try IndexSnapshot.open(directory: folder.index)
        #expect(new.segments.map(\.commit.name) == ["_0", "_1"])
        #expect(new.segments[0].commit.deletionGeneration == 0)
        #expect(liveIDs(new) == ["asiel", "huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])
        for segment in new.segments { try segment.reader.verify() }
        #expect(try Self.contents(folder.index) == new.manifest.fileNames.union(["segments_2", "write.lock"]))
        #expect(try Self.contents(folder.index).isSuperset(of: oldFiles.subtracting(["segments_1"])))
    }

    /// Crash after the rename, before the old files were removed: the new commit is the
    /// index, and the next commit cleans up.
    @Test func afterTheSwapTheNewCommitIsTheIndex() throws {
        let folder = try LetterFolder()
        try folder.run()
        let first = try IndexSnapshot.open(directory: folder.index)
        var next = first.manifest
        next.generation = 2
        next.segments = [try Self.writeSegment(sampleDocuments(), name: "_1", in: folder.index)]
        next.nextSegmentNumber = 2
        try ManifestStore.syncDirectory(folder.index)
        try ManifestStore.commit(next, in: folder.index)
        #expect(try Self.contents(folder.index).isSuperset(of: first.manifest.fileNames.union(["segments_1", "segments_2"])))

        let snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(snapshot.manifest.generation == 2)
        #expect(liveIDs(snapshot) == ["antwoorden", "kst-28345-252"])

        // The next writer's commit removes generation 1's files. (The sample documents
        // stay: their sources lie outside the indexed root, and prune looks only there.)
        try folder.write("asiel.txt", "De opvang van asielzoekers.")
        let summary = try folder.run()
        #expect(summary.added == 4)
        #expect(summary.generation == 3)
        let latest = try IndexSnapshot.open(directory: folder.index)
        #expect(try Self.contents(folder.index) == latest.manifest.fileNames.union(["segments_3", "write.lock"]))
        #expect(!latest.manifest.fileNames.contains { $0.hasPrefix("_0.") })
    }

    /// A file the current commit needs has vanished (not a crash: damage or a user). The
    /// reader says so instead of serving part of the index.
    @Test func aMissingSegmentFileIsAnError() throws {
        let folder = try LetterFolder()
        try folder.run()
        try FileManager.default.removeItem(atPath: folder.index + "/_0.pos")
        #expect {
            _ = try IndexSnapshot.open(directory: folder.index)
        } throws: { error in
            (error as? IndexIOError)?.errno == ENOENT
        }
    }

    /// A segment file of the right name but from another segment (a restored backup, a
    /// copy between indexes) is refused by its segment id.
    @Test func aFileOfAnotherSegmentIsRefused() throws {
        let folder = try LetterFolder()
        try folder.run()
        let other = TemporaryDirectory()
        _ = try Self.writeSegment(sampleDocuments(), name: "_0", in: other.path)
        try FileManager.default.removeItem(atPath: folder.index + "/_0.len")
        try FileManager.default.copyItem(atPath: other.path + "/_0.len", toPath: folder.index + "/_0.len")
        let error = corruption { _ = try IndexSnapshot.open(directory: folder.index) }
        if case .segmentMismatch? = error?.reason {} else { Issue.record("expected a segment mismatch, got \(String(describing: error))") }
    }
}
