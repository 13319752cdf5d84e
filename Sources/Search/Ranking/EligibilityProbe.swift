import IndexStore

/// Whether a document the counting pass did not reach (it stopped at the count limit,
/// ``SegmentMatches``) matches the whole query: it passed the filters, constraints and
/// exclusions (decided for every document before counting), and has every required
/// clause in its title or in one of its passages. The ranking asks only about the
/// documents it would offer, in ascending order, so each unit's matcher seeks forward
/// once through its list.
final class EligibilityProbe {
    private let unitRanges: [Range<UInt32>]
    /// Filters, constraints and exclusions, per document.
    private let passesConstraints: [Bool]
    private let titles: ClauseBitmaps
    /// Per required clause, the documents with it in their title, ascending.
    private let titleLists: [[UInt32]]
    private let driver: Int
    private let firstUndecided: Int
    private let all: UInt64
    /// Per required clause, the units whose passages can show it.
    private let unitsOfClause: [[Int]]
    private let units: [(clause: Int, query: PlannedQuery)]
    private let factory: MatcherFactory
    /// Made on the first question: seeking forward from one document to the next.
    private var probes: [Matcher]?
    /// The same, read without retaining in the loop (``probes`` keeps them alive).
    private var unretained: [UnretainedMatcher] = []
    private var lastDocument = -1
    private var lastAnswer = false

    /// Whether the ranking's candidates need asking: with one required clause, a passage
    /// the ranking meets has it.
    let checksPassages: Bool

    init(
        clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], factory: MatcherFactory, eligible: [Bool],
        titles: ClauseBitmaps, titleLists: [[UInt32]], driver: Int, from firstUndecided: Int
    ) {
        unitRanges = factory.segment.unitRanges
        passesConstraints = eligible
        self.titles = titles
        self.titleLists = titleLists
        self.driver = driver
        self.firstUndecided = firstUndecided
        let required = clauses.required.count
        all = required == 64 ? .max : (1 << UInt64(required)) - 1
        unitsOfClause = (0 ..< required).map { clause in units.indices.filter { units[$0].clause == clause } }
        self.units = units
        self.factory = factory
        checksPassages = required > 1
    }

    /// Whether `document` (past the decided ones; asked in ascending order) matches.
    func matches(_ document: Int) throws -> Bool {
        if document == lastDocument { return lastAnswer }
        lastDocument = document
        lastAnswer = try decide(document)
        return lastAnswer
    }

    private func decide(_ document: Int) throws -> Bool {
        let range = unitRanges[document]
        guard document >= firstUndecided, passesConstraints[document], !range.isEmpty else { return false }
        if probes == nil {
            let made = try units.map { try factory.matcher(for: $0.query) }
            probes = made
            unretained = made.map(UnretainedMatcher.init)
        }
        let inTitle = titles.clauses(of: UInt32(document))
        for (clause, members) in unitsOfClause.enumerated() where inTitle & (1 << UInt64(clause)) == 0 {
            var found = false
            for unit in members where try unretained[unit].seek(range.lowerBound) < range.upperBound {
                found = true
                break
            }
            if !found { return false }
        }
        return true
    }

    /// The undecided documents that match through their titles alone (every required
    /// clause in the title, no passage matching any unit), ascending: they enter the
    /// ranking with score 0, as ``SegmentMatches/titleOnly`` do.
    func titleOnlyDocuments() throws -> [UInt32] {
        var found: [UInt32] = []
        var probes: [Matcher]?
        for document in titleLists[driver].lazy.map(Int.init) where document >= firstUndecided {
            let range = unitRanges[document]
            guard passesConstraints[document], !range.isEmpty, titles.clauses(of: UInt32(document)) == all else { continue }
            if probes == nil { probes = try units.map { try factory.matcher(for: $0.query) } }
            var inPassage = false
            for probe in probes! where try probe.seek(range.lowerBound) < range.upperBound {
                inPassage = true
                break
            }
            if !inPassage { found.append(UInt32(document)) }
        }
        return found
    }
}
