/// The least frequency, per length byte, a posting of the one essential term needs to
/// lift a passage past the threshold (``TermMatcher/minimumFrequencies(above:adding:into:)``),
/// and the move to its next such posting.
///
/// The table is made again only when the threshold has risen by 3% since (or the unit or
/// the non-essential bound changed): one made for a lower threshold keeps a superset of
/// the postings, so it is safe, only less selective, and remaking it costs 256 look-ups
/// of the least frequency, too much to pay at every small rise of the threshold (an OR
/// query's threshold rises often). Lists shorter than
/// ``minimumPostings`` are not worth a table, and a table that seldom moves the term is
/// set aside until the next one.
struct FrequencyFloor {
    private var table: UnsafeMutableBufferPointer<UInt32>?
    private var unit = -1
    private var base: Float = 0
    private var madeFor: Float = -.infinity
    /// Some length byte needs more than one occurrence, and the scan moves the term often
    /// enough to pay for itself.
    private var filters = false
    /// Scans since the table was made, and how many of them moved the term.
    private var calls = 0
    private var moves = 0

    /// The threshold past which the table is made again.
    private var remakeAbove: Float = -.infinity

    /// Whether ``advance(_:unit:threshold:adding:)`` would do anything: the loop asks at
    /// every candidate, so this is kept to a few compares.
    @inline(__always)
    func isWorthAsking(unit: Int, threshold: Float) -> Bool {
        filters || unit != self.unit || threshold > remakeAbove
    }

    static let minimumPostings = 4096
    private let minimumPostings: Int

    init(minimumPostings: Int = Self.minimumPostings) { self.minimumPostings = minimumPostings }

    mutating func advance(_ term: TermMatcher, unit: Int, threshold: Float, adding base: Float) throws {
        guard term.cost >= minimumPostings else {
            self.unit = unit
            remakeAbove = .infinity
            filters = false
            return
        }
        let table = self.table ?? {
            let made = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 256)
            self.table = made
            return made
        }()
        if unit != self.unit || base != self.base || threshold > remakeAbove {
            term.minimumFrequencies(above: threshold, adding: base, into: table)
            self.unit = unit
            self.base = base
            madeFor = threshold
            remakeAbove = threshold + 0.03 * abs(threshold)
            filters = table.contains { $0 > 1 }
            calls = 0
            moves = 0
        }
        // A table of ones keeps every posting, and one that seldom moves the term costs a
        // scan per candidate for nothing (`wet OR besluit OR regeling`, where each common
        // word stays essential): then the usual step is taken until the next table.
        guard filters else { return }
        let before = term.current
        try term.advance(toFrequencyAtLeast: UnsafeBufferPointer(table), blockBoundAtMost: madeFor - base)
        calls += 1
        if term.current != before { moves += 1 }
        if calls == 256, moves * 2 < calls { filters = false }
    }

    func release() { table?.deallocate() }
}
