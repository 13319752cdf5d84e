/// A matcher that a hot loop calls without retaining and releasing it each time: reading
/// a class reference out of an array retains and releases it around every call, two
/// atomic operations that a loop over every candidate would pay each time. Used by the
/// ranking and gathering loops and by the conjunction under every phrase.
///
/// `_withUnsafeGuaranteedRef` (underscored) is the only form the optimiser reliably
/// compiles without a retain and release per call: an `unowned(unsafe)` reference is
/// copied (+1) at every use. Sound because every maker keeps the matchers in an array of
/// its own (`parts`, `matchers`, `scorers`, `probes`, `held`) for as long as it keeps these.
struct UnretainedMatcher {
    private let matcher: Unmanaged<Matcher>
    /// The matcher as a term (cast once): its blocks have bounds.
    private let term: Unmanaged<TermMatcher>?

    init(_ matcher: Matcher) {
        self.matcher = .passUnretained(matcher)
        term = (matcher as? TermMatcher).map { .passUnretained($0) }
    }

    var isTerm: Bool { term != nil }

    @inline(__always) var current: UInt32 { matcher._withUnsafeGuaranteedRef { $0.current } }
    @inline(__always) @discardableResult func advance() throws -> UInt32 { try matcher._withUnsafeGuaranteedRef { try $0.advance() } }
    @inline(__always) @discardableResult func seek(_ target: UInt32) throws -> UInt32 { try matcher._withUnsafeGuaranteedRef { try $0.seek(target) } }
    @inline(__always) func score() throws -> Float { try matcher._withUnsafeGuaranteedRef { try $0.score() } }

    /// The current block's bound for a term, or the bound a phrase gives; nil for other
    /// matchers.
    @inline(__always) func blockMaximumScore() throws -> Float? {
        if let term { return try term._withUnsafeGuaranteedRef { try $0.currentBlockMaximumScore() } }
        return try matcher._withUnsafeGuaranteedRef { try $0.blockBound()?.score }
    }

    /// Moves past the ids a non-term matcher's bound covers (``Matcher/blockBound()``):
    /// they cannot score more than it. Returns false when it has no bound.
    @inline(__always) func skipBound() throws -> Bool {
        try matcher._withUnsafeGuaranteedRef { matcher in
            guard let (_, lastID) = try matcher.blockBound() else { return false }
            try matcher.seek(lastID == Matcher.exhausted ? lastID : lastID + 1)
            return true
        }
    }

    /// The term (nil for other matchers), for the ranking's work on its postings.
    @inline(__always) func withTerm<Result>(_ body: (TermMatcher) throws -> Result) rethrows -> Result? {
        try term?._withUnsafeGuaranteedRef(body)
    }

    @inline(__always) func skipBlocks(boundAtMost threshold: Float) throws {
        try term?._withUnsafeGuaranteedRef { _ = try $0.skipBlocks(boundAtMost: threshold) }
    }
}
