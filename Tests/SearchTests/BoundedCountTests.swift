import Foundation
import IndexStore
import Testing
@testable import Search

/// Counting stops at ``SearchOptions/countLimit`` unless `exactTotal` asks for every
/// match: below the limit the total is exact; above it the total is a lower bound of at
/// least the limit, says so (`total_is_exact` false, not `partial`), and the page is the
/// one the exhaustive search gives.
@Suite("Bounded counts")
struct BoundedCountTests {
    /// One word, with filters or over segments with deletions: the searches whose counts
    /// the dictionary cannot give, so that the walk counts them.
    static let queries = [
        "minister", "gemeente", "soort:brief minister", "jaar:2020 gemeente", "datum:2016-01-01..2022-12-31 minister",
        "soort:wet belasting", "dossier:36003 wet", "cassatie", "datum:2019-05-01..2019-05-31 minister", "soort:motie heffing",
        // Several words, phrases, OR, exclusions and title constraints: counted window by
        // window (SegmentMatches), the rest decided as the ranking meets it.
        "minister gemeente", "minister kabinet kamer", "minister OR gemeente", "wet OR besluit OR regeling",
        "\"de minister\"", "\"van de\"", "minister -gemeente", "(minister OR kabinet) kamer", "minister \"de gemeente\"",
        "minist* gemeente", "titel:minister gemeente", "soort:brief minister gemeente", "van de minister", "het is niet",
        "minister titel:kamer -geweld", "gemeente provincie subsidie", "minister ammoniak", "stikstof heffing",
        "cassatie toeslag", "ammoniak OR cassatie",
        // Phrases read through their words' positions, exact and sloppy: past the stop the
        // ranking passes over whole blocks by the words' bounds.
        "\"minister gemeente\"", "\"gemeente provincie\"~3", "\"minister kabinet kamer\"", "\"de minister van de gemeente\"",
        "\"belasting heffing\" inkomen", "\"minister gemeente\" OR \"kabinet kamer\"",
    ]

    /// A limit of 600 bounds the common queries; one of 30 also the rare ones, whose
    /// pages then hold documents past the counted part that have only some of the words
    /// unless each is checked (``EligibilityProbe``).
    @Test(arguments: [600, 30])
    func aBoundedCountKeepsThePageAndIsALowerBound(limit: Int) throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.countLimit = limit
            searcher.firstCountingWindow = 64
            var bounded = 0, exact = 0
            let variants = try PruningEquivalenceTests.forEachVariant(of: Self.queries) { query, options, context in
                var options = options
                let result = try searcher.search(query, options: options)
                options.exhaustive = true
                let full = try searcher.search(query, options: options)
                #expect(!result.partial, "\(context)")
                #expect(result.results.map(\.doc_id) == full.results.map(\.doc_id), "\(context)")
                #expect(result.results.map(\.passage) == full.results.map(\.passage), "\(context)")
                for (a, b) in zip(result.results, full.results) {
                    #expect(abs(a.score - b.score) <= 1e-4 * max(1, abs(b.score)), "\(context)")
                }
                if full.total < searcher.countLimit {
                    #expect(result.total_is_exact && result.total == full.total && result.documents == full.documents, "\(context)")
                    exact += 1
                } else if !result.total_is_exact {
                    #expect(result.total >= searcher.countLimit && result.total <= full.total, "\(context)")
                    #expect(result.documents <= full.documents, "\(context)")
                    bounded += 1
                } else {
                    #expect(result.total == full.total && result.documents == full.documents, "\(context)")
                }
            }
            #expect(variants == Self.queries.count * PruningEquivalenceTests.variantsPerQuery)
            // Both kinds occur at 600 (the test index is large enough to bound some counts);
            // at 30 every query is bounded.
            #expect(bounded > 0 && (exact > 0 || limit < 100))
        }
    }

    @Test func exactTotalCountsEveryMatch() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.countLimit = 600
            searcher.firstCountingWindow = 64
            for query in Self.queries {
                var options = SearchOptions()
                options.snippets = false
                options.exactTotal = true
                let result = try searcher.search(query, options: options)
                options.exhaustive = true
                let full = try searcher.search(query, options: options)
                #expect(result.total_is_exact, "\(query)")
                PruningEquivalenceTests.expectSameAnswer(result, full, query)
            }
        }
    }

    /// Past the counted part, a document the ranking meets is a match only if it has every
    /// word: here every document has `geweld` in every passage, and one in ten has
    /// `femicide`; counting stops in the first documents. A page of 60 lists the 30 with
    /// both words, none with `geweld` alone.
    @Test func documentsPastTheCountedPartNeedEveryWord() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-bounded-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let withFemicide = Set(stride(from: 0, to: 300, by: 10))
        let documents = (0 ..< 300).map { number in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", type: "brief",
                passages: (0 ..< 4).map { passage in
                    FixtureIndex.passage(passage == 1 && withFemicide.contains(number)
                        ? "Geweld tegen vrouwen, femicide, neemt toe." : "Geweld in de regio, ronde \(passage) van stuk \(number).")
                })
        }
        try IndexWriter(directory: directory).add(documents)
        let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: directory))
        searcher.countLimit = 3
        searcher.firstCountingWindow = 8
        var options = SearchOptions()
        options.snippets = false
        options.foldSimilar = false  // the texts repeat on purpose
        options.fillWithSomeWords = false  // the point: documents need every word
        options.limit = 60
        let result = try searcher.search("geweld femicide", options: options)
        #expect(!result.total_is_exact && !result.partial)
        #expect(Set(result.results.map(\.doc_id)) == Set(withFemicide.map { "doc-\($0)" }))
        options.exactTotal = true
        let exact = try searcher.search("geweld femicide", options: options)
        #expect(exact.total_is_exact && exact.total == 120 && exact.documents == 30)
        #expect(exact.results.map(\.doc_id) == result.results.map(\.doc_id))
    }

    /// A rare word in an AND, found in passages and in titles, with and without a count
    /// limit: the pruned search gives what the exhaustive search gives.
    @Test func aRareWordLeadsAndTheAnswersStayTheSame() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-rare-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let documents = (0 ..< 400).map { number in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)",
                title: number % 50 == 7 ? "Femicide in de regio" : "Stuk \(number)", type: number % 3 == 0 ? "brief" : "motie",
                passages: (0 ..< 5).map { passage in
                    FixtureIndex.passage(passage == 2 && number % 25 == 0
                        ? "Geweld tegen vrouwen, femicide, in ronde \(passage)." : "Geweld in de regio, ronde \(passage) van stuk \(number).")
                })
        }
        try IndexWriter(directory: directory).add(documents)
        let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: directory))
        let queries = [
            "geweld femicide", "femicide ronde regio", "femicide -vrouwen", "titel:femicide geweld", "femicide vrouwen OR stuk",
            "soort:brief femicide geweld", "\"geweld tegen\" femicide", "femicide geweld -titel:regio",
        ]
        for limit in [.max, 4] {
            searcher.countLimit = limit
            searcher.firstCountingWindow = 16
            _ = try PruningEquivalenceTests.forEachVariant(of: queries) { query, options, context in
                var options = options
                let result = try searcher.search(query, options: options)
                options.exhaustive = true
                let full = try searcher.search(query, options: options)
                #expect(result.results.map(\.doc_id) == full.results.map(\.doc_id), "\(context) limit \(limit)")
                #expect(result.results.map(\.passage) == full.results.map(\.passage), "\(context) limit \(limit)")
                if result.total_is_exact {
                    #expect(result.total == full.total && result.documents == full.documents, "\(context) limit \(limit)")
                } else {
                    #expect(limit != .max && result.total >= limit && result.total <= full.total, "\(context) limit \(limit)")
                }
            }
        }
    }
}
