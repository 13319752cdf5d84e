/// Looks at the clock after every 1,024 steps of work: often enough for a 2 s budget,
/// rarely enough that reading the clock costs nothing next to the work.
struct DeadlineCheck {
    let deadline: ContinuousClock.Instant?
    private var steps = 0
    private var nextLook = 1024
    private(set) var passed = false

    init(_ deadline: ContinuousClock.Instant?) { self.deadline = deadline }

    /// `work` more steps done (a posting, a block's postings); true once the deadline has
    /// passed, and from then on.
    @inline(__always)
    mutating func expired(after work: Int = 1) -> Bool {
        steps &+= work
        if steps >= nextLook {
            nextLook = steps + 1024
            if let deadline, ContinuousClock.now > deadline { passed = true }
        }
        return passed
    }
}
