/// Looks at the clock every 1,024 steps: often enough for a 2 s budget, rarely enough
/// that reading the clock costs nothing next to the work.
struct DeadlineCheck {
    let deadline: ContinuousClock.Instant?
    private var steps = 0
    private(set) var passed = false

    init(_ deadline: ContinuousClock.Instant?) { self.deadline = deadline }

    /// One step of work; true once the deadline has passed (and from then on).
    @inline(__always)
    mutating func expired() -> Bool {
        steps &+= 1
        if steps & 1023 == 0, let deadline, ContinuousClock.now > deadline { passed = true }
        return passed
    }
}
