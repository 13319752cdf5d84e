import Foundation
import IndexStore

/// What the workers of one `index` run and its sequencing thread share.
///
/// Workers extract, analyse and invert files into segments of their own and flush them
/// themselves; they report each file's outcome here. The sequencing thread (the caller's)
/// takes the outcomes in file order, so that summaries, warnings, progress, deletions and
/// the choice between two files claiming one document id come out the same on every run.
/// Only a flush waits on it: a segment is written once the ids of all its documents are
/// settled, that is once every file before its last one has been sequenced.
final class IndexRun: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `condition` only.
    /// What became of one file, as the sequencer needs it.
    enum Outcome: Sendable {
        /// Same content as indexed; `reindexed`: its records were added again under the
        /// file's new size and time (the worker did that), empty when they were not.
        case unchanged(reindexed: [String])
        /// Extracted and inverted under their own `ids` (one, or one per speech of a
        /// ParlSpeech export).
        case documents(ids: [String], bytes: Int, warnings: [String])
        case skipped(String, bytes: Int)
        case failed(String)
    }

    private let condition = NSCondition()
    private var outcomes: [Outcome?]
    /// Final ids of a file's documents, in order, when one differs from its own, by file
    /// index (set by the sequencer).
    private var renamed: [Int: [String]] = [:]
    private var sequenced = 0
    private var nextSegmentNumber: UInt64
    private var flushed: [(firstFile: Int, commit: SegmentCommit)] = []
    private var failure: (any Error)?

    init(fileCount: Int, nextSegmentNumber: UInt64) {
        outcomes = Array(repeating: nil, count: fileCount)
        self.nextSegmentNumber = nextSegmentNumber
    }

    // MARK: Workers

    func report(_ outcome: Outcome, file: Int) {
        condition.lock()
        outcomes[file] = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until files `0 ..< files` are sequenced; then the final ids of `documents`
    /// (by file index) that are not their own. Nil when the run failed meanwhile.
    func settledIDs(before files: Int, of documents: [Int]) -> [Int: [String]]? {
        condition.lock()
        defer { condition.unlock() }
        while sequenced < files, failure == nil { condition.wait() }
        guard failure == nil else { return nil }
        var result: [Int: [String]] = [:]
        for file in documents { if let id = renamed[file] { result[file] = id } }
        return result
    }

    /// A name for the next segment; numbers are never reused.
    func takeSegmentNumber() -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        nextSegmentNumber += 1
        return nextSegmentNumber - 1
    }

    func add(_ commit: SegmentCommit, firstFile: Int) {
        condition.lock()
        flushed.append((firstFile, commit))
        condition.unlock()
    }

    /// Ends the run with `error` (the first one wins); waiting threads wake and give up.
    func fail(_ error: any Error) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    var hasFailed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return failure != nil
    }

    // MARK: Sequencer

    /// Waits for the outcome of file `file`; nil when the run failed first.
    func outcome(of file: Int) -> Outcome? {
        condition.lock()
        defer { condition.unlock() }
        while outcomes[file] == nil, failure == nil { condition.wait() }
        guard failure == nil else { return nil }
        let outcome = outcomes[file]
        outcomes[file] = nil
        return outcome
    }

    /// File `file` is sequenced; `finalIDs` are its documents' ids when one is not its own.
    func sequence(file: Int, finalIDs: [String]?) {
        condition.lock()
        if let finalIDs { renamed[file] = finalIDs }
        sequenced = file + 1
        condition.broadcast()
        condition.unlock()
    }

    /// After the workers have finished: the segments, in order of their first file (so
    /// that the index's document order does not depend on which worker finished first),
    /// the next free segment number, and the error that ended the run, if any.
    func finish() -> (segments: [SegmentCommit], nextSegmentNumber: UInt64, failure: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        return (flushed.sorted { $0.firstFile < $1.firstFile }.map(\.commit), nextSegmentNumber, failure)
    }
}
