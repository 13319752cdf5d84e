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
/// One pass over the clauses' union scores every passage that matches any clause and notes
/// which clauses each document has; the passages of documents that turn out to have them
/// all are then handed out in order. The buffer holds one entry per passage matching any
/// clause.
final class DocumentConjunctionMatcher: Matcher {
    private var passages: [UInt32] = []
    private var scores: [Float] = []
    private var position = 0
    /// The deadline passed during the pass: what was found is kept, the rest is unknown.
    private(set) var wasCutShort = false

    /// - Parameters:
    ///   - required: per clause, a matcher over passages and one over titles (documents), or nil.
    ///   - constraints: document-level clauses (title searches) every document must meet.
    ///   - excluded: passage matchers and title matchers of excluded clauses.
    init(
        required: [(passages: Matcher, titles: Matcher?)], constraints: [Matcher],
        excluded: [(passages: Matcher, titles: Matcher?)], unitRanges: [Range<UInt32>], passageDocuments: PassageDocuments,
        deadline: ContinuousClock.Instant? = nil
    ) throws {
        precondition(!required.isEmpty && required.count <= 64, "1 to 64 required clauses")
        let complete: UInt64 = required.count == 64 ? .max : (1 << UInt64(required.count)) - 1
        var documentMasks = Array(repeating: UInt64(0), count: unitRanges.count)
        var hasBodyMatch = Array(repeating: false, count: unitRanges.count)
        var candidates: [(passage: UInt32, score: Float)] = []
        // The union of the clauses, walked by hand so that we know which clauses stand on
        // each passage.
        let clauses = required.map(\.passages)
        let clock = ContinuousClock()
        var steps = 0
        var cutShort = false
        while true {
            steps += 1
            if steps & 1023 == 0, let deadline, clock.now > deadline {
                cutShort = true
                break
            }
            var low = Matcher.exhausted
            for clause in clauses where clause.current < low { low = clause.current }
            if low == Matcher.exhausted { break }
            var score: Float = 0
            var mask: UInt64 = 0
            for (index, clause) in clauses.enumerated() where clause.current == low {
                score += try clause.score()
                mask |= 1 << UInt64(index)
                try clause.advance()
            }
            let document = passageDocuments[Int(low)]
            documentMasks[document] |= mask
            hasBodyMatch[document] = true
            candidates.append((low, score))
        }
        for (index, clause) in required.enumerated() {
            guard let titles = clause.titles else { continue }
            while titles.current != Matcher.exhausted {
                if Int(titles.current) < unitRanges.count { documentMasks[Int(titles.current)] |= 1 << UInt64(index) }
                try titles.advance()
            }
        }
        var allowed = documentMasks.map { $0 == complete }
        for constraint in constraints {
            var found = Array(repeating: false, count: unitRanges.count)
            try Self.collectDocuments(constraint, into: &found)
            for index in allowed.indices where !found[index] { allowed[index] = false }
        }
        for clause in excluded {
            var found = Array(repeating: false, count: unitRanges.count)
            while clause.passages.current != Matcher.exhausted {
                found[passageDocuments[Int(clause.passages.current)]] = true
                try clause.passages.advance()
            }
            if let titles = clause.titles { try Self.collectDocuments(titles, into: &found) }
            for index in allowed.indices where found[index] { allowed[index] = false }
        }
        // Passages of allowed documents, plus first passages of allowed documents matched
        // through their titles only, in passage order.
        var titleOnly = unitRanges.indices.filter { allowed[$0] && !hasBodyMatch[$0] && !unitRanges[$0].isEmpty }.map { unitRanges[$0].lowerBound }[...]
        for candidate in candidates where allowed[passageDocuments[Int(candidate.passage)]] {
            while let first = titleOnly.first, first < candidate.passage {
                passages.append(first)
                scores.append(0)
                titleOnly.removeFirst()
            }
            passages.append(candidate.passage)
            scores.append(candidate.score)
        }
        for first in titleOnly {
            passages.append(first)
            scores.append(0)
        }
        super.init()
        wasCutShort = cutShort
        current = passages.first ?? Matcher.exhausted
    }

    override var cost: Int { passages.count }

    private static func collectDocuments(_ matcher: Matcher, into found: inout [Bool]) throws {
        while matcher.current != Matcher.exhausted {
            if Int(matcher.current) < found.count { found[Int(matcher.current)] = true }
            try matcher.advance()
        }
    }

    override func advance() throws -> UInt32 {
        guard position < passages.count else { return current }
        position += 1
        current = position < passages.count ? passages[position] : Matcher.exhausted
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        while current < target { _ = try advance() }
        return current
    }

    override func score() throws -> Float { scores[position] }
}
