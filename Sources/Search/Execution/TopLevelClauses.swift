/// The top level of a query, as the document-level AND sees it: clauses every matching
/// document must have (in a passage or its title), title clauses it must meet, and
/// clauses it must not have. `a b -c titel:d` is required `[a, b]`, constraints `[d]`,
/// excluded `[c]`.
struct TopLevelClauses {
    var required: [PlannedQuery]
    var constraints: [PlannedQuery]
    var excluded: [PlannedQuery]

    /// A mask of required clauses is one `UInt64`.
    static let maximumRequired = 64

    init(_ query: PlannedQuery) {
        var positive = query
        excluded = []
        if case let .exclude(included, excludedClause) = query {
            positive = included
            if case .any(let alternatives) = excludedClause { excluded = alternatives } else { excluded = [excludedClause] }
        }
        var clauses: [PlannedQuery]
        if case .all(let parts) = positive { clauses = parts } else { clauses = [positive] }
        constraints = clauses.compactMap { clause -> PlannedQuery? in
            if case .title(let inner) = clause { return inner }
            return nil
        }
        clauses.removeAll { if case .title = $0 { return true } else { return false } }
        required = clauses
    }

    /// Whether the clauses can be decided per document: at least one required clause on
    /// passages, at most ``maximumRequired``, and none that can never match.
    var isDocumentLevel: Bool {
        !required.isEmpty && required.count <= Self.maximumRequired && !required.contains(.nothing)
    }

    /// The parts whose scores add up to a passage's score: each required clause, with a
    /// top-level OR opened into its alternatives (a disjunction scores the sum of the
    /// parts standing on the passage, so the sum is the same) — MaxScore can then skip
    /// the common alternatives of `gemeenten OR provincies` where the rare one is absent.
    var scoringUnits: [(clause: Int, query: PlannedQuery)] {
        required.enumerated().flatMap { index, clause -> [(clause: Int, query: PlannedQuery)] in
            if case .any(let parts) = clause { return parts.map { (index, $0) } }
            return [(index, clause)]
        }
    }
}
