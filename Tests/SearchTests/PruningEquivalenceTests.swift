import Foundation
import IndexStore
import SeededRandom
import Testing
@testable import Search

/// MaxScore and block-max skip work, never answers: on an index large enough for lists of
/// many blocks, in several segments with deletions, every query must give the pruned path
/// exactly the totals and the page the exhaustive path gives.
@Suite("Pruned search equals exhaustive search")
struct PruningEquivalenceTests {
    /// Words with a skewed distribution, so that some lists span dozens of blocks (where
    /// block-max bounds matter) and some are rare.
    static let vocabulary = [
        "minister", "gemeente", "provincie", "belasting", "onderwijs", "stikstof", "rechter", "wet",
        "jeugdzorg", "subsidie", "vergunning", "kabinet", "kamer", "geweld", "toeslag", "school",
        "politie", "justitie", "regeling", "besluit", "ammoniak", "heffing", "inkomen", "cassatie",
    ]
    static let fillers = ["de", "het", "een", "van", "in", "op", "en", "is", "niet", "dat"]
    static let types = ["brief", "motie", "antwoord", "wet", "verslag"]

    static func makeIndex() throws -> (directory: String, snapshot: IndexSnapshot) {
        var random = SeededGenerator(seed: 20261123)
        func word() -> String {
            // Zipf-like: the first words of the vocabulary are far more common.
            let rank = Int(Double(vocabulary.count) * pow(Double.random(in: 0 ..< 1, using: &random), 4))
            return vocabulary[min(rank, vocabulary.count - 1)]
        }
        func passage() -> StoredPassage {
            let length = Int.random(in: 3 ... 40, using: &random)
            let words = (0 ..< length).map { _ in Bool.random(using: &random) ? word() : fillers.randomElement(using: &random)! }
            let heading: String? = Int.random(in: 0 ..< 8, using: &random) == 0 ? word() : nil
            return FixtureIndex.passage(words.joined(separator: " "), heading: heading)
        }
        func document(_ number: Int) -> StoredDocument {
            let year = 2015 + Int.random(in: 0 ..< 10, using: &random)
            let dated = Int.random(in: 0 ..< 6, using: &random) != 0
            return StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)-\(year)",
                title: Bool.random(using: &random) ? "\(word()) \(word())" : nil,
                date: dated ? String(format: "%04d-%02d-%02d", year, Int.random(in: 1 ... 12, using: &random), Int.random(in: 1 ... 28, using: &random)) : nil,
                type: types.randomElement(using: &random)!, dossiers: ["\(36000 + number % 7)"],
                passages: (0 ..< Int.random(in: 1 ... 12, using: &random)).map { _ in passage() })
        }
        let directory = NSTemporaryDirectory() + "kamerzoek-pruning-" + UUID().uuidString
        let writer = try IndexWriter(directory: directory)
        // Three commits, the last replacing some earlier documents: several segments and
        // deletion bitmaps.
        try writer.add((0 ..< 900).map(document))
        try writer.add((900 ..< 1500).map(document))
        try writer.add((0 ..< 200).filter { $0 % 3 == 0 }.map(document))
        return (directory, try IndexSnapshot.open(directory: directory))
    }

    /// Runs `body` with a searcher over a fresh ``makeIndex()`` index, removed afterwards.
    static func withSearcher(_ body: (Searcher, IndexSnapshot) throws -> Void) throws {
        let index = try makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        try body(try Searcher(snapshot: index.snapshot), index.snapshot)
    }

    static let queries = [
        "minister", "gemeente", "cassatie", "heffing", "de", "van de minister", "het is niet",
        "minister gemeente", "minister kabinet kamer", "gemeente provincie subsidie",
        "minister OR gemeente", "stikstof OR ammoniak", "wet OR besluit OR regeling", "belasting OR heffing OR inkomen",
        "\"de minister\"", "\"minister van\"", "\"van de\"", "\"gemeente provincie\"~3",
        "minister -gemeente", "belasting -heffing -inkomen", "(minister OR kabinet) kamer",
        "minister \"de gemeente\"", "geweld OR \"de toeslag\"", "minist*", "sub* gemeente",
        "titel:minister", "titel:minister gemeente", "soort:brief minister", "soort:motie minister OR kamer",
        "jaar:2020 gemeente", "datum:2016-01-01..2018-12-31 minister", "dossier:36003 wet",
        "soort:brief", "soort:brief -minister", "minister titel:kamer -geweld",
        // Filters that leave few documents: terms are then read inside those documents only.
        "datum:2019-05-01..2019-05-31 minister gemeente", "datum:2021-02-01..2021-02-10 minister OR kamer",
        "soort:motie datum:2020-01-01..2020-03-31 wet regeling", "datum:2019-05-01..2019-05-31 \"de minister\" gemeente",
        "datum:2016-01-01..2016-02-29 minister -gemeente",
    ]

    @Test func everyQueryGivesTheSameTotalsAndPage() throws {
        let index = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        #expect(index.snapshot.segments.count >= 2)
        #expect(index.snapshot.segments.contains { $0.deletions != nil })
        let searcher = try Searcher(snapshot: index.snapshot)
        let compared = try Self.comparePrunedWithExhaustive(searcher, Self.queries)
        #expect(compared == Self.queries.count * Self.variantsPerQuery)
    }

    /// Every variant of every query (``forEachVariant(of:_:)``), pruned and exhaustive,
    /// must give the same answer, exact and complete; returns how many were compared.
    static func comparePrunedWithExhaustive(_ searcher: Searcher, _ queries: [String]) throws -> Int {
        try forEachVariant(of: queries) { query, options, context in
            var options = options
            options.exhaustive = false
            let pruned = try searcher.search(query, options: options)
            options.exhaustive = true
            let full = try searcher.search(query, options: options)
            #expect(pruned.total_is_exact && !pruned.partial, "\(context)")
            expectSameAnswer(pruned, full, context)
        }
    }

    /// The same totals, documents and passages in the same order, and the same scores:
    /// to the bit, or within 1e-4 relative where the two ways add a passage's score up
    /// in another order.
    static func expectSameAnswer(
        _ result: SearchResult, _ expected: SearchResult, _ context: String, exactScores: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.total == expected.total, "\(context)", sourceLocation: sourceLocation)
        #expect(result.documents == expected.documents, "\(context)", sourceLocation: sourceLocation)
        #expect(result.results.map(\.doc_id) == expected.results.map(\.doc_id), "\(context)", sourceLocation: sourceLocation)
        #expect(result.results.map(\.passage) == expected.results.map(\.passage), "\(context)", sourceLocation: sourceLocation)
        for (a, b) in zip(result.results, expected.results) {
            let tolerance = exactScores ? 0 : 1e-4 * max(1, abs(b.score))
            #expect(abs(a.score - b.score) <= tolerance, "\(context)", sourceLocation: sourceLocation)
        }
    }

    /// Runs `body` for each query in every order, on the first and the third page and with
    /// three passages per document, without snippets; returns how many variants ran.
    /// How many variants ``forEachVariant(of:_:)`` runs per query: every order, three pages.
    static let variantsPerQuery = SortOrder.allCases.count * 3

    static func forEachVariant(
        of queries: [String], _ body: (_ query: String, _ options: SearchOptions, _ context: String) throws -> Void
    ) rethrows -> Int {
        var count = 0
        for query in queries {
            for sort in SortOrder.allCases {
                for (offset, perDocument) in [(0, 1), (20, 1), (0, 3)] {
                    var options = SearchOptions()
                    options.snippets = false
                    options.sort = sort
                    options.offset = offset
                    options.perDocument = perDocument
                    try body(query, options, "\(query) \(sort) offset \(offset) per document \(perDocument)")
                    count += 1
                }
            }
        }
        return count
    }

    /// Segments shared out among threads (``SegmentWorkers``), each worker ranking into a
    /// top k of its own, give exactly what one thread gives: totals, pages, passages and
    /// scores to the bit, for every query, order and page.
    @Test func threadsGiveTheSameAnswers() throws {
        let index = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        #expect(index.snapshot.segments.count >= 3)
        let alone = try Searcher(snapshot: index.snapshot)
        alone.threads = 1
        let shared = try Searcher(snapshot: index.snapshot)
        shared.threads = 3
        shared.postingsWorthThreads = 0
        let queries = Self.queries + ["het is niet", "de van het", "minister gemeente kabinet kamer wet"]
        let compared = try Self.forEachVariant(of: queries) { query, options, context in
            let one = try alone.search(query, options: options)
            let many = try shared.search(query, options: options)
            #expect(many.total_is_exact == one.total_is_exact && many.partial == one.partial, "\(context)")
            Self.expectSameAnswer(many, one, context, exactScores: true)
        }
        #expect(compared == (Self.queries.count + 3) * Self.variantsPerQuery)
    }

    /// The pruning must actually have something to skip: the common words' lists are
    /// long enough to have skip entries and block bounds.
    @Test func theCommonWordsSpanManyBlocks() throws {
        let index = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        let searcher = try Searcher(snapshot: index.snapshot)
        var options = SearchOptions()
        options.snippets = false
        let common = try searcher.search("minister", options: options).total
        let rare = try searcher.search("cassatie", options: options).total
        #expect(common > 5 * 128)
        #expect(rare > 0)
        #expect(rare < common / 5)
    }
}

/// Stop-word pairs are a way to read a phrase, not a different phrase: with and without
/// them every phrase finds the same passages with the same scores.
@Suite("Phrases through stop-word pairs")
struct StopWordPairTests {
    static let phrases = [
        "\"de minister\"", "\"van de\"", "\"het is niet\"", "\"minister van de\"", "\"de gemeente provincie\"",
        "\"in de kamer\"", "\"de minister\" gemeente", "\"van de\" -minister", "\"op de\" OR \"in het\"",
        "\"dat is\"", "\"een van de\"", "\"minister de\"~1", "\"is niet dat\"", "soort:brief \"de minister\"",
        // Longer runs: read as the fewest pairs and words that cover them, skipping pairs
        // that lie inside others (`van de` | `de minister` | `van de` …).
        "\"de minister van de\"", "\"van de minister van de\"", "\"het is niet dat de\"", "\"in de kamer van de gemeente\"",
        "\"de minister en de\"", "\"op de wet\"", "\"van het de een\"",
    ]

    @Test func pairsFindWhatTheWordsFind() throws {
        let index = try PruningEquivalenceTests.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        #expect(index.snapshot.segments.allSatisfy { $0.reader.formatVersion.hasStopWordPairs })
        #expect(try index.snapshot.segments[0].reader.termInfo(.bodyExact, "van de") != nil)
        let searcher = try Searcher(snapshot: index.snapshot)
        for query in Self.phrases {
            var options = SearchOptions()
            options.snippets = false
            options.limit = 50
            options.perDocument = 3
            searcher.usesStopWordPairs = true
            let pairs = try searcher.search(query, options: options)
            searcher.usesStopWordPairs = false
            let words = try searcher.search(query, options: options)
            PruningEquivalenceTests.expectSameAnswer(pairs, words, query)
        }
        // The common phrase is found at all (the fillers are stop words), and so is a
        // longer one read through non-adjacent pairs.
        var options = SearchOptions()
        options.snippets = false
        #expect(try searcher.search("\"van de\"", options: options).total > 100)
        #expect(try searcher.search("\"de minister van de\"", options: options).total > 0)
    }

    /// A pair is only kept where both words are common in the segment; a phrase with a rare
    /// word reads the words, and still finds every occurrence.
    @Test func aPhraseWithARareWordIsFoundWithoutItsPair() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-pairs-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try IndexWriter(directory: directory)
        try writer.add((0 ..< 300).map { number in
            let text = number % 100 == 0 ? "de zeldzaamheid van de minister" : "de minister en de gemeente"
            return StoredDocument(id: "d\(number)", source: "d\(number)", contentHash: "\(number)", passages: [FixtureIndex.passage(text)])
        })
        let snapshot = try IndexSnapshot.open(directory: directory)
        let reader = snapshot.segments[0].reader
        #expect(try reader.termInfo(.bodyExact, "de minister") != nil)
        #expect(try reader.termInfo(.bodyExact, "de zeldzaamheid") == nil)
        let searcher = try Searcher(snapshot: snapshot)
        var options = SearchOptions()
        options.snippets = false
        #expect(try searcher.search("\"de zeldzaamheid\"", options: options).total == 3)
        #expect(try searcher.search("\"de minister\"", options: options).total == 300)
        #expect(try searcher.search("\"zeldzaamheid van de minister\"", options: options).total == 3)
    }
}

extension PruningEquivalenceTests {
    /// A one-word search ranks the smaller segments first (their top k makes the largest
    /// segment's walk skip more), so a later segment's documents can tie documents already
    /// ranked: ties go to the earlier segment, as the exhaustive search has it. The first
    /// segment's first documents score lower (a longer passage); its later ones tie the
    /// second segment's, and must win the ties, from blocks whose bound only equals the
    /// threshold.
    @Test func tiesGoToTheEarlierSegmentWhateverOrderSegmentsAreRankedIn() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-ties-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func documents(_ numbers: Range<Int>) -> [StoredDocument] {
            numbers.map { number in
                StoredDocument(
                    id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)",
                    passages: [FixtureIndex.passage(number < 200
                        ? "Geweld in de regio, een langere passage over wat er gebeurde en waar." : "Geweld in de regio.")])
            }
        }
        let writer = try IndexWriter(directory: directory)
        try writer.add(documents(0 ..< 400))
        try writer.add(documents(400 ..< 480))
        let snapshot = try IndexSnapshot.open(directory: directory)
        #expect(snapshot.segments.count == 2)
        let searcher = try Searcher(snapshot: snapshot)
        searcher.threads = 1
        var options = SearchOptions()
        options.snippets = false
        options.foldSimilar = false  // the texts repeat on purpose
        options.limit = 20
        for offset in [0, 40] {
            options.offset = offset
            options.exhaustive = false
            let pruned = try searcher.search("geweld", options: options)
            options.exhaustive = true
            let full = try searcher.search("geweld", options: options)
            #expect(pruned.results.map(\.doc_id) == full.results.map(\.doc_id))
            #expect(full.results.map(\.doc_id) == (200 + offset ..< 200 + offset + 20).map { "doc-\($0)" })
        }
    }
}
