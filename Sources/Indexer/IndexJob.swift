import Analysis
import Foundation
import IndexStore
import Ingest

/// A document the index holds, where it is.
struct IndexedDocument {
    var segment: Int
    var ordinal: Int
    var entry: DocumentEntry
}

/// The workers' side of one `index` run: what each worker reads, and its loop.
///
/// Each worker owns an analyzer and a ``SegmentInverter``; it takes its chunks of files
/// (every `workerCount`-th chunk, so the split is the same on every run), reads, hashes,
/// extracts and inverts each file, reports the outcome to the ``IndexRun``, and flushes
/// its segment itself when the segment reaches its share of the RAM budget.
struct IndexJob: @unchecked Sendable {
    // @unchecked: everything here is immutable, the snapshot's readers only read mapped
    // files, the writer is only asked to write segments; the run synchronises itself.
    let files: [SourceFile]
    /// The indexed documents of each file (none, one, or one per speech of an export).
    let existing: [[IndexedDocument]]
    let snapshot: IndexSnapshot?
    let run: IndexRun
    let chunks: [Range<Int>]
    let workerCount: Int
    let segmentBudget: Int
    /// Only its ``IndexWriter/write(_:number:)`` is called, which touches no writer state.
    let writer: IndexWriter
    let extractor: Extractor

    /// Consecutive files of at most `bytes` (``IndexOptions/chunkBytes``) or 64 files:
    /// large enough that a worker's files come in runs and a small run stays one segment,
    /// small enough that the workers' shares even out.
    static func chunks(of files: [SourceFile], bytes limit: UInt64) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var start = 0
        while start < files.count {
            var end = start
            var bytes: UInt64 = 0
            while end < files.count, end - start < 64, bytes < limit {
                bytes += files[end].size
                end += 1
            }
            chunks.append(start ..< end)
            start = end
        }
        return chunks
    }

    func work(worker: Int, analyzer: Analyzer) {
        var segment = SegmentInverter()
        /// The file of each document in `segment`, by ordinal.
        var documentFiles: [Int] = []
        do {
            for chunk in stride(from: worker, to: chunks.count, by: workerCount) {
                for file in chunks[chunk] {
                    if run.hasFailed { return }
                    let outcome = try process(file, analyzer: analyzer, into: &segment)
                    while segment.documentCount > documentFiles.count { documentFiles.append(file) }
                    run.report(outcome, file: file)
                    if segment.estimatedBytes >= segmentBudget {
                        try flush(&segment, documentFiles: &documentFiles)
                    }
                }
            }
            try flush(&segment, documentFiles: &documentFiles)
        } catch {
            run.fail(error)
        }
    }

    /// Reads, extracts and inverts one file. Damage in the index (a stored record that
    /// cannot be read) throws and ends the run; everything about the file itself is an
    /// outcome.
    private func process(_ index: Int, analyzer: Analyzer, into segment: inout SegmentInverter) throws -> IndexRun.Outcome {
        let file = files[index]
        let bytes: [UInt8]
        do {
            bytes = try FileReading.read(file.path)
        } catch {
            return .failed("\(file.path): \(error)")
        }
        let existing = self.existing[index]
        var hash: String?
        if let first = existing.first {
            hash = SHA256.hexDigest(of: bytes)
            if hash == first.entry.contentHash {
                // Touched but not changed (a copy, a checkout): nothing to extract. The
                // records are added again with the new size and time.
                guard let snapshot else { return .unchanged(reindexed: []) }
                var ids: [String] = []
                for document in existing {
                    var stored = try snapshot.segments[document.segment].reader.storedDocument(document.ordinal)
                    stored.fileSize = file.size
                    stored.modificationTime = file.modificationTime
                    try segment.add(stored, analyzer: analyzer)
                    ids.append(stored.id)
                }
                return .unchanged(reindexed: ids)
            }
        }
        let documents: [Document]
        switch extractor.extract(bytes: bytes, path: file.path, relativeTo: file.root, contentHash: hash) {
        case .skipped(let reason):
            return .skipped(reason, bytes: bytes.count)
        case .document(let document):
            documents = [document]
        case .documents(let several):
            documents = several
        }
        var ids: [String] = []
        var warnings: [String] = []
        for document in documents {
            let stored = StoredDocument(document, file: file)
            do {
                try segment.add(stored, analyzer: analyzer)
            } catch {
                // The only failure is a text of 4 GB or more, which a file under the size
                // limit cannot hold; it would come with the file's first document.
                return .failed("\(file.path): \(error)")
            }
            ids.append(stored.id)
            warnings += stored.warnings
        }
        return .documents(ids: ids, bytes: bytes.count, warnings: warnings)
    }

    /// Writes the worker's segment once the ids of its documents are settled, and starts
    /// a new one.
    private func flush(_ segment: inout SegmentInverter, documentFiles: inout [Int]) throws {
        guard let last = documentFiles.last else { return }
        guard let renamed = run.settledIDs(before: last + 1, of: documentFiles) else { return }
        var position = 0
        for (ordinal, file) in documentFiles.enumerated() {
            // The k-th document of a file takes the k-th of its final ids.
            position = ordinal > 0 && documentFiles[ordinal - 1] == file ? position + 1 : 0
            if let ids = renamed[file], position < ids.count { segment.renameDocument(ordinal, to: ids[position]) }
        }
        run.add(try writer.write(segment, number: run.takeSegmentNumber()), firstFile: documentFiles[0])
        segment.removeAll()
        documentFiles.removeAll()
    }
}
