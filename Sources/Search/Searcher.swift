import Analysis
import Foundation
import IndexStore

/// Runs queries against one index snapshot.
///
/// A searcher owns an analyzer (not thread-safe), so it serves one thread or task at a
/// time; the snapshot it reads is immutable and may be shared by many searchers.
public final class Searcher {
    public var snapshot: IndexSnapshot { searchable.snapshot }
    /// What all searchers of this snapshot share.
    public let searchable: SearchableSnapshot
    private let analyzer: Analyzer
    let statistics: CollectionStatistics
    private let documents = StoredDocumentCache()
    let lookups = TermLookups()
    /// Exact phrases read through stop-word pairs where segments have them; tests turn it
    /// off to check that both ways find the same passages.
    var usesStopWordPairs = true
    /// At most this many threads count and rank a search's segments (``SegmentWorkers``),
    /// when its terms have enough postings to be worth it; 1 keeps every search on the
    /// calling thread. The results are the same either way.
    public var threads = min(ProcessInfo.processInfo.activeProcessorCount, 8)
    /// Below this many postings (the query's terms, summed over the index) a search stays
    /// on one thread: handing segments to other threads costs more than it saves.
    /// Tests lower it to run small indexes on several threads.
    var postingsWorthThreads = 50_000
    /// ``SearchOptions/countLimit``; tests lower it to bound counts on small indexes.
    var countLimit = SearchOptions.countLimit
    /// The counting pass's first window (``SegmentMatches/firstWindow``); tests lower it so
    /// that small indexes are counted in several windows.
    var firstCountingWindow = SegmentMatches.firstWindow

    /// `configuration` must be the one the index was built with (the identity check says so).
    public convenience init(snapshot: IndexSnapshot, configuration: AnalyzerConfiguration = .standard) throws {
        try self.init(searchable: SearchableSnapshot(snapshot), configuration: configuration)
    }

    /// A searcher sharing `searchable` with the other searchers of its snapshot.
    public init(searchable: SearchableSnapshot, configuration: AnalyzerConfiguration = .standard) throws {
        self.searchable = searchable
        analyzer = try Analyzer(configuration: configuration)
        let snapshot = searchable.snapshot
        guard analyzer.identity.producesSameTerms(as: snapshot.manifest.analyzer) else {
            throw IndexSnapshot.OpenError.analyzerMismatch(
                directory: snapshot.directory, index: snapshot.manifest.analyzer.description, current: analyzer.identity.description)
        }
        statistics = CollectionStatistics(searchable, lookups: lookups)
    }

    /// Parses, plans and runs `text`. Throws ``QueryParseError`` for a query that cannot be
    /// read and `IndexCorruption` for a damaged segment; running out of time is not an
    /// error (the result says `partial`).
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResult {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + options.timeBudget
        lookups.forget()
        let planned = try QueryPlanner(analyzer: analyzer).plan(try QueryParser.parse(text))
        var (query, filters) = Self.hoistFilters(planned)
        filters += options.filters
        if splitsCompounds { query = try splittingCompounds(query) }

        let clauses = TopLevelClauses(query)
        let execution = execution()
        let highlights = Self.highlightTerms(of: query)
        // With folding, a page needs as many documents left after folding as it shows:
        // rank further (the same windows, so the same order) until it has them.
        var ranking = options
        var (found, groups) = try rank(query, clauses, filters, ranking, execution, highlights, deadline)
        // Facets count the first ranking's matches; ranking further counts the same ones.
        let facets = found.facets
        ranking.facets = []
        var folding = options.foldSimilar ? SimilarFolding(groups, snapshot: snapshot) : nil
        while let current = folding, current.kept.count < options.offset + options.limit, groups.count < found.documents,
              !found.partial, ranking.limit < options.limit + 16 * rescoringWindow {
            ranking.limit += max(rescoringWindow, ranking.offset + ranking.limit)
            (found, groups) = try rank(query, clauses, filters, ranking, execution, highlights, deadline)
            folding = SimilarFolding(groups, snapshot: snapshot)
        }
        var shown = ShownGroup.list(groups, folding: folding, allWords: true)
        // Fewer documents with every word than the page reaches: the page goes on with
        // documents that have some of the words, after all those that have every word.
        // Fewer ranked documents than the ranking could hold means every document with
        // every word was ranked, whether or not counting stopped early.
        if options.fillWithSomeWords, shown.count < options.offset + options.limit, !found.partial,
           groups.count < execution.rankedDocuments(for: ranking), let relaxed = Self.someWords(of: query) {
            var fill = options
            fill.facets = []
            fill.offset = 0
            fill.limit = options.offset + options.limit - shown.count + groups.count
            // Only the ranking is wanted (the total is that of the documents with every
            // word), so the relaxed query counts nothing beyond its first match.
            let (_, someGroups) = try rank(
                relaxed, TopLevelClauses(relaxed), filters, fill, self.execution(countLimit: 1), highlights, deadline)
            let everyWord = Set(groups.map { $0.segment << 32 | Int($0.document) })
            let others = someGroups.filter { !everyWord.contains($0.segment << 32 | Int($0.document)) }
            let folded = options.foldSimilar ? SimilarFolding(others, snapshot: snapshot) : nil
            shown += ShownGroup.list(others, folding: folded, allWords: false)
        }
        var hits: [SearchHit] = []
        for shownGroup in shown.dropFirst(options.offset).prefix(options.limit) {
            let similar = try shownGroup.folded.map(similarPassage)
            for (rank, candidate) in shownGroup.group.passages.sorted(by: { $0.score > $1.score }).enumerated() {
                var hit = try hit(for: candidate, terms: highlights, snippets: options.snippets)
                hit.all_words = shownGroup.allWords
                if rank == 0 {
                    hit.similar = similar.count
                    hit.similar_passages = similar
                }
                hits.append(hit)
            }
        }
        var result = SearchResult(
            query: text, total: found.total, total_is_exact: found.totalIsExact, documents: found.documents,
            took_ms: 0, partial: found.partial, results: hits)
        if let facets {
            result.facets = facets.values(names: searchable.facetColumns().names)
            result.facets_exact = facets.exact
        }
        // Few documents: perhaps a word is misspelt. Searches that find enough never look.
        if options.suggest, found.documents < SearchOptions.suggestionBelow {
            // A nicety: a damaged dictionary block fails it, not the search.
            result.suggestion = try? suggestion(for: text)
        }
        let elapsed = clock.now - started
        let milliseconds = elapsed / .milliseconds(1)
        result.took_ms = (milliseconds * 1000).rounded() / 1000
        return result
    }

    /// How many times ``suggestion(for:)`` went on to the spelling dictionary, which it
    /// does only for a query with a word that could be misspelt (tests).
    private(set) var dictionaryLookups = 0

    /// "Did you mean" for `text` (``QuerySuggester``), nil when no word looks misspelt;
    /// looked for whatever the search would find (``search(_:options:)`` asks only when
    /// it finds few documents).
    public func suggestion(for text: String) throws -> String? {
        let suggester = QuerySuggester(analyzer: analyzer, dictionary: {
            self.dictionaryLookups += 1
            return try self.searchable.spellingDictionary()
        }) { exact in
            var documents = 0
            for segment in self.snapshot.segments {
                if let info = try self.lookups.info(segment.reader, .bodyExact, exact) {
                    documents += Int(info.documentCount ?? info.documentFrequency)
                }
            }
            return documents
        }
        return try suggester.suggestion(for: text)
    }

    /// A document on the page, with the documents folded into it; `allWords` is false for
    /// the documents after those with every word (``SearchOptions/fillWithSomeWords``).
    private struct ShownGroup {
        var group: Collector.Group
        var folded: [Collector.Group]
        var allWords: Bool

        /// `groups` in rank order as shown: the kept ones with those folded into them.
        static func list(_ groups: [Collector.Group], folding: SimilarFolding?, allWords: Bool) -> [ShownGroup] {
            (folding?.kept ?? Array(groups.indices)).map { index in
                ShownGroup(group: groups[index], folded: (folding?.folded[index] ?? []).map { groups[$0] }, allWords: allWords)
            }
        }
    }

    /// The query that finds documents with some of the words: an AND of two or more
    /// words or phrases (filters apart) becomes their OR. Nil for anything else: a query
    /// with exclusions, title clauses or a single clause means exactly what it says, and
    /// one of stop words only (`de het`) would find every document.
    static func someWords(of query: PlannedQuery) -> PlannedQuery? {
        guard case .all(let parts) = query, parts.count >= 2 else { return nil }
        var onlyStopWords = true
        for part in parts {
            switch part {
            case .term(_, let term):
                if !DutchStopWords.contains(term) { onlyStopWords = false }
            case .phrase, .prefix, .any:
                // `.any` is a word with its alternatives (a compound and its parts apart).
                onlyStopWords = false
            default:
                return nil
            }
        }
        return onlyStopWords ? nil : .any(parts)
    }

    /// Whether a body word that is a closed compound also finds its parts written apart
    /// (``CompoundSplitter``): `kinderopvangtoeslag` becomes `kinderopvangtoeslag OR
    /// "kinderopvang toeslag"`, in any inflection. Off: docs/EVALUATION.md has the figures.
    public var splitsCompounds = false

    /// `query` with each body word that splits into two known words ORed with the phrase
    /// of its parts. Words in titles, phrases and exclusions mean what they say.
    private func splittingCompounds(_ query: PlannedQuery) throws -> PlannedQuery {
        let splitter = CompoundSplitter(
            exactFrequency: { try self.statistics.documentFrequency(.bodyExact, $0) },
            stemFrequency: { try self.statistics.documentFrequency(.bodyStem, $0) },
            stem: { word in
                let tokens = try self.analyzer.analyze(word)
                guard tokens.count == 1, !tokens[0].isStopWord else { return nil }
                return tokens[0].stem
            })
        func rewrite(_ query: PlannedQuery) throws -> PlannedQuery {
            switch query {
            case .term(.bodyStem, let stem):
                guard let split = try splitter.split(stem) else { return query }
                return .any([query, .phrase(.bodyStem, terms: [split.modifier, split.head], offsets: [0, 1], slop: 0)])
            case .all(let parts): return .all(try parts.map(rewrite))
            case .any(let parts): return .any(try parts.map(rewrite))
            case let .exclude(included, excluded): return .exclude(included: try rewrite(included), excluded: excluded)
            default: return query
            }
        }
        return try rewrite(query)
    }

    /// Collects the matches and orders the documents of the page's windows: by relevance
    /// (rescored a window at a time) or by date (either way round, undated last).
    private func rank(
        _ query: PlannedQuery, _ clauses: TopLevelClauses, _ filters: [DocumentFilter], _ options: SearchOptions,
        _ execution: QueryExecution, _ highlights: HighlightTerms, _ deadline: ContinuousClock.Instant
    ) throws -> (QueryExecution.Found, [Collector.Group]) {
        var found = options.exhaustive || !clauses.isDocumentLevel
            ? try execution.collectEveryMatch(query, filters: filters, options: options, deadline: deadline)
            : try execution.collectTopDocuments(clauses, filters: filters, options: options, deadline: deadline)
        if found.partial, found.groups.isEmpty, !options.exhaustive, clauses.isDocumentLevel {
            // The budget ran out while counting an AND clause by clause, before any document
            // was known to have them all. The walk in passage order finds some in its first
            // steps (it too looks at the clock only every 1,024), so the answer is not empty.
            found = try execution.collectEveryMatch(query, filters: filters, options: options, deadline: deadline)
        }
        // Taken out of `found`, so that the rescoring below owns the passages it rewrites
        // (shared with `found`, every write would copy a group's passages first).
        var groups = found.groups
        found.groups = []
        if options.sort == .relevance {
            // Rescore the head of the ranking with heading, proximity and title evidence,
            // a window at a time, and sort each window again; the tail keeps its BM25 order.
            let head = min(groups.count, execution.rankedDocuments(for: options))
            let rescorer = Rescorer(weights: rescoringWeights, snapshot: snapshot, statistics: statistics, lookups: lookups)
            groups.sort(by: Self.ranksBefore)
            for start in stride(from: 0, to: head, by: rescoringWindow) {
                let window = start ..< min(start + rescoringWindow, head)
                try rescorer.rescore(&groups[window], terms: highlights)
                groups[window].sort(by: Self.ranksBefore)
            }
        } else {
            let order = options.sort
            groups.sort { lhs, rhs in
                let left = order.dateKey(dateOf(lhs)), right = order.dateKey(dateOf(rhs))
                return left != right ? left > right : Self.ranksBefore(lhs, rhs)
            }
        }
        return (found, groups)
    }

    /// The rescoring reorders the BM25 ranking in windows of this many documents (the first
    /// 60, the next 60, …): a document can move up to the top of its window, so one just
    /// below a first page of 10 can still reach it. Windows do not depend on the page asked
    /// for, so every page is a slice of the same ranking (a window that depended on
    /// `offset + limit` would let page 2 repeat a document of page 1 and skip another).
    ///
    /// Not smaller: the rescoring's evidence moves documents far, so a narrower window
    /// would make the page depend more on where BM25 alone cut (docs/BENCHMARKS.md, "The
    /// rescoring window, measured", compares the first pages). Benchmarks and the
    /// evaluation set it.
    public var rescoringWindow = 60

    /// What the rescoring adds to BM25 (heading, title, proximity; recency off).
    public var rescoringWeights = RescoringWeights()

    /// What collecting this search's matches reads and runs with (``QueryExecution``).
    func execution(countLimit: Int? = nil) -> QueryExecution {
        QueryExecution(
            searchable: searchable, statistics: statistics, lookups: lookups, usesStopWordPairs: usesStopWordPairs,
            threads: threads, postingsWorthThreads: postingsWorthThreads,
            countLimit: countLimit ?? self.countLimit, firstCountingWindow: firstCountingWindow, rescoringWindow: rescoringWindow)
    }

    /// Higher score first; a tie goes to the earlier document in index order.
    static func ranksBefore(_ lhs: Collector.Group, _ rhs: Collector.Group) -> Bool {
        lhs.best != rhs.best ? lhs.best > rhs.best : (lhs.segment, lhs.document) < (rhs.segment, rhs.document)
    }

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
                terms.prefixes.insert(prefix)
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

    // MARK: Highlights

    /// Where the query `text` matches in each of `texts` (a document's passages): UTF-8
    /// byte ranges of whole texts, as a hit's `highlights` are of its snippet. The words
    /// the search matched, found as the snippets find them: stems for a bag of words (any
    /// inflection), exact forms for phrases (marked as one range) and prefixes; not the
    /// words of exclusions or `titel:`. Throws ``QueryParseError`` as ``search(_:options:)``
    /// does; a query without words (filters only) marks nothing.
    public func highlights(in texts: [String], query text: String) throws -> [Snippet] {
        let planned = try QueryPlanner(analyzer: analyzer).plan(try QueryParser.parse(text))
        var (query, _) = Self.hoistFilters(planned)
        if splitsCompounds { query = try splittingCompounds(query) }
        let terms = Self.highlightTerms(of: query)
        let builder = SnippetBuilder(analyzer: analyzer)
        return try texts.map { Snippet(text: $0, highlights: try builder.marks(in: $0, terms: terms)) }
    }

    /// ``highlights(in:query:)`` for one text.
    public func highlights(in text: String, query: String) throws -> Snippet {
        try highlights(in: [text], query: query)[0]
    }

    // MARK: Results

    private func dateOf(_ group: Collector.Group) -> UInt32 {
        snapshot.segments[group.segment].reader.documents[Int(group.document)].date
    }

    private func similarPassage(_ group: Collector.Group) throws -> SimilarPassage {
        let entry = snapshot.segments[group.segment].reader.documents[Int(group.document)]
        let best = group.passages.max(by: { $0.score < $1.score })!
        return SimilarPassage(
            doc_id: entry.id, passage: Int(best.passage - entry.firstUnit), title: entry.title,
            date: DocumentEntry.isoDate(entry.date), type: entry.type, url: entry.url)
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
            heading: heading, source: entry.relativeSource, url: entry.url, snippet: snippet.html,
            plainSnippet: snippets ? snippet : nil)
    }

}
