import Analysis
import Foundation
import IndexStore

/// Runs queries against one index snapshot.
///
/// A searcher owns an analyzer (not thread-safe), so it serves one thread or task at a
/// time; the snapshot it reads is immutable and may be shared by many searchers.
public final class Searcher {
    public let snapshot: IndexSnapshot
    private let analyzer: Analyzer
    private let statistics: CollectionStatistics
    private let documents = StoredDocumentCache()

    /// Scores within this fraction of each other count as ties (then date, then order).
    static let headingBoost: Float = 0.5
    static let titleWeight: Float = 0.3
    static let proximityWeight: Float = 0.5

    public init(snapshot: IndexSnapshot) throws {
        self.snapshot = snapshot
        analyzer = try Analyzer()
        guard analyzer.identity.producesSameTerms(as: snapshot.manifest.analyzer) else {
            throw IndexSnapshot.OpenError.analyzerMismatch(
                directory: snapshot.directory, index: snapshot.manifest.analyzer.description, current: analyzer.identity.description)
        }
        statistics = CollectionStatistics(snapshot)
    }

    /// Parses, plans and runs `text`. Throws ``QueryParseError`` for a query that cannot be
    /// read and `IndexCorruption` for a damaged segment; running out of time is not an
    /// error (the result says `partial`).
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResult {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + options.timeBudget
        let planned = try QueryPlanner(analyzer: analyzer).plan(try QueryParser.parse(text))
        var (query, filters) = Self.hoistFilters(planned)
        filters += options.filters

        var collector = Collector(perDocument: max(1, options.perDocument))
        var partial = false
        segments: for (segmentIndex, segment) in snapshot.segments.enumerated() {
            let accepted = segment.reader.documents.enumerated().map { ordinal, entry in
                segment.isLive(document: ordinal) && filters.allSatisfy { $0.accepts(entry) }
            }
            guard accepted.contains(true) else { continue }
            let factory = MatcherFactory(segment: segment.reader, statistics: statistics)
            let matcher = try factory.matcher(for: query)
            let passageDocuments = segment.reader.passages.documents
            var steps = 0
            while matcher.current != Matcher.exhausted {
                let passage = matcher.current
                let document = passageDocuments[Int(passage)]
                if accepted[Int(document)] {
                    collector.add(Candidate(segment: segmentIndex, passage: passage, document: document, score: try matcher.score()))
                }
                steps += 1
                if steps & 1023 == 0, clock.now > deadline {
                    partial = true
                    break segments
                }
                try matcher.advance()
            }
        }

        var groups = collector.groups()
        let highlights = Self.highlightTerms(of: query)
        if options.sort == .relevance {
            // Rescore the head of the ranking with heading, proximity and title evidence,
            // then sort again; the tail keeps its BM25 order.
            let head = min(groups.count, options.offset + options.limit + 50)
            groups.sort { $0.best > $1.best }
            try rescore(&groups[0 ..< head], terms: highlights)
            groups[0 ..< head].sort { $0.best > $1.best }
        } else {
            groups.sort { lhs, rhs in
                let left = dateOf(lhs), right = dateOf(rhs)
                return left != right ? left > right : lhs.best > rhs.best
            }
        }
        var hits: [SearchHit] = []
        for group in groups.dropFirst(options.offset).prefix(options.limit) {
            for candidate in group.passages.sorted(by: { $0.score > $1.score }) {
                hits.append(try hit(for: candidate, terms: highlights, snippets: options.snippets))
            }
        }
        let elapsed = clock.now - started
        let milliseconds = (Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
        return SearchResult(
            query: text, total: collector.total, total_is_exact: !partial, documents: groups.count,
            took_ms: (milliseconds * 1000).rounded() / 1000, partial: partial, results: hits)
    }

    // MARK: Planning helpers

    /// Filters ANDed at the top become a per-document check before any matching, so a
    /// filter never works on a capped list.
    static func hoistFilters(_ query: PlannedQuery) -> (PlannedQuery, [DocumentFilter]) {
        switch query {
        case .filter(let filter):
            return (.everything, [filter])
        case .all(let parts):
            var filters: [DocumentFilter] = []
            var rest: [PlannedQuery] = []
            for part in parts {
                if case .filter(let filter) = part { filters.append(filter) } else { rest.append(part) }
            }
            return (rest.isEmpty ? .everything : rest.count == 1 ? rest[0] : .all(rest), filters)
        case let .exclude(included, excluded):
            let (inner, filters) = hoistFilters(included)
            return (.exclude(included: inner, excluded: excluded), filters)
        default:
            return (query, [])
        }
    }

    static func highlightTerms(of query: PlannedQuery) -> HighlightTerms {
        var terms = HighlightTerms()
        func visit(_ query: PlannedQuery, negated: Bool) {
            switch query {
            case let .term(space, term) where !negated && !space.isTitle:
                if space == .bodyStem { terms.stems.insert(term) } else { terms.exacts.insert(term) }
            case let .phrase(space, phraseTerms, _, _) where !negated && !space.isTitle:
                if space == .bodyStem { terms.stemPhrases.append(phraseTerms) } else { terms.phrases.append(phraseTerms) }
            case let .prefix(space, prefix) where !negated && !space.isTitle:
                terms.exacts.insert(prefix)
            case .all(let parts), .any(let parts):
                parts.forEach { visit($0, negated: negated) }
            case let .exclude(included, excluded):
                visit(included, negated: negated)
                visit(excluded, negated: true)
            default:
                break
            }
        }
        visit(query, negated: false)
        return terms
    }

    // MARK: Results

    private func dateOf(_ group: Collector.Group) -> UInt32 {
        snapshot.segments[group.segment].reader.documents[Int(group.document)].date
    }

    private func hit(for candidate: Candidate, terms: HighlightTerms, snippets: Bool) throws -> SearchHit {
        let reader = snapshot.segments[candidate.segment].reader
        let entry = reader.documents[Int(candidate.document)]
        let ordinal = Int(candidate.passage - entry.firstUnit)
        var heading: String?
        var snippet = Snippet(text: "", highlights: [])
        if snippets {
            let stored = try documents.document(segment: candidate.segment, ordinal: candidate.document) {
                try reader.storedDocument(Int(candidate.document))
            }
            if let unit = stored.unit(ordinal) {
                heading = unit.heading
                snippet = try SnippetBuilder(analyzer: analyzer).snippet(for: unit.text, terms: terms)
            }
        }
        return SearchHit(
            doc_id: entry.id, passage: ordinal, score: (Double(candidate.score) * 10_000).rounded() / 10_000,
            title: entry.title, date: DocumentEntry.isoDate(entry.date), type: entry.type, dossier: entry.dossiers.first,
            heading: heading, source: entry.source, snippet: snippet.html,
            snippet_text: snippets ? snippet.text : nil, highlights: snippets ? snippet.highlights.map { [$0.lowerBound, $0.upperBound] } : nil)
    }

    /// Adds the evidence BM25 does not see: query words in the passage's heading, query
    /// words close together, query words in the document title.
    ///
    /// Works segment by segment with one cursor per query stem, visiting the candidates in
    /// ascending passage order, so each postings list is read once however many candidates.
    private func rescore(_ groups: inout ArraySlice<Collector.Group>, terms: HighlightTerms) throws {
        let stems = Array(terms.stems.union(terms.stemPhrases.joined())).sorted()
        guard !stems.isEmpty else { return }
        // (group, passage) pairs per segment, in passage order.
        var bySegment: [Int: [(group: Int, passage: Int)]] = [:]
        for groupIndex in groups.indices {
            for passageIndex in groups[groupIndex].passages.indices {
                bySegment[groups[groupIndex].segment, default: []].append((groupIndex, passageIndex))
            }
        }
        var positions: [UInt32] = []
        for (segmentIndex, var members) in bySegment {
            let reader = snapshot.segments[segmentIndex].reader
            members.sort { groups[$0.group].passages[$0.passage].passage < groups[$1.group].passages[$1.passage].passage }
            var occurrences = Array(repeating: [[UInt32]](), count: members.count)
            var headingHits = Array(repeating: Float(0), count: members.count)
            for stem in stems {
                guard let info = try reader.termInfo(.bodyStem, stem) else { continue }
                var cursor = try reader.cursor(info)
                for (index, member) in members.enumerated() {
                    let passage = groups[member.group].passages[member.passage].passage
                    guard try cursor.seek(passage) == passage else { continue }
                    try cursor.positions(into: &positions)
                    occurrences[index].append(positions)
                    if positions.first.map({ $0 < reader.passages.headingLengths[Int(passage)] }) ?? false { headingHits[index] += 1 }
                }
            }
            // Title scores per document, read with one title cursor per stem.
            var titleScores: [UInt32: Float] = [:]
            let documents = Set(members.map { groups[$0.group].document }).sorted()
            for stem in stems {
                guard let info = try reader.termInfo(.titleStem, stem) else { continue }
                let idf = statistics.titles.idf(documentFrequency: try statistics.documentFrequency(.titleStem, stem))
                var cursor = try reader.cursor(info)
                for document in documents where try cursor.seek(document) == document {
                    titleScores[document, default: 0] += statistics.titles.score(
                        idf: idf, frequency: cursor.frequency, length: reader.documents[Int(document)].titleLength)
                }
            }
            for (index, member) in members.enumerated() {
                let candidate = groups[member.group].passages[member.passage]
                var score = candidate.score
                if occurrences[index].count >= 2, let span = Self.smallestSpan(occurrences[index]) {
                    // Adjacent words (span k-1) earn the full bonus; it fades with distance.
                    let ideal = Float(occurrences[index].count - 1)
                    score *= 1 + Self.proximityWeight * ideal / Float(max(span, occurrences[index].count - 1))
                }
                score += Self.headingBoost * headingHits[index] * candidate.score / Float(stems.count)
                score += Self.titleWeight * (titleScores[candidate.document] ?? 0)
                groups[member.group].passages[member.passage].score = score
            }
        }
        for index in groups.indices {
            groups[index].best = groups[index].passages.map(\.score).max() ?? groups[index].best
        }
    }

    /// The shortest window (last − first position) holding one position from each list.
    static func smallestSpan(_ lists: [[UInt32]]) -> Int? {
        var cursors = Array(repeating: 0, count: lists.count)
        var best: Int?
        while true {
            var low = UInt32.max, high: UInt32 = 0, lowIndex = 0
            for (index, list) in lists.enumerated() {
                guard cursors[index] < list.count else { return best }
                let value = list[cursors[index]]
                if value < low { low = value; lowIndex = index }
                high = max(high, value)
            }
            best = min(best ?? Int.max, Int(high - low))
            cursors[lowIndex] += 1
        }
    }
}

/// One matching passage with its score.
struct Candidate {
    var segment: Int
    var passage: UInt32
    var document: UInt32
    var score: Float
}

/// Counts every match and keeps, per document, its best passages.
struct Collector {
    struct Group {
        var segment: Int
        var document: UInt32
        var best: Float
        var passages: [Candidate]
    }

    let perDocument: Int
    private(set) var total = 0
    private var groupIndex: [Int: Int] = [:]
    private var collected: [Group] = []

    init(perDocument: Int) { self.perDocument = perDocument }

    mutating func add(_ candidate: Candidate) {
        total += 1
        let key = candidate.segment << 32 | Int(candidate.document)
        guard let index = groupIndex[key] else {
            groupIndex[key] = collected.count
            collected.append(Group(segment: candidate.segment, document: candidate.document, best: candidate.score, passages: [candidate]))
            return
        }
        collected[index].best = max(collected[index].best, candidate.score)
        if collected[index].passages.count < perDocument {
            collected[index].passages.append(candidate)
        } else if let weakest = collected[index].passages.indices.min(by: { collected[index].passages[$0].score < collected[index].passages[$1].score }),
                  collected[index].passages[weakest].score < candidate.score {
            collected[index].passages[weakest] = candidate
        }
    }

    func groups() -> [Group] { collected }
}
