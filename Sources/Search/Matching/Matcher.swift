/// Iterates the ids (passages, or documents in title spaces) that match a query node, in
/// ascending order, and scores the current one.
///
/// Contract (Tantivy's `DocSet`): after init a matcher stands on its first match;
/// ``advance()`` and ``seek(_:)`` move forward only and return the new current id, which is
/// ``Matcher/exhausted`` once there is none. ``score()`` is valid while standing on a match.
/// Classes rather than protocols with generics: query trees are built at run time, and a
/// virtual call per matched id is cheap next to decoding postings.
class Matcher {
    /// Computed, not stored: a stored static is initialised lazily, behind a check on every read.
    @inline(__always) static var exhausted: UInt32 { .max }

    final var current: UInt32 = Matcher.exhausted

    /// Roughly how many ids this matcher yields: conjunctions lead with the cheapest.
    var cost: Int { 0 }

    @discardableResult
    func advance() throws -> UInt32 { fatalError("subclass responsibility") }

    /// Moves to the first id at or after `target` (stays when already there).
    @discardableResult
    func seek(_ target: UInt32) throws -> UInt32 {
        while current < target { try advance() }
        return current
    }

    func score() throws -> Float { 0 }

    /// No id of this matcher scores more than this (MaxScore's bound). Infinity, the
    /// default, is always safe: the scorer then never skips anything for this matcher.
    var maximumScore: Float { .infinity }

    /// A bound on the score of every id from the current one through `lastID`, for
    /// matchers that know one (terms from their block's impacts, phrases from their
    /// terms'); nil for the others, whose ``maximumScore`` then stands for every id.
    func blockBound() throws -> (score: Float, lastID: UInt32)? { nil }

    /// Calls `body` with every remaining id, a batch at a time, at least once each and in
    /// no particular order (a disjunction hands over each part's ids in turn), and leaves
    /// the matcher spent. For counting, where order does not matter and a call per posting
    /// does. `body` returns false to stop; the result says whether every id was visited.
    @discardableResult
    func forEachRemainingBatch(_ body: (Span<UInt32>) throws -> Bool) throws -> Bool {
        var batch = InlineArray<128, UInt32>(repeating: 0)
        while current != Matcher.exhausted {
            var count = 0
            while count < batch.count, current != Matcher.exhausted {
                batch[count] = current
                count += 1
                try advance()
            }
            guard try body(batch.span.extracting(..<count)) else { return false }
        }
        return true
    }

    /// ``forEachRemainingBatch(_:)`` through buffer pointers.
    // Kept for SegmentMatches and ClauseBitmaps until they read spans: each pointer is a
    // batch's span, valid inside `body` only.
    @discardableResult
    final func visitRemaining(_ body: (UnsafeBufferPointer<UInt32>) throws -> Bool) throws -> Bool {
        try forEachRemainingBatch { batch in try batch.withUnsafeBufferPointer(body) }
    }
}

/// Matches nothing.
final class EmptyMatcher: Matcher {
    override func advance() throws -> UInt32 { current }

    override var maximumScore: Float { 0 }
}

/// Every id below `limit`, scoring 0 (filter-only queries).
final class AllMatcher: Matcher {
    private let limit: UInt32

    init(limit: Int) {
        self.limit = UInt32(limit)
        super.init()
        current = limit > 0 ? 0 : Matcher.exhausted
    }

    override var cost: Int { Int(limit) }

    override var maximumScore: Float { 0 }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        current = current + 1 < limit ? current + 1 : Matcher.exhausted
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        if current < target { current = target < limit ? target : Matcher.exhausted }
        return current
    }
}
