import IndexStore

/// A query after analysis: index terms in their term spaces, ready to become matchers in
/// any segment. Built once per query by ``QueryPlanner``; segments only look terms up.
indirect enum PlannedQuery: Equatable, Sendable {
    /// One term, scored with BM25 (stems for words, exact forms for prefixes' expansions).
    case term(TermSpace, String)
    /// Terms at fixed relative positions (`offsets`), allowing `slop` extra positions in all.
    case phrase(TermSpace, terms: [String], offsets: [UInt32], slop: Int)
    /// Every exact form starting with the prefix, as one disjunction.
    case prefix(TermSpace, String)
    case all([PlannedQuery])
    case any([PlannedQuery])
    /// `included` without anything `excluded` matches.
    case exclude(included: PlannedQuery, excluded: PlannedQuery)
    /// The inner query (planned in title spaces) over document titles.
    case title(PlannedQuery)
    /// Documents passing the predicate (type, dossier, date).
    case filter(DocumentFilter)
    /// Every passage (a query of filters only).
    case everything
    /// Nothing (a query of only negations, or of words that cannot occur).
    case nothing
}

/// A predicate on a document's filter columns.
public enum DocumentFilter: Equatable, Sendable {
    case type(String)
    case dossier(String)
    /// Inclusive `yyyymmdd` bounds; documents without a date never pass.
    case date(from: UInt32, to: UInt32)

    /// The filter a parsed `soort:`, `dossier:`, `datum:` or `jaar:` stands for (nil for
    /// anything else): what the planner makes of them, and what a filter given apart from
    /// the query (``QueryParser/filter(_:value:)``) becomes.
    public init?(_ query: Query) {
        switch query {
        case .type(let type): self = .type(type)
        case .dossier(let dossier): self = .dossier(dossier)
        case .date(let range): self = .dated(within: range)
        default: return nil
        }
    }

    /// The filter's meaning, on one document's entry. Searches test ``FilterColumns``
    /// instead (the same answer from a few bytes per document; FilterColumnsTests hold
    /// the two together).
    func accepts(_ entry: DocumentEntry) -> Bool {
        switch self {
        case .type(let type): return entry.type == type
        case .dossier(let dossier): return entry.dossiers.contains(dossier)
        case let .date(from, to): return entry.date != 0 && entry.date >= from && entry.date <= to
        }
    }
}
