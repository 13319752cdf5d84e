import Analysis
import Foundation
import Ingest

/// The one writer of an index directory: batch (re-)indexing of files, merges, commits.
///
/// A run is one commit. New and changed files are extracted and analysed in parallel,
/// added to an in-memory segment that is flushed to disk whenever it outgrows the RAM
/// budget; replaced and vanished documents are marked in deletion bitmaps; then one
/// manifest swap makes all of it visible at once. A crash at any point before that swap
/// leaves the previous commit as the index (docs/INDEX_FORMAT.md, "Commit").
public final class IndexWriter {
    public let directory: String
    private let lock: WriterLock
    let analyzer: Analyzer
    private(set) var manifest: Manifest
    private let extractor = Extractor()
    /// Every file the writer creates goes through these (tests inject failures).
    let files: FileOperations

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

    /// Brings the index in line with the files under `roots`: adds new files, replaces
    /// changed ones (size and modification time first, then the content hash), removes
    /// documents whose files are gone (with `options.prune`), leaves the rest alone.
    ///
    /// The files to (re)do are cut into chunks dealt out to `options.workerCount` workers
    /// in turn; each worker extracts, analyses and inverts its files into a segment of its
    /// own and flushes it itself when it reaches its share of the RAM budget (Lucene's
    /// DocumentsWriterPerThread). This thread sequences their outcomes in file order
    /// (``IndexRun``), so a run's result does not depend on which worker was faster.
    public func index(_ roots: [String], options: IndexOptions = IndexOptions(), progress: (IndexProgress) -> Void = { _ in }) throws -> IndexSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = IndexSummary()
        let walk = try FileWalker.walk(roots, excluding: [directory])
        summary.warnings = walk.warnings
        let snapshot = manifest.segments.isEmpty && manifest.generation == 0 ? nil : try IndexSnapshot(directory: directory, manifest: manifest)

        // What the index holds now, by source path and by id.
        var bySource: [String: IndexedDocument] = [:]
        var liveIDs: [String: String] = [:]
        snapshot?.forEachLiveDocument { segment, ordinal, entry in
            bySource[entry.source] = IndexedDocument(segment: segment, ordinal: ordinal, entry: entry)
            liveIDs[entry.id] = entry.source
        }
        var deletions: [Int: Set<Int>] = [:]

        // Sort the files: unchanged ones cost nothing, the rest go to the workers.
        var pending: [SourceFile] = []
        for file in walk.files {
            if let existing = bySource[file.path]?.entry, existing.fileSize == file.size, existing.modificationTime == file.modificationTime {
                summary.unchanged += 1
            } else if file.size > options.maximumFileSize {
                summary.failed += 1
                summary.warnings.append("\(file.path): \(file.size) bytes is more than the \(options.maximumFileSize) bytes a document may have; skipped.")
            } else {
                pending.append(file)
            }
        }
        if options.prune {
            let present = Set(walk.files.map(\.path))
            let normalizedRoots = roots.map(FileWalker.normalize)
            for (source, location) in bySource where !present.contains(source) && Self.isUnder(source, normalizedRoots) {
                // Files the walker passed over on purpose (too large, unreadable folder) are
                // not gone: only files missing from disk are pruned.
                guard !FileManager.default.fileExists(atPath: source) || !Self.isWalkable(source) else { continue }
                deletions[location.segment, default: []].insert(location.ordinal)
                liveIDs[location.entry.id] = nil
                summary.removed += 1
            }
        }

        let totalBytes = pending.reduce(UInt64(0)) { $0 + $1.size }
        var bytesDone: UInt64 = 0
        var filesDone = summary.unchanged
        let filesTotal = walk.files.count
        progress(IndexProgress(filesDone: filesDone, filesTotal: filesTotal, bytesDone: 0, bytesTotal: totalBytes))

        // At least one worker: with none, nothing would ever be processed.
        let workerCount = max(1, min(options.workerCount, pending.count))
        let run = IndexRun(fileCount: pending.count, nextSegmentNumber: manifest.nextSegmentNumber)
        let job = IndexJob(
            files: pending, existing: pending.map { bySource[$0.path] }, snapshot: snapshot, run: run,
            chunks: IndexJob.chunks(of: pending, bytes: options.chunkBytes), workerCount: workerCount,
            segmentBudget: max(1, options.ramBudgetBytes / workerCount),
            directory: directory, analyzer: analyzer.identity, fileOperations: files, extractor: extractor)
        let analyzers = try (0 ..< workerCount).map { _ in try Analyzer(configuration: analyzer.configuration) }
        let workers = DispatchGroup()
        for worker in 0 ..< (pending.isEmpty ? 0 : workerCount) {
            let analyzer = UncheckedSendable(analyzers[worker])
            DispatchQueue.global().async(group: workers) { job.work(worker: worker, analyzer: analyzer.value) }
        }

        var usedIDs = Set<String>()
        for (index, file) in pending.enumerated() {
            guard let outcome = run.outcome(of: index) else { break }
            let existing = bySource[file.path]
            var finalID: String?
            switch outcome {
            case .unchanged(let reindexed):
                summary.unchanged += 1
                if let existing, let reindexed {
                    // Same content, new size or time (a copy, a checkout): the worker added
                    // the stored record again with the new facts, or every later run would
                    // read and hash the file again.
                    deletions[existing.segment, default: []].insert(existing.ordinal)
                    usedIDs.insert(reindexed)
                }
            case .failed(let message):
                summary.failed += 1
                summary.warnings.append(message)
            case .skipped(let reason, let bytes):
                summary.skipped += 1
                summary.bytes += UInt64(bytes)
                summary.warnings.append("\(file.path): skipped: \(reason)")
                if let existing {
                    // The file no longer holds a document: its old version goes.
                    deletions[existing.segment, default: []].insert(existing.ordinal)
                    liveIDs[existing.entry.id] = nil
                    summary.removed += 1
                }
            case .document(let ownID, let bytes, let warnings):
                summary.bytes += UInt64(bytes)
                if let existing {
                    deletions[existing.segment, default: []].insert(existing.ordinal)
                    liveIDs[existing.entry.id] = nil
                    summary.updated += 1
                } else {
                    summary.added += 1
                }
                let id = Self.uniqueID(for: ownID, file: file, taken: { liveIDs[$0] != nil || usedIDs.contains($0) })
                if id != ownID {
                    summary.warnings.append("\(file.path): its document id \(ownID) is taken by another file; it is indexed as \(id).")
                    finalID = id
                }
                usedIDs.insert(id)
                summary.warnings.append(contentsOf: warnings)
            }
            run.sequence(file: index, finalID: finalID)
            filesDone += 1
            bytesDone += file.size
            progress(IndexProgress(filesDone: filesDone, filesTotal: filesTotal, bytesDone: bytesDone, bytesTotal: totalBytes))
        }
        workers.wait()
        let finished = run.finish()
        manifest.nextSegmentNumber = finished.nextSegmentNumber
        if let failure = finished.failure { throw failure }
        let newSegments = finished.segments

        let changed = !newSegments.isEmpty || !deletions.isEmpty || manifest.generation == 0 || manifest.commitTime == 0
        if changed {
            var next = manifest
            next.segments = try applyDeletions(deletions, to: manifest.segments) + newSegments
            try commit(next)
            // The workers' segments are gone; give their freed heap back to the system
            // before merges add their own, or the two peaks stack.
            releaseFreedMemory()
            try mergeIfNeeded(options)
        }
        summary.generation = manifest.generation
        let elapsed = clock.now - started
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    /// The document's own id when free; else its path relative to its root with the
    /// extension (two files `a.txt` and `a.md`); else that with a number.
    private static func uniqueID(for ownID: String, file: SourceFile, taken: (String) -> Bool) -> String {
        guard taken(ownID) else { return ownID }
        var relative = file.path
        if file.root != ".", relative.hasPrefix(file.root + "/") { relative = String(relative.dropFirst(file.root.count + 1)) }
        if !taken(relative) { return relative }
        var number = 2
        while taken("\(relative)#\(number)") { number += 1 }
        return "\(relative)#\(number)"
    }

    private static func isUnder(_ source: String, _ roots: [String]) -> Bool {
        roots.contains { root in root == "." ? !source.hasPrefix("/") : source == root || source.hasPrefix(root + "/") }
    }

    /// A path the walker would have visited (not hidden, not a sidecar or README).
    private static func isWalkable(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return !path.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
            && !FileWalker.isSidecar(name) && !name.hasPrefix("README")
    }

    // MARK: Segments and commits

    func flush(_ segment: SegmentInverter) throws -> SegmentCommit {
        let name = SegmentCommit.name(number: manifest.nextSegmentNumber)
        manifest.nextSegmentNumber += 1
        let segmentID = SegmentID.random()
        let info = try SegmentWriter.write(segment, name: name, segmentID: segmentID, analyzer: analyzer.identity, to: directory, fileOperations: files)
        return SegmentCommit(name: name, segmentID: segmentID, documentCount: info.documentCount, unitCount: info.unitCount, deletionGeneration: 0, deletedCount: 0)
    }

    /// Writes a new deletion file for every segment that lost documents.
    func applyDeletions(_ deletions: [Int: Set<Int>], to segments: [SegmentCommit]) throws -> [SegmentCommit] {
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

    func commit(_ next: Manifest) throws {
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

    /// Runs the merge policy until it has nothing to do.
    private func mergeIfNeeded(_ options: IndexOptions) throws {
        let maximumUnits = options.maximumMergedPassages ?? .max
        while let group = MergePolicy.findMerges(manifest.segments, mergeFactor: options.mergeFactor, maximumUnits: maximumUnits).first {
            try merge(group)
        }
    }

    /// Merges every segment into one, dropping deleted documents for good.
    public func optimize() throws {
        guard manifest.segments.count > 1 || manifest.segments.contains(where: { $0.deletedCount > 0 }) else { return }
        try merge(Array(manifest.segments.indices))
    }

    /// Replaces the segments at `indices` with one segment of their live documents, their
    /// postings and stored records copied (``SegmentMerger``). The sources' checksums are
    /// verified first, so that damage is refused instead of copied into the new segment.
    private func merge(_ indices: [Int]) throws {
        // Only the sources are opened: every open segment holds its tables in memory.
        var sourcesOnly = manifest
        sourcesOnly.segments = indices.map { manifest.segments[$0] }
        let sources = try IndexSnapshot(directory: directory, manifest: sourcesOnly).segments
        for source in sources {
            try source.reader.verifyChecksums()
            source.reader.releaseResidentPages()
        }
        let name = SegmentCommit.name(number: manifest.nextSegmentNumber)
        manifest.nextSegmentNumber += 1
        let segmentID = SegmentID.random()
        var next = manifest
        let merged = Set(indices)
        next.segments = manifest.segments.enumerated().filter { !merged.contains($0.offset) }.map(\.element)
        if let info = try SegmentMerger.merge(
            sources, name: name, segmentID: segmentID, analyzer: analyzer.identity, to: directory, fileOperations: files) {
            let commit = SegmentCommit(
                name: name, segmentID: segmentID, documentCount: info.documentCount, unitCount: info.unitCount,
                deletionGeneration: 0, deletedCount: 0)
            next.segments.insert(commit, at: min(indices.min() ?? 0, next.segments.count))
        }
        try commit(next)
    }
}

/// Hands values that are used by one thread at a time across a `@Sendable` boundary (the
/// analyzers: ``ParallelMap`` gives each worker its own).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Returns freed heap pages to the system (glibc keeps them otherwise, and a process that
/// built segments and then merges would hold both peaks at once).
private func releaseFreedMemory() {
    #if os(Linux)
    _ = glibcMallocTrim(0)
    #endif
}

#if os(Linux)
// `malloc_trim` is declared in <malloc.h>, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
