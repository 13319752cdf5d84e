/// Matches recorded by the counting pass, handed out again for ranking: a phrase or a
/// prefix is matched once (positions read, alternatives merged) and scored from the
/// record after that. Its bound is exact, the best recorded score.
final class ReplayMatcher: Matcher {
    struct Recording {
        var ids: [UInt32] = []
        var scores: [Float] = []
        var best: Float = 0

        mutating func append(_ id: UInt32, _ score: Float) {
            ids.append(id)
            scores.append(score)
            best = max(best, score)
        }
    }

    private let recording: Recording
    private var position = 0

    init(_ recording: Recording) {
        self.recording = recording
        super.init()
        current = recording.ids.first ?? Matcher.exhausted
    }

    override var cost: Int { recording.ids.count }

    override var maximumScore: Float { recording.best }

    override func advance() throws -> UInt32 {
        guard position < recording.ids.count else { return current }
        position += 1
        current = position < recording.ids.count ? recording.ids[position] : Matcher.exhausted
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        // Gallop, then binary search: the ranking seeks far ahead when skipping documents.
        var step = 1, low = position, high = position + 1
        while high < recording.ids.count, recording.ids[high] < target {
            low = high
            step *= 2
            high = position + step
        }
        high = min(high, recording.ids.count)
        while low < high {
            let middle = (low + high) / 2
            if recording.ids[middle] < target { low = middle + 1 } else { high = middle }
        }
        position = low
        current = position < recording.ids.count ? recording.ids[position] : Matcher.exhausted
        return current
    }

    override func score() throws -> Float { recording.scores[position] }

    /// The recorded ids and scores from the current one on, for a loop that reads them
    /// without a call per match; leaves the matcher exhausted.
    func withRemaining<Result>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        defer {
            position = recording.ids.count
            current = Matcher.exhausted
        }
        let start = min(position, recording.ids.count)
        return try recording.ids.withUnsafeBufferPointer { ids in
            try recording.scores.withUnsafeBufferPointer { scores in
                try body(UnsafeBufferPointer(rebasing: ids[start...]), UnsafeBufferPointer(rebasing: scores[start...]))
            }
        }
    }
}

/// A recorded unit whose record stops where the counting pass stopped (at the count
/// limit): the record up to `boundary`, then the unit's own matcher from there on.
final class ReplayThenLiveMatcher: Matcher {
    private let replay: ReplayMatcher
    private let live: Matcher
    private let boundary: UInt32

    init(_ recording: ReplayMatcher.Recording, live: Matcher, boundary: UInt32) throws {
        replay = ReplayMatcher(recording)
        self.live = live
        self.boundary = boundary
        super.init()
        current = replay.current < boundary ? replay.current : try live.seek(boundary)
    }

    override var cost: Int { replay.cost + live.cost }
    override var maximumScore: Float { max(replay.maximumScore, live.maximumScore) }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        if current < boundary {
            let next = try replay.advance()
            current = next < boundary ? next : try live.seek(boundary)
        } else {
            current = try live.advance()
        }
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        if target < boundary {
            let next = try replay.seek(target)
            current = next < boundary ? next : try live.seek(boundary)
        } else {
            current = try live.seek(target)
        }
        return current
    }

    override func score() throws -> Float { current < boundary ? try replay.score() : try live.score() }

    /// Past the boundary, the live matcher's bound; before it, none (the record's scores
    /// are exact and cheap).
    override func blockBound() throws -> (score: Float, lastID: UInt32)? {
        current >= boundary && current != Matcher.exhausted ? try live.blockBound() : nil
    }
}
