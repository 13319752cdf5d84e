import Analysis
import Foundation
import IndexStore
import Ingest

extension IndexWriter {
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

        // What the index holds now, by source path (a file may hold several documents,
        // in index order) and by id.
        var bySource: [String: [IndexedDocument]] = [:]
        var liveIDs: [String: String] = [:]
        snapshot?.forEachLiveDocument { segment, ordinal, entry in
            bySource[entry.source, default: []].append(IndexedDocument(segment: segment, ordinal: ordinal, entry: entry))
            liveIDs[entry.id] = entry.source
        }
        var deletions: [Int: Set<Int>] = [:]

        // Sort the files: unchanged ones cost nothing, the rest go to the workers.
        var pending: [SourceFile] = []
        for file in walk.files {
            if let existing = bySource[file.path]?.first?.entry, existing.fileSize == file.size,
               existing.modificationTime == file.modificationTime {
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
            for (source, locations) in bySource where !present.contains(source) && Self.isUnder(source, normalizedRoots) {
                // Files the walker passed over on purpose (too large, unreadable folder) are
                // not gone: only files missing from disk are pruned.
                guard !FileManager.default.fileExists(atPath: source) || !FileWalker.isWalkable(source) else { continue }
                for location in locations {
                    deletions[location.segment, default: []].insert(location.ordinal)
                    liveIDs[location.entry.id] = nil
                }
                summary.removed += locations.count
            }
        }

        let totalBytes = pending.reduce(UInt64(0)) { $0 + $1.size }
        var bytesDone: UInt64 = 0
        var filesDone = summary.unchanged
        let filesTotal = walk.files.count
        progress(IndexProgress(filesDone: filesDone, filesTotal: filesTotal, bytesDone: 0, bytesTotal: totalBytes))

        // At least one worker (with none, nothing would ever be processed), and no more than
        // there are chunks: a worker without files would still take a share of the budget.
        let chunks = IndexJob.chunks(of: pending, bytes: options.chunkBytes)
        let workerCount = max(1, min(options.workerCount, chunks.count))
        let run = IndexRun(fileCount: pending.count, nextSegmentNumber: manifest.nextSegmentNumber)
        let job = IndexJob(
            files: pending, existing: pending.map { bySource[$0.path] ?? [] }, snapshot: snapshot, run: run,
            chunks: chunks, workerCount: workerCount,
            segmentBudget: max(1, options.ramBudgetBytes / workerCount), writer: self, extractor: Extractor())
        let analyzers = try (0 ..< workerCount).map { _ in try Analyzer(configuration: analyzer.configuration) }
        let workers = DispatchGroup()
        for worker in 0 ..< (pending.isEmpty ? 0 : workerCount) {
            let analyzer = OwnedAnalyzer(analyzers[worker])
            DispatchQueue.global().async(group: workers) { job.work(worker: worker, analyzer: analyzer.analyzer) }
        }

        var usedIDs = Set<String>()
        for (index, file) in pending.enumerated() {
            guard let outcome = run.outcome(of: index) else { break }
            let existing = bySource[file.path] ?? []
            var finalIDs: [String]?
            /// The file's old documents go (replaced, or no longer there).
            func deleteExisting() {
                for document in existing {
                    deletions[document.segment, default: []].insert(document.ordinal)
                    liveIDs[document.entry.id] = nil
                }
            }
            switch outcome {
            case .unchanged(let reindexed):
                summary.unchanged += 1
                if !existing.isEmpty, !reindexed.isEmpty {
                    // Same content, new size or time (a copy, a checkout): the worker added
                    // the stored records again with the new facts, or every later run would
                    // read and hash the file again.
                    for document in existing { deletions[document.segment, default: []].insert(document.ordinal) }
                    usedIDs.formUnion(reindexed)
                }
            case .failed(let message):
                summary.failed += 1
                summary.warnings.append(message)
            case .skipped(let reason, let bytes):
                summary.skipped += 1
                summary.bytes += UInt64(bytes)
                summary.warnings.append("\(file.path): skipped: \(reason)")
                // The file no longer holds a document: its old versions go.
                deleteExisting()
                summary.removed += existing.count
            case .documents(let ownIDs, let bytes, let warnings):
                summary.bytes += UInt64(bytes)
                deleteExisting()
                summary.updated += min(existing.count, ownIDs.count)
                summary.added += max(0, ownIDs.count - existing.count)
                summary.removed += max(0, existing.count - ownIDs.count)
                var ids: [String] = []
                for ownID in ownIDs {
                    let id = Self.uniqueID(for: ownID, file: file, taken: { liveIDs[$0] != nil || usedIDs.contains($0) })
                    if id != ownID {
                        summary.warnings.append("\(file.path): its document id \(ownID) is taken by another file; it is indexed as \(id).")
                    }
                    usedIDs.insert(id)
                    ids.append(id)
                }
                if ids != ownIDs { finalIDs = ids }
                summary.warnings.append(contentsOf: warnings)
            }
            run.sequence(file: index, finalIDs: finalIDs)
            filesDone += 1
            bytesDone += file.size
            progress(IndexProgress(filesDone: filesDone, filesTotal: filesTotal, bytesDone: bytesDone, bytesTotal: totalBytes))
        }
        workers.wait()
        let finished = run.finish()
        reserveSegmentNumbers(below: finished.nextSegmentNumber)
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
        summary.seconds = elapsed / .seconds(1)
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

    /// Runs the merge policy until it has nothing to do; the merges it finds together are
    /// one commit. They run one after the other: two at once would add a second merge's
    /// peak (a merge holds its largest term's postings whole) for a small gain in time
    /// (docs/BENCHMARKS.md, "Where the time goes now").
    private func mergeIfNeeded(_ options: IndexOptions) throws {
        let maximumUnits = options.maximumMergedPassages ?? .max
        while case let groups = MergePolicy.findMerges(manifest.segments, mergeFactor: options.mergeFactor, maximumUnits: maximumUnits),
              !groups.isEmpty {
            try merge(groups: groups, threads: 1)
        }
    }
}

/// One worker's analyzer, handed to the worker's thread: no analyzer is used by two
/// threads (a libstemmer object serves one thread only).
private struct OwnedAnalyzer: @unchecked Sendable {
    let analyzer: Analyzer
    init(_ analyzer: Analyzer) { self.analyzer = analyzer }
}
