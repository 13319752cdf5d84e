import IndexStore

/// The top level of a bag-of-words query, decided per **document**: a document matches
/// when every required clause matches in it (in any of its passages, or in its title) and
/// no excluded clause does; its matching passages are those where at least one required
/// clause matches. So `netcongestie stroomaansluiting` finds the answer that discusses the
/// two in different paragraphs, and `-femicide` leaves out documents that mention it.
///
/// A document whose passages match none of the clauses (all of them were found in the
/// title) is represented by its first passage, scored 0 here; the title boost of the
/// rescoring ranks it.
///
/// Built in two passes over the clauses: one that only collects documents, one that scores
/// passages. Both read the same postings; the first reads ids only.
final class DocumentConjunctionMatcher: Matcher {
    private let passages: Matcher
    private let allowed: [Bool]
    private let passageDocuments: [UInt32]
    /// First passages of allowed documents without a matching passage, ascending.
    private let titleOnly: [UInt32]
    private var titleOnlyIndex = 0

    /// - Parameters:
    ///   - required: per clause, a matcher over passages and one over titles (documents), or nil.
    ///   - scoring: fresh matchers of the same clauses, for the scoring pass.
    ///   - constraints: document-level clauses (title searches) every document must meet.
    ///   - excluded: passage matchers and title matchers of excluded clauses.
    init(
        required: [(passages: Matcher, titles: Matcher?)], scoring: [Matcher], constraints: [Matcher],
        excluded: [(passages: Matcher, titles: Matcher?)], entries: [DocumentEntry], passageDocuments: [UInt32]
    ) throws {
        self.passageDocuments = passageDocuments
        var allowed = Array(repeating: true, count: entries.count)
        var bodyDocuments = Array(repeating: false, count: entries.count)
        for clause in required {
            var found = Array(repeating: false, count: entries.count)
            try Self.collect(clause.passages, passageDocuments: passageDocuments, into: &found)
            for index in found.indices where found[index] { bodyDocuments[index] = true }
            if let titles = clause.titles { try Self.collectDocuments(titles, into: &found) }
            for index in allowed.indices where !found[index] { allowed[index] = false }
        }
        for constraint in constraints {
            var found = Array(repeating: false, count: entries.count)
            try Self.collectDocuments(constraint, into: &found)
            for index in allowed.indices where !found[index] { allowed[index] = false }
        }
        for clause in excluded {
            var found = Array(repeating: false, count: entries.count)
            try Self.collect(clause.passages, passageDocuments: passageDocuments, into: &found)
            if let titles = clause.titles { try Self.collectDocuments(titles, into: &found) }
            for index in allowed.indices where found[index] { allowed[index] = false }
        }
        self.allowed = allowed
        titleOnly = entries.indices.filter { allowed[$0] && !bodyDocuments[$0] && entries[$0].unitCount > 0 }.map { entries[$0].firstUnit }
        passages = scoring.count == 1 ? scoring[0] : DisjunctionMatcher(scoring)
        super.init()
        try skipDisallowed()
        current = min(passages.current, titleOnly.first ?? Matcher.exhausted)
    }

    override var cost: Int { passages.cost }

    private static func collect(_ matcher: Matcher, passageDocuments: [UInt32], into found: inout [Bool]) throws {
        while matcher.current != Matcher.exhausted {
            found[Int(passageDocuments[Int(matcher.current)])] = true
            try matcher.advance()
        }
    }

    private static func collectDocuments(_ matcher: Matcher, into found: inout [Bool]) throws {
        while matcher.current != Matcher.exhausted {
            if Int(matcher.current) < found.count { found[Int(matcher.current)] = true }
            try matcher.advance()
        }
    }

    private func skipDisallowed() throws {
        while passages.current != Matcher.exhausted, !allowed[Int(passageDocuments[Int(passages.current)])] {
            try passages.advance()
        }
    }

    private var titleOnlyCurrent: UInt32 { titleOnlyIndex < titleOnly.count ? titleOnly[titleOnlyIndex] : Matcher.exhausted }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        if passages.current == current {
            try passages.advance()
            try skipDisallowed()
        }
        if titleOnlyCurrent == current { titleOnlyIndex += 1 }
        current = min(passages.current, titleOnlyCurrent)
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        try passages.seek(target)
        try skipDisallowed()
        while titleOnlyCurrent < target { titleOnlyIndex += 1 }
        current = min(passages.current, titleOnlyCurrent)
        return current
    }

    override func score() throws -> Float {
        passages.current == current ? try passages.score() : 0
    }
}
