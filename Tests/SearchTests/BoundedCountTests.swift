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
    ]

    @Test func aBoundedCountKeepsThePageAndIsALowerBound() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.countLimit = 600
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
            #expect(variants == Self.queries.count * 6)
            // Both kinds occur: the test index is large enough to bound some counts.
            #expect(bounded > 0 && exact > 0)
        }
    }

    @Test func exactTotalCountsEveryMatch() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.countLimit = 600
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
}
