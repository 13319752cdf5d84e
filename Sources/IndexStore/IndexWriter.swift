import Analysis
import Foundation

/// The one writer of an index directory: adds analysed documents, deletes, commits, merges.
///
/// Segments are written first (``write(_:number:)``, from any thread), deletions next
/// (``applyDeletions(_:to:)``), and one manifest swap (``commit(_:)``) makes all of it
/// visible at once. A crash at any point before that swap leaves the previous commit as
/// the index (docs/INDEX_FORMAT.md, "Commit"). The batch pipeline over files (walking,
/// change detection, extraction, workers) is the Indexer module's `index(_:options:progress:)`.
public final class IndexWriter {
    public let directory: String
    private let lock: WriterLock
    package let analyzer: Analyzer
    package private(set) var manifest: Manifest
    /// Every file the writer creates goes through these (tests inject failures).
    package let files: FileOperations

    /// Opens (or creates) the index in `directory` for writing. Refuses an index built
    /// by another analyzer unless `rebuild`, which starts from an empty index.
    public init(
        directory: String, rebuild: Bool = false, configuration: AnalyzerConfiguration = .standard, files: FileOperations = .system
    ) throws {
        self.files = files
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        lock = try WriterLock(directory: directory)
        analyzer = try Analyzer(configuration: configuration)
        let latest: Manifest?
        do {
            latest = try ManifestStore.latest(in: directory)
        } catch is IndexCorruption where rebuild {
            // `--rebuild` is the remedy every corruption message gives: it must also get
            // past a newest manifest that cannot be read.
            latest = nil
        }
        if let latest, !rebuild {
            guard analyzer.identity.producesSameTerms(as: latest.analyzer) else {
                throw IndexSnapshot.OpenError.analyzerMismatch(
                    directory: directory, index: latest.analyzer.description, current: analyzer.identity.description)
            }
            manifest = latest
        } else {
            // Number the new commit and segments after everything in the directory (with an
            // unreadable manifest, by the names on disk), so that no file a reader may still
            // map is ever written again.
            manifest = Manifest(
                generation: try latest?.generation ?? ManifestStore.generations(in: directory).first ?? 0,
                nextSegmentNumber: try latest?.nextSegmentNumber ?? ManifestStore.nextUnusedSegmentNumber(in: directory),
                analyzer: analyzer.identity, commitTime: 0, segments: [])
        }
        // A rebuild keeps the old commit readable until the new one replaces it.
    }

    // MARK: Indexing

    // MARK: Segments and commits

    func flush(_ segment: SegmentInverter) throws -> SegmentCommit {
        let number = manifest.nextSegmentNumber
        manifest.nextSegmentNumber += 1
        return try write(segment, number: number)
    }

    /// Writes `segment` as new segment number `number` (see ``reserveSegmentNumbers(below:)``)
    /// and returns its manifest entry; nothing is visible until a commit names it. Touches
    /// no state of the writer, so workers call it from their own threads.
    package func write(_ segment: SegmentInverter, number: UInt64) throws -> SegmentCommit {
        let name = SegmentCommit.name(number: number)
        let segmentID = SegmentID.random()
        let info = try SegmentWriter.write(segment, name: name, segmentID: segmentID, analyzer: analyzer.identity, to: directory, fileOperations: files)
        return SegmentCommit(name: name, segmentID: segmentID, documentCount: info.documentCount, unitCount: info.unitCount, deletionGeneration: 0, deletedCount: 0)
    }

    /// Records that numbers below `end` are taken (written by ``write(_:number:)``), so that
    /// no later segment reuses one.
    package func reserveSegmentNumbers(below end: UInt64) {
        manifest.nextSegmentNumber = max(manifest.nextSegmentNumber, end)
    }

    /// Writes a new deletion file for every segment that lost documents.
    package func applyDeletions(_ deletions: [Int: Set<Int>], to segments: [SegmentCommit]) throws -> [SegmentCommit] {
        var result = segments
        for (index, ordinals) in deletions where !ordinals.isEmpty {
            var commit = segments[index]
            var bitmap = DeletionBitmap(documentCount: commit.documentCount)
            if commit.deletionGeneration > 0 {
                let name = SegmentFile.deletions.fileName(segment: commit.name, generation: commit.deletionGeneration)
                bitmap = try DeletionBitmap.decode(try MappedFile(path: "\(directory)/\(name)").bytes, segmentID: commit.segmentID, documentCount: commit.documentCount)
            }
            for ordinal in ordinals { bitmap.delete(ordinal) }
            commit.deletionGeneration += 1
            commit.deletedCount = bitmap.deletedCount
            let name = SegmentFile.deletions.fileName(segment: commit.name, generation: commit.deletionGeneration)
            try files.writeFile(bitmap.encode(segmentID: commit.segmentID), "\(directory)/\(name)", true)
            result[index] = commit
        }
        // Segments with nothing left alive are dropped from the commit altogether.
        return result.filter { $0.deletedCount < $0.documentCount }
    }

    package func commit(_ next: Manifest) throws {
        var next = next
        next.generation = manifest.generation + 1
        // Segments flushed after `next` was copied have advanced the counter on `manifest`:
        // keep the higher one, or the next flush would reuse a live segment's name.
        next.nextSegmentNumber = max(next.nextSegmentNumber, manifest.nextSegmentNumber)
        next.analyzer = analyzer.identity
        next.commitTime = UInt64(max(0, Date().timeIntervalSince1970 * 1e9))
        try files.syncDirectory(directory)  // the new segment files' names first
        try ManifestStore.commit(next, in: directory, files: files)
        manifest = next
        try ManifestStore.removeUnreferencedFiles(keeping: manifest, in: directory)
    }

    // MARK: Merging

    /// Merges every segment into one, dropping deleted documents for good.
    public func optimize() throws {
        guard manifest.segments.count > 1 || manifest.segments.contains(where: { $0.deletedCount > 0 }) else { return }
        try merge(Array(manifest.segments.indices))
    }

    /// Replaces the segments at `indices` with one segment of their live documents.
    package func merge(_ indices: [Int]) throws {
        try merge(groups: [indices], threads: 1)
    }

    /// Replaces each group of segments (no segment in two groups) with one segment of its
    /// live documents, their postings and stored records copied (``SegmentMerger``), and
    /// makes all of it visible in one commit. The sources' checksums are verified first, so
    /// that damage is refused instead of copied into a new segment. Up to `threads` groups
    /// are merged at once, each on a thread of its own: a merge is one thread's work, and
    /// the end of an indexing run often has several independent ones.
    package func merge(groups: [[Int]], threads: Int) throws {
        guard !groups.isEmpty else { return }
        let sources = groups.map { group in
            // Only a group's own sources are opened, when it is merged: every open segment
            // holds its tables in memory.
            var sourcesOnly = manifest
            sourcesOnly.segments = group.map { manifest.segments[$0] }
            return sourcesOnly
        }
        let targets = groups.map { _ in
            defer { manifest.nextSegmentNumber += 1 }
            return (name: SegmentCommit.name(number: manifest.nextSegmentNumber), id: SegmentID.random())
        }
        let outcomes = MergeOutcomes(count: groups.count)
        let work = MergeWork(sources: sources, targets: targets, analyzer: analyzer.identity, directory: directory, files: files)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, groups.count))) { thread in
            for index in stride(from: thread, to: groups.count, by: max(1, min(threads, groups.count))) {
                outcomes.set(index, Result { try work.merge(index) })
            }
        }
        // The merged segment takes the place of its group's first segment.
        var placed: [(position: Int, commit: SegmentCommit)] = []
        let merged = Set(groups.flatMap { $0 })
        for (index, segment) in manifest.segments.enumerated() where !merged.contains(index) { placed.append((index, segment)) }
        for (index, group) in groups.enumerated() {
            if let info = try outcomes.get(index) {
                placed.append((group.min() ?? 0, SegmentCommit(
                    name: targets[index].name, segmentID: targets[index].id, documentCount: info.documentCount,
                    unitCount: info.unitCount, deletionGeneration: 0, deletedCount: 0)))
            }
        }
        var next = manifest
        next.segments = placed.sorted { $0.position < $1.position }.map(\.commit)
        try commit(next)
    }
}

/// What the merging threads read: each group's sources (as a manifest of them) and target,
/// and the writer's file operations.
/// Each thread opens and reads the sources of its own groups only (a segment is in one group).
private struct MergeWork: Sendable {
    let sources: [Manifest]
    let targets: [(name: String, id: SegmentID)]
    let analyzer: AnalyzerIdentity
    let directory: String
    let files: FileOperations

    /// Opens group `index`'s sources, verifies their checksums (damage is refused, not
    /// copied into the new segment) and merges them.
    func merge(_ index: Int) throws -> SegmentInfo? {
        let opened = try IndexSnapshot(directory: directory, manifest: sources[index]).segments
        for source in opened {
            try source.reader.verifyChecksums()
            source.reader.releaseResidentPages()
        }
        return try SegmentMerger.merge(
            opened, name: targets[index].name, segmentID: targets[index].id, analyzer: analyzer, to: directory, fileOperations: files)
    }
}

/// Each merge's result, written by its thread and read after all have finished.
private final class MergeOutcomes: @unchecked Sendable {
    // @unchecked: each slot is written by one thread, under the lock, and read after the join.
    private let lock = NSLock()
    private var results: [Result<SegmentInfo?, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<SegmentInfo?, any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func get(_ index: Int) throws -> SegmentInfo? {
        lock.lock()
        defer { lock.unlock() }
        return try results[index]!.get()
    }
}

/// Returns freed heap pages to the system (glibc keeps them otherwise, and a process that
/// built segments and then merges would hold both peaks at once).
package func releaseFreedMemory() {
    #if os(Linux)
    _ = glibcMallocTrim(0)
    #endif
}

#if os(Linux)
// `malloc_trim` is declared in <malloc.h>, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
