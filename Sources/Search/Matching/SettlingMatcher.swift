/// A matcher that follows an inner matcher and accepts only some of its ids: the ones for
/// which ``settle()`` stops. Exclusion (an id the excluded matcher also has is skipped) and
/// phrases (an id whose positions do not form the phrase is skipped) share this walk.
class SettlingMatcher: Matcher {
    let inner: Matcher

    init(inner: Matcher) {
        self.inner = inner
        super.init()
    }

    override var cost: Int { inner.cost }

    /// Whether the id `inner` stands on is a match of this matcher.
    func accepts(_ id: UInt32) throws -> Bool { fatalError("subclass responsibility") }

    /// Moves `inner` forward until it stands on an accepted id (or is exhausted).
    final func settle() throws {
        while inner.current != Matcher.exhausted, try !accepts(inner.current) {
            try inner.advance()
        }
        current = inner.current
    }

    override final func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        try inner.advance()
        try settle()
        return current
    }

    override final func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        try inner.seek(target)
        try settle()
        return current
    }
}
