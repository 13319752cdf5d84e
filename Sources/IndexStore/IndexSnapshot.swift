import Analysis
import Foundation

/// One commit of the index, opened for reading: its manifest, its segments and their
/// deletions. Later commits do not change it; a long-running reader (the server) opens a
/// new snapshot to see them.
public final class IndexSnapshot: Sendable {
    public struct Segment: Sendable {
        public let commit: SegmentCommit
        public let reader: SegmentReader
        public let deletions: DeletionBitmap?

        @inline(__always)
        public func isLive(document ordinal: Int) -> Bool {
            !(deletions?.isDeleted(ordinal) ?? false)
        }
    }

    public let directory: String
    public let manifest: Manifest
    public let segments: [Segment]

    /// Why a snapshot cannot be opened, in words a user can act on.
    public enum OpenError: Error, CustomStringConvertible, Equatable {
        case noIndex(directory: String)
        case analyzerMismatch(directory: String, index: String, current: String)

        public var description: String {
            switch self {
            case .noIndex(let directory):
                return "There is no index in \(directory). Build one with `kamerzoek index PATH… --index \(directory)`."
            case let .analyzerMismatch(directory, index, current):
                return "The index in \(directory) was built by another analyzer (\(index)); this kamerzoek uses \(current). "
                    + "Its terms would not match: rebuild it with `kamerzoek index --rebuild --index \(directory)`."
            }
        }
    }

    /// Opens the newest commit. `analyzer`, when given, must make the same terms as the
    /// analyzer that built the index. Retries when a commit lands while opening (a writer
    /// may remove the files of the commit just read).
    ///
    /// Opening checks every header, footer and length (a truncated or mixed-up file is
    /// refused), not the checksums of the bodies: that would read the whole index before
    /// the first answer, and keep it resident. `verifyChecksums` reads every byte of every
    /// segment once and refuses a damaged one (`IndexCorruption`, naming the file and
    /// `--rebuild`); `kamerzoek check` and merges do that, and the server does it once for
    /// each segment it has not served before (``verifyChecksums(skipping:)``).
    public static func open(directory: String, analyzer: AnalyzerIdentity? = nil, verifyChecksums: Bool = false) throws -> IndexSnapshot {
        var attempt = 0
        while true {
            guard let manifest = try ManifestStore.latest(in: directory) else { throw OpenError.noIndex(directory: directory) }
            if let analyzer, !analyzer.producesSameTerms(as: manifest.analyzer) {
                throw OpenError.analyzerMismatch(directory: directory, index: manifest.analyzer.description, current: analyzer.description)
            }
            do {
                let snapshot = try IndexSnapshot(directory: directory, manifest: manifest)
                if verifyChecksums {
                    for segment in snapshot.segments { try segment.reader.verifyChecksums() }
                }
                return snapshot
            } catch let error as IndexIOError where error.errno == ENOENT && attempt < 5 {
                attempt += 1
                let newest = try ManifestStore.generations(in: directory).first ?? 0
                if newest == manifest.generation { throw error }  // missing with no newer commit: damage
            }
        }
    }

    /// Opens the manifest's segments, several at once when there are several: opening
    /// decodes each segment's small structures and walks its document table, which is
    /// most of a one-off `kamerzoek search`, and the segments do not depend on each other.
    public init(directory: String, manifest: Manifest) throws {
        self.directory = directory
        self.manifest = manifest
        let commits = manifest.segments
        if commits.count <= 1 {
            segments = try commits.map { try Self.openSegment($0, directory: directory, generation: manifest.generation) }
        } else {
            let opened = OpenedSegments(count: commits.count)
            DispatchQueue.concurrentPerform(iterations: commits.count) { index in
                opened.set(index, Result { try Self.openSegment(commits[index], directory: directory, generation: manifest.generation) })
            }
            // The first failure in manifest order, whichever thread met it first.
            segments = try opened.results().map { try $0.get() }
        }
        idIndex.snapshot = self
    }

    /// One segment of a commit with its deletions, checked against what the manifest says.
    private static func openSegment(_ commit: SegmentCommit, directory: String, generation: UInt64) throws -> Segment {
        let reader = try SegmentReader(directory: directory, name: commit.name, segmentID: commit.segmentID)
        guard reader.info.documentCount == commit.documentCount, reader.info.unitCount == commit.unitCount else {
            throw IndexCorruption(file: ManifestStore.fileName(generation: generation), offset: 0,
                                  reason: .invariantViolated("segment \(commit.name) does not hold what the manifest says"))
        }
        var deletions: DeletionBitmap?
        if commit.deletionGeneration > 0 {
            let name = SegmentFile.deletions.fileName(segment: commit.name, generation: commit.deletionGeneration)
            let file = try MappedFile(path: "\(directory)/\(name)")
            deletions = try DeletionBitmap.decode(file.bytes, segmentID: commit.segmentID, documentCount: commit.documentCount)
            guard deletions?.deletedCount == commit.deletedCount else {
                throw IndexCorruption(file: name, offset: 0, reason: .invariantViolated("\(deletions!.deletedCount) deletions, the manifest says \(commit.deletedCount)"))
            }
        }
        return Segment(commit: commit, reader: reader, deletions: deletions)
    }

    /// Recomputes the checksums of the segments whose ids are not in `verified`, and
    /// returns the ids of all of them: segments are immutable, so a server that checked a
    /// segment when it first served it need not read it again for every later commit that
    /// keeps it. The pages read go out of this process's resident memory again (they stay
    /// in the page cache): a search touches a small part of an index.
    public func verifyChecksums(skipping verified: Set<SegmentID>) throws(IndexCorruption) -> Set<SegmentID> {
        var checked = verified
        for segment in segments where !verified.contains(segment.commit.segmentID) {
            try segment.reader.verifyChecksums()
            segment.reader.releaseResidentPages()
            checked.insert(segment.commit.segmentID)
        }
        return checked.intersection(segments.map(\.commit.segmentID))
    }

    /// Live documents (deleted ones not counted).
    public var documentCount: Int { manifest.documentCount }

    /// Live passages.
    public var passageCount: Int {
        segments.reduce(0) { total, segment in
            total + segment.reader.documents.indices.reduce(0) { $0 + (segment.isLive(document: $1) ? Int(segment.reader.documents[$1].unitCount) : 0) }
        }
    }

    /// Where the live document with this id is (a dictionary built on first use).
    public func locate(id: String) -> (segment: Int, ordinal: Int)? {
        idIndex.value[id].map { ($0.segment, $0.ordinal) }
    }

    /// Live document ids → location; built once, when the first lookup needs it.
    private let idIndex = LazyIDIndex()

    private final class LazyIDIndex: @unchecked Sendable {
        // @unchecked: `built` is written once under `lock` and read under it.
        private let lock = NSLock()
        private var built: [String: (segment: Int, ordinal: Int)]?
        weak var snapshot: IndexSnapshot?

        var value: [String: (segment: Int, ordinal: Int)] {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            var index: [String: (segment: Int, ordinal: Int)] = [:]
            snapshot?.forEachLiveDocument { segment, ordinal, entry in index[entry.id] = (segment, ordinal) }
            built = index
            return index
        }
    }

    public func storedDocument(id: String) throws -> StoredDocument? {
        guard let (segment, ordinal) = locate(id: id) else { return nil }
        return try segments[segment].reader.storedDocument(ordinal)
    }

    /// Every live document's table entry, segment by segment.
    public func forEachLiveDocument(_ body: (Int, Int, DocumentEntry) throws -> Void) rethrows {
        for (segmentIndex, segment) in segments.enumerated() {
            for (ordinal, entry) in segment.reader.documents.enumerated() where segment.isLive(document: ordinal) {
                try body(segmentIndex, ordinal, entry)
            }
        }
    }

    /// Distinct terms over all segments (a term in two segments counts once).
    public func distinctTermCount() throws -> Int {
        if segments.count == 1 { return segments[0].reader.info.termCount }
        var keys = Set<[UInt8]>()
        for segment in segments {
            try segment.reader.dictionary.forEachTerm { key, _ in keys.insert(key) }
        }
        return keys.count
    }

    /// Bytes of the files this commit uses.
    public func bytesOnDisk() -> UInt64 {
        var total: UInt64 = 0
        for name in manifest.fileNames.union([ManifestStore.fileName(generation: manifest.generation)]) {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: "\(directory)/\(name)"),
               let size = attributes[.size] as? NSNumber {
                total += size.uint64Value
            }
        }
        return total
    }
}

/// The segments being opened at once by ``IndexSnapshot``'s threads, one slot each.
private final class OpenedSegments: @unchecked Sendable {
    // Unchecked: every slot is written once, under `lock`, and read after all threads end.
    private let lock = NSLock()
    private var slots: [Result<IndexSnapshot.Segment, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<IndexSnapshot.Segment, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func results() -> [Result<IndexSnapshot.Segment, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
