/// All sub-matchers on the same id (AND), found by leapfrogging: the cheapest leads and
/// the others seek to it, so `van Dijk`-style queries cost what their rarest term costs.
final class ConjunctionMatcher: Matcher {
    private let parts: [Matcher]

    init(_ parts: [Matcher]) throws {
        self.parts = parts.sorted { $0.cost < $1.cost }
        super.init()
        try align(self.parts.first?.current ?? Matcher.exhausted)
    }

    override var cost: Int { parts.first?.cost ?? 0 }

    private func align(_ start: UInt32) throws {
        var target = start
        outer: while target != Matcher.exhausted {
            for part in parts {
                let position = try part.seek(target)
                if position != target {
                    target = position
                    continue outer
                }
            }
            break
        }
        current = target
    }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted, let lead = parts.first else { return current }
        try align(try lead.advance())
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target, let lead = parts.first else { return current }
        try align(try lead.seek(target))
        return current
    }

    override func score() throws -> Float {
        var total: Float = 0
        for part in parts { total += try part.score() }
        return total
    }
}

/// Any sub-matcher (OR); the score sums the parts standing on the current id.
final class DisjunctionMatcher: Matcher {
    private let parts: [Matcher]

    init(_ parts: [Matcher]) {
        self.parts = parts
        super.init()
        current = parts.map(\.current).min() ?? Matcher.exhausted
    }

    override var cost: Int { parts.reduce(0) { $0 + $1.cost } }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        var next = Matcher.exhausted
        for part in parts {
            if part.current == current { try part.advance() }
            next = min(next, part.current)
        }
        current = next
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        var next = Matcher.exhausted
        for part in parts { next = min(next, try part.seek(target)) }
        current = next
        return current
    }

    override func score() throws -> Float {
        var total: Float = 0
        for part in parts where part.current == current { total += try part.score() }
        return total
    }
}

/// `included` minus `excluded` (AND NOT).
final class ExclusionMatcher: Matcher {
    private let included: Matcher
    private let excluded: Matcher

    init(included: Matcher, excluded: Matcher) throws {
        self.included = included
        self.excluded = excluded
        super.init()
        try settle()
    }

    override var cost: Int { included.cost }

    private func settle() throws {
        var candidate = included.current
        while candidate != Matcher.exhausted, try excluded.seek(candidate) == candidate {
            candidate = try included.advance()
        }
        current = candidate
    }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        try included.advance()
        try settle()
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        try included.seek(target)
        try settle()
        return current
    }

    override func score() throws -> Float { try included.score() }
}
