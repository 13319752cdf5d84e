import SeededRandom
import Testing
@testable import Search

/// A matcher over a fixed list of ids and scores, for driving the document-level AND
/// without an index.
private final class ListMatcher: Matcher {
    private let ids: [UInt32]
    private let scores: [Float]
    private var index = 0

    init(_ entries: [(id: UInt32, score: Float)]) {
        let sorted = entries.sorted { $0.id < $1.id }
        ids = sorted.map(\.id)
        scores = sorted.map(\.score)
        super.init()
        current = ids.first ?? Matcher.exhausted
    }

    convenience init(ids: [UInt32]) { self.init(ids.map { ($0, 1) }) }

    override var cost: Int { ids.count }

    override func advance() throws -> UInt32 {
        guard index < ids.count else { return current }
        index += 1
        current = index < ids.count ? ids[index] : Matcher.exhausted
        return current
    }

    override func score() throws -> Float { scores[index] }
}

/// The document-level AND finds its documents by leapfrogging over them; what it hands
/// out must be what the definition says (docs/SEARCH.md): the passages of every document
/// that has each required clause in a passage or its title, meets the title constraints
/// and has no excluded clause, where at least one required clause matches, scored by the
/// sum of the clauses on them — or the document's first passage, scored 0, when the
/// titles alone matched.
@Suite("Document-level AND")
struct DocumentConjunctionMatcherTests {
    /// A clause of a test: its passages with scores, and the documents whose title has it.
    struct Clause {
        var passages: [(id: UInt32, score: Float)] = []
        var titles: [UInt32]? = nil
    }

    static func matcher(
        _ ranges: [Range<UInt32>], required: [Clause], constraints: [[UInt32]] = [], excluded: [Clause] = [],
        deadline: ContinuousClock.Instant? = nil
    ) throws -> DocumentConjunctionMatcher {
        func pair(_ clause: Clause) -> (passages: Matcher, titles: Matcher?) {
            (ListMatcher(clause.passages), clause.titles.map { ListMatcher(ids: $0) })
        }
        return try DocumentConjunctionMatcher(
            required: required.map(pair), constraints: constraints.map { ListMatcher(ids: $0) }, excluded: excluded.map(pair),
            unitRanges: ranges, deadline: deadline)
    }

    /// Everything the matcher hands out, as (passage, score).
    static func drain(_ matcher: Matcher) throws -> [Pair] {
        var found: [Pair] = []
        while matcher.current != Matcher.exhausted {
            found.append(Pair(passage: matcher.current, score: try matcher.score()))
            try matcher.advance()
        }
        return found
    }

    struct Pair: Equatable {
        var passage: UInt32
        var score: Float
    }

    /// The answer by definition, document by document.
    static func expected(_ ranges: [Range<UInt32>], required: [Clause], constraints: [[UInt32]], excluded: [Clause]) -> [Pair] {
        var found: [Pair] = []
        for (document, range) in ranges.enumerated() where !range.isEmpty {
            func has(_ clause: Clause) -> Bool {
                clause.passages.contains { range.contains($0.id) } || clause.titles?.contains(UInt32(document)) == true
            }
            guard required.allSatisfy(has), constraints.allSatisfy({ $0.contains(UInt32(document)) }), !excluded.contains(where: has) else {
                continue
            }
            let before = found.count
            for passage in range {
                var score: Float = 0
                var matched = false
                for clause in required {
                    if let entry = clause.passages.first(where: { $0.id == passage }) {
                        score += entry.score
                        matched = true
                    }
                }
                if matched { found.append(Pair(passage: passage, score: score)) }
            }
            if found.count == before { found.append(Pair(passage: range.lowerBound, score: 0)) }
        }
        return found
    }

    /// Three documents of three passages each: 0..<3, 3..<6, 6..<9.
    static let nine: [Range<UInt32>] = [0 ..< 3, 3 ..< 6, 6 ..< 9]

    @Test func aClauseFoundOnlyInTheTitleCountsForItsDocument() throws {
        // `a` in passages 1 and 7, `b` only in the title of document 2: document 2 matches
        // with `a`'s passage; document 0 lacks `b`.
        let matcher = try Self.matcher(Self.nine, required: [Clause(passages: [(1, 2), (7, 3)]), Clause(titles: [2])])
        #expect(try Self.drain(matcher) == [Pair(passage: 7, score: 3)])
        // Both clauses in document 1's title only: its first passage, scored 0.
        let titlesOnly = try Self.matcher(Self.nine, required: [Clause(passages: [(0, 1)], titles: [1]), Clause(titles: [1])])
        #expect(try Self.drain(titlesOnly) == [Pair(passage: 3, score: 0)])
    }

    @Test func anExcludedClauseRemovesTheDocumentByPassageOrTitle() throws {
        let required = [Clause(passages: [(0, 1), (4, 1), (8, 1)])]
        // Excluded in passage 5 (document 1) and in document 2's title.
        let matcher = try Self.matcher(Self.nine, required: required, excluded: [Clause(passages: [(5, 1)], titles: [2])])
        #expect(try Self.drain(matcher) == [Pair(passage: 0, score: 1)])
    }

    @Test func aTitleConstraintKeepsOnlyItsDocuments() throws {
        let matcher = try Self.matcher(Self.nine, required: [Clause(passages: [(0, 1), (4, 1), (8, 1)])], constraints: [[1, 5]])
        #expect(try Self.drain(matcher) == [Pair(passage: 4, score: 1)])
    }

    @Test func aDocumentWhoseOnlyMatchingPassageIsItsLast() throws {
        // `b` only in the last passage of document 1 (5) and of the last document (8).
        let matcher = try Self.matcher(
            Self.nine, required: [Clause(passages: [(3, 1), (6, 2)]), Clause(passages: [(5, 4), (8, 8)])])
        #expect(try Self.drain(matcher) == [Pair(passage: 3, score: 1), Pair(passage: 5, score: 4), Pair(passage: 6, score: 2), Pair(passage: 8, score: 8)])
    }

    @Test func clausesWhoseDocumentsInterleaveMeetOnlyWhereBothAre() throws {
        // One passage per document: `a` in the even documents, `b` in the odd ones and in
        // 10; only document 10 has both.
        let ranges = (0 ..< 12).map { UInt32($0) ..< UInt32($0 + 1) }
        let a = Clause(passages: stride(from: 0, to: 12, by: 2).map { (UInt32($0), 1) })
        let b = Clause(passages: (stride(from: 1, to: 12, by: 2).map { UInt32($0) } + [10]).map { ($0, 2) })
        #expect(try Self.drain(Self.matcher(ranges, required: [a, b])) == [Pair(passage: 10, score: 3)])
        #expect(try Self.drain(Self.matcher(ranges, required: [b, a])) == [Pair(passage: 10, score: 3)])
    }

    @Test func documentsWithoutPassagesNeverMatch() throws {
        // Document 1 has no passages; its title has both clauses.
        let ranges: [Range<UInt32>] = [0 ..< 2, 2 ..< 2, 2 ..< 4]
        let matcher = try Self.matcher(ranges, required: [Clause(passages: [(3, 1)], titles: [1]), Clause(titles: [1, 2, 9])])
        #expect(try Self.drain(matcher) == [Pair(passage: 3, score: 1)])
    }

    @Test func agreesWithTheDefinitionOnRandomClauses() throws {
        var random = SeededGenerator(seed: 20261207)
        for _ in 0 ..< 300 {
            var start: UInt32 = 0
            let ranges = (0 ..< Int.random(in: 1 ... 60, using: &random)).map { _ -> Range<UInt32> in
                let length = UInt32(Int.random(in: 0 ... 5, using: &random))
                defer { start += length }
                return start ..< start + length
            }
            let passages = Int(start), documents = ranges.count
            func clause(density: Double) -> Clause {
                var clause = Clause()
                if passages > 0 {
                    clause.passages = (0 ..< passages).filter { _ in Double.random(in: 0 ..< 1, using: &random) < density }
                        .map { (UInt32($0), Float(Int.random(in: 1 ... 9, using: &random)) / 4) }
                }
                if Bool.random(using: &random) {
                    // Now and then an id past the documents, which matches nothing.
                    clause.titles = (0 ..< documents + 2).filter { _ in Double.random(in: 0 ..< 1, using: &random) < density / 2 }.map(UInt32.init)
                }
                return clause
            }
            let required = (0 ..< Int.random(in: 1 ... 4, using: &random)).map { _ in clause(density: Double.random(in: 0.02 ... 0.7, using: &random)) }
            let constraints = (0 ..< Int.random(in: 0 ... 1, using: &random)).map { _ in
                (0 ..< documents).filter { _ in Bool.random(using: &random) }.map(UInt32.init)
            }
            let excluded = (0 ..< Int.random(in: 0 ... 2, using: &random)).map { _ in clause(density: 0.05) }
            let matcher = try Self.matcher(ranges, required: required, constraints: constraints, excluded: excluded)
            #expect(try Self.drain(matcher) == Self.expected(ranges, required: required, constraints: constraints, excluded: excluded))
            #expect(!matcher.wasCutShort)
        }
    }

    @Test func aPassedDeadlineStopsTheWalkAfterAPrefixOfTheAnswer() throws {
        // 3,000 documents of two passages, both clauses in each.
        let starts: [UInt32] = (0 ..< 3000).map { UInt32($0) * 2 }
        let ranges: [Range<UInt32>] = starts.map { $0 ..< $0 + 2 }
        let a = Clause(passages: starts.map { (id: $0, score: Float(1)) })
        let b = Clause(passages: starts.map { (id: $0 + 1, score: Float(2)) })
        let full = try Self.drain(Self.matcher(ranges, required: [a, b]))
        #expect(full.count == 6000)
        let cut = try Self.matcher(ranges, required: [a, b], deadline: ContinuousClock.now - .seconds(1))
        let found = try Self.drain(cut)
        #expect(cut.wasCutShort)
        // The clock is read after 1,024 steps of work: some documents are found first,
        // each with all its passages.
        #expect(!found.isEmpty && found.count < full.count && found.count % 2 == 0)
        #expect(Array(full.prefix(found.count)) == found)
    }
}
