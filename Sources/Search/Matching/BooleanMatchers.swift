/// All sub-matchers on the same id (AND), found by leapfrogging: the cheapest leads and
/// the others seek to it, so `van Dijk`-style queries cost what their rarest term costs.
final class ConjunctionMatcher: Matcher {
    private let parts: [Matcher]
    /// The same parts, called without a retain and release each (``parts`` holds them).
    private let unretained: [UnretainedMatcher]

    init(_ parts: [Matcher]) throws {
        self.parts = parts.sorted { $0.cost < $1.cost }
        unretained = self.parts.map(UnretainedMatcher.init)
        super.init()
        try align(self.parts.first?.current ?? Matcher.exhausted)
    }

    override var cost: Int { parts.first?.cost ?? 0 }

    override var maximumScore: Float { parts.reduce(0) { $0 + $1.maximumScore } }

    /// Moves every part to the first id at or after `start` they all have; the lead stands
    /// on `start` already, so it is only asked again when another part overshoots (a call
    /// per candidate saved: a phrase of three pair terms makes three seeks, not four).
    private func align(_ start: UInt32) throws {
        var target = start
        let parts = unretained
        guard parts.count > 1 else {
            current = target
            return
        }
        outer: while target != Matcher.exhausted {
            for index in 1 ..< parts.count {
                let position = try parts[index].seek(target)
                if position != target {
                    target = try parts[0].seek(position)
                    continue outer
                }
            }
            break
        }
        current = target
    }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted, let lead = unretained.first else { return current }
        try align(try lead.advance())
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target, let lead = unretained.first else { return current }
        try align(try lead.seek(target))
        return current
    }

    override func score() throws -> Float {
        var total: Float = 0
        for part in unretained { total += try part.score() }
        return total
    }
}

/// Any sub-matcher (OR); the score sums the parts standing on the current id.
///
/// The parts sit in a min-heap on their current ids, so moving costs O(log n) per part
/// that moves: a prefix such as `belasting*` can expand to hundreds of terms, where
/// scanning every part for the minimum at every step would dominate the search.
final class DisjunctionMatcher: Matcher {
    private var heap: [Matcher]
    /// Reused by `score()`, so that scoring allocates nothing.
    private var stack: [Int] = []

    init(_ parts: [Matcher]) {
        heap = parts
        super.init()
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        current = heap.first?.current ?? Matcher.exhausted
    }

    override var cost: Int { heap.reduce(0) { $0 + $1.cost } }

    override var maximumScore: Float { heap.reduce(0) { $0 + $1.maximumScore } }

    /// Each part's ids in turn: an id in two parts is visited twice, no heap is kept up.
    override func forEachRemainingBatch(_ body: (Span<UInt32>) throws -> Bool) throws -> Bool {
        defer { current = Matcher.exhausted }
        for part in heap {
            guard try part.forEachRemainingBatch(body) else { return false }
        }
        return true
    }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        let leaving = current
        while let top = heap.first, top.current == leaving {
            try top.advance()
            siftDown(0)
        }
        current = heap.first?.current ?? Matcher.exhausted
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        while let top = heap.first, top.current < target {
            try top.seek(target)
            siftDown(0)
        }
        current = heap.first?.current ?? Matcher.exhausted
        return current
    }

    override func score() throws -> Float {
        // The parts on the current id form a subtree at the top of the heap.
        var total: Float = 0
        stack.removeAll(keepingCapacity: true)
        if !heap.isEmpty { stack.append(0) }
        while let index = stack.popLast() {
            guard heap[index].current == current else { continue }
            total += try heap[index].score()
            if 2 * index + 1 < heap.count { stack.append(2 * index + 1) }
            if 2 * index + 2 < heap.count { stack.append(2 * index + 2) }
        }
        return total
    }

    private func siftDown(_ start: Int) {
        var index = start
        while true {
            let left = 2 * index + 1, right = left + 1
            var smallest = index
            if left < heap.count, heap[left].current < heap[smallest].current { smallest = left }
            if right < heap.count, heap[right].current < heap[smallest].current { smallest = right }
            if smallest == index { return }
            heap.swapAt(index, smallest)
            index = smallest
        }
    }
}

/// `included` minus `excluded` (AND NOT).
final class ExclusionMatcher: SettlingMatcher {
    private let excluded: Matcher

    init(included: Matcher, excluded: Matcher) throws {
        self.excluded = excluded
        super.init(inner: included)
        try settle()
    }

    override func accepts(_ id: UInt32) throws -> Bool {
        try excluded.seek(id) != id
    }

    override func score() throws -> Float { try inner.score() }

    override var maximumScore: Float { inner.maximumScore }
}
