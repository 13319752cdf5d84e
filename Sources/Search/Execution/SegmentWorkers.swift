import Dispatch

/// Shares a search's segments out among threads: each worker counts and ranks its own
/// segments into its own top k, and the search merges them afterwards.
///
/// Segments are independent until the merge (their matchers, bitmaps and cursors are
/// their own), so the work splits without locks; only the term look-ups are shared
/// (``TermLookups`` locks them). Splitting costs a thread hand-off, more than a search of
/// few postings takes, so such a search asks for one worker.
///
/// A worker's top k sees only its segments, so its threshold is lower than one top k over
/// all would be and it skips a little less; the merged top k is the same (documents are
/// ordered by score, then segment and document, whatever the order they were offered in).
struct SegmentWorkers {
    /// Per worker, its segments in ascending order.
    let assignments: [[Int]]

    /// What one worker counted and ranked in its segments.
    struct Tally {
        var total = 0
        var documents = 0
        var countComplete = true
        var rankComplete = true
        /// Counting stopped at the count limit (``SearchOptions/exactTotal`` off): `total`
        /// is a lower bound, though nothing was cut short.
        var countBounded = false
        /// Its segments' best documents (nil where nothing is ranked: date order).
        var top: TopDocuments?

        /// The workers' counts added up and their tops merged into one of `capacity`:
        /// what one thread over all the segments finds.
        static func merged(_ tallies: [Tally], capacity: Int) -> Tally {
            var merged = Tally()
            for tally in tallies {
                merged.total += tally.total
                merged.documents += tally.documents
                merged.countComplete = merged.countComplete && tally.countComplete
                merged.rankComplete = merged.rankComplete && tally.rankComplete
                merged.countBounded = merged.countBounded || tally.countBounded
                guard let top = tally.top else { continue }
                if merged.top == nil { merged.top = TopDocuments(capacity: capacity) }
                for entry in top.entries { merged.top!.offer(entry) }
            }
            return merged
        }
    }

    /// `sizes`: per segment, a measure of its work (its passages); segments of size 0 are
    /// left out. Largest first, each to the worker with the least so far.
    init(sizes: [Int], workers: Int) {
        let count = max(1, min(workers, sizes.count(where: { $0 > 0 })))
        var assigned = Array(repeating: [Int](), count: count)
        var load = Array(repeating: 0, count: count)
        for segment in sizes.indices.sorted(by: { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }) where sizes[segment] > 0 {
            let worker = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            assigned[worker].append(segment)
            load[worker] += sizes[segment]
        }
        assignments = assigned.map { $0.sorted() }
    }

    /// Runs `body` once per worker with its segments, on threads of their own when there
    /// is more than one worker; the results come back in worker order, and the first
    /// worker's error (in that order) is thrown.
    func run<Result>(_ body: (_ segments: [Int]) throws -> Result) throws -> [Result] {
        guard assignments.count > 1 else { return [try body(assignments.first ?? [])] }
        let outcomes = UnsafeMutableBufferPointer<Swift.Result<Result, any Error>?>.allocate(capacity: assignments.count)
        outcomes.initialize(repeating: nil)
        defer {
            outcomes.deinitialize()
            outcomes.deallocate()
        }
        let assignments = self.assignments
        withoutActuallyEscaping(body) { body in
            // Invariants: each worker writes only its own slot (`outcomes[worker]`), and
            // `concurrentPerform` returns after every worker has finished, before the
            // slots are read and freed; `body` is called once per worker on disjoint
            // segments (it is not `Sendable`, so its callers write only per-worker state).
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let outcomes = outcomes
            DispatchQueue.concurrentPerform(iterations: assignments.count) { worker in
                outcomes[worker] = Swift.Result { try body(assignments[worker]) }
            }
        }
        return try outcomes.map { try $0!.get() }
    }
}
