import Analysis
import IndexStore

/// Turns a parsed ``Query`` into a ``PlannedQuery``: the analyzer decides the terms.
///
/// - A word becomes its stem; a hyphenated word (`wiskunde-onderwijs`) becomes "the
///   written-together stem OR the parts as a phrase", so `wiskundeonderwijs`,
///   `wiskunde-onderwijs` and `wiskunde onderwijs` all match; `(on)veiligheid` becomes
///   either reading.
/// - A phrase becomes exact forms at their positions; stop words stay.
/// - Stop words are dropped from a bag of words unless every word of the query is one,
///   so `van Dijk` costs what `Dijk` costs, and `de` alone still finds something.
struct QueryPlanner {
    let analyzer: Analyzer

    func plan(_ query: Query?) throws -> PlannedQuery {
        guard let query else { return .nothing }
        let keepStopWords = try !containsContentWord(query)
        return simplify(try plan(query, title: false, keepStopWords: keepStopWords) ?? .nothing)
    }

    /// Whether any bag-of-words word is not a stop word (phrases and filters do not count).
    private func containsContentWord(_ query: Query) throws -> Bool {
        switch query {
        case .word(let text):
            return try analyzer.analyze(text).contains { !$0.isStopWord }
        case .prefix:
            return true
        case .and(let parts), .or(let parts):
            return try parts.contains { try containsContentWord($0) }
        case .not(let inner), .title(let inner):
            return try containsContentWord(inner)
        case .phrase, .type, .dossier, .date:
            return false
        }
    }

    private func plan(_ query: Query, title: Bool, keepStopWords: Bool) throws -> PlannedQuery? {
        let stemSpace: TermSpace = title ? .titleStem : .bodyStem
        let exactSpace: TermSpace = title ? .titleExact : .bodyExact
        switch query {
        case .word(let text):
            return try word(text, stemSpace: stemSpace, keepStopWords: keepStopWords)
        case let .phrase(text, slop):
            let tokens = try analyzer.analyze(text).filter { !$0.flags.contains(.alternative) }
            guard let first = tokens.first else { return nil }
            if tokens.count == 1 { return .term(exactSpace, first.exact) }
            return .phrase(exactSpace, terms: tokens.map(\.exact), offsets: tokens.map { $0.position - first.position }, slop: slop)
        case .prefix(let text):
            guard let folded = try analyzer.analyze(text).first(where: { !$0.flags.contains(.alternative) })?.exact else { return nil }
            return .prefix(exactSpace, folded)
        case .and(let parts):
            var included: [PlannedQuery] = []
            var excluded: [PlannedQuery] = []
            for part in parts {
                if case .not(let inner) = part {
                    if let planned = try plan(inner, title: title, keepStopWords: keepStopWords) { excluded.append(planned) }
                } else if let planned = try plan(part, title: title, keepStopWords: keepStopWords) {
                    included.append(planned)
                }
            }
            guard !included.isEmpty else { return excluded.isEmpty ? nil : .nothing }
            let positive: PlannedQuery = included.count == 1 ? included[0] : .all(included)
            return excluded.isEmpty ? positive : .exclude(included: positive, excluded: excluded.count == 1 ? excluded[0] : .any(excluded))
        case .or(let parts):
            let planned = try parts.compactMap { try plan($0, title: title, keepStopWords: keepStopWords) }
            guard !planned.isEmpty else { return nil }
            return planned.count == 1 ? planned[0] : .any(planned)
        case .not:
            // A negation with nothing to subtract from matches nothing.
            return .nothing
        case .title(let inner):
            // Stop words count in a title search: titles are short.
            return try plan(inner, title: true, keepStopWords: keepStopWords).map { .title($0) }
        case .type, .dossier, .date:
            return DocumentFilter(query).map { .filter($0) }
        }
    }

    private func word(_ text: String, stemSpace: TermSpace, keepStopWords: Bool) throws -> PlannedQuery? {
        let tokens = try analyzer.analyze(text)
        let words = tokens.filter { !$0.flags.contains(.alternative) }
        guard !words.isEmpty else { return nil }
        if words.count == 1, tokens.count == 1 {
            let token = words[0]
            if token.isStopWord && !keepStopWords { return nil }
            return .term(stemSpace, token.stem)
        }
        // Several tokens from one typed word: readings at one position are alternatives,
        // consecutive words a phrase of stems.
        var readings: [PlannedQuery] = tokens.filter { $0.flags.contains(.alternative) }.map { .term(stemSpace, $0.stem) }
        if words.count == 1 {
            readings.insert(.term(stemSpace, words[0].stem), at: 0)
        } else {
            readings.insert(.phrase(stemSpace, terms: words.map(\.stem), offsets: words.map { $0.position - words[0].position }, slop: 0), at: 0)
        }
        return readings.count == 1 ? readings[0] : .any(readings)
    }

    /// Folds constant branches: `nothing` in an AND, `everything` in an OR, and so on.
    private func simplify(_ query: PlannedQuery) -> PlannedQuery {
        switch query {
        case .all(let parts):
            let simplified = parts.map(simplify)
            if simplified.contains(.nothing) { return .nothing }
            let rest = simplified.filter { $0 != .everything }
            return rest.isEmpty ? .everything : rest.count == 1 ? rest[0] : .all(rest)
        case .any(let parts):
            let rest = parts.map(simplify).filter { $0 != .nothing }
            if rest.contains(.everything) { return .everything }
            return rest.isEmpty ? .nothing : rest.count == 1 ? rest[0] : .any(rest)
        case let .exclude(included, excluded):
            let positive = simplify(included), negative = simplify(excluded)
            if positive == .nothing || negative == .everything { return .nothing }
            return negative == .nothing ? positive : .exclude(included: positive, excluded: negative)
        case .title(let inner):
            let simplified = simplify(inner)
            return simplified == .nothing ? .nothing : .title(simplified)
        default:
            return query
        }
    }
}
