import Foundation
import IndexStore
import Testing
@testable import Search

/// Once the top k is full and a single essential unit is left that is a term, the general
/// MaxScore loop walks that term's blocks: each block's postings are scored in a loop of
/// their own and only those that can still beat the threshold are looked up, checked for
/// eligibility and completed with the other units' scores. A passage that cannot beat its
/// document's best so far is not completed either. None of that may change an answer:
/// the page, the passages, the scores and the counts stay those of the exhaustive path.
@Suite("General loop: the last essential term")
struct LastEssentialTermTests {
    /// A rare word beside a common one (the common list leads once the top k fills), two
    /// common ones, three words, ANDs (their ranking walks one list, eligibility from the
    /// counting), a phrase beside a word, and words whose documents a filter thins out
    /// (the walk then seeks past runs of documents that are not eligible).
    static let queries = [
        "minister OR cassatie", "gemeente OR heffing", "minister OR gemeente", "minister OR gemeente OR heffing",
        "wet OR besluit OR regeling OR kabinet", "minister cassatie", "gemeente provincie", "minister kabinet kamer",
        "minister OR \"de gemeente\"", "\"de minister\" OR heffing", "kamer \"de minister\"",
        "soort:brief minister OR heffing", "datum:2019-01-01..2019-12-31 minister OR gemeente", "soort:motie minister kamer",
        "datum:2021-02-01..2021-03-31 wet OR regeling", "minister OR gemeente -heffing",
    ]

    /// Small top ks fill after a few documents, so that nearly all of each list is walked
    /// with a threshold; the default window fills later.
    @Test(arguments: [1, 5, 60])
    func theWalkGivesTheExhaustiveAnswer(window: Int) throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.rescoringWindow = window
            let compared = try PruningEquivalenceTests.comparePrunedWithExhaustive(searcher, Self.queries)
            #expect(compared == Self.queries.count * PruningEquivalenceTests.variantsPerQuery)
        }
    }

    /// A count limit below the matches: past it the ranking asks about each document it
    /// would offer (``EligibilityProbe``), also from inside the walk; the page stays that
    /// of the exhaustive path and the total is a lower bound.
    @Test func aBoundedCountKeepsThePage() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.rescoringWindow = 5
            searcher.countLimit = 200
            for query in ["minister gemeente", "minister kabinet kamer", "minister OR cassatie", "gemeente provincie subsidie"] {
                var options = SearchOptions()
                options.snippets = false
                let pruned = try searcher.search(query, options: options)
                options.exhaustive = true
                let full = try searcher.search(query, options: options)
                #expect(pruned.total <= full.total, "\(query)")
                #expect(pruned.results.map(\.doc_id) == full.results.map(\.doc_id), "\(query)")
                #expect(pruned.results.map(\.passage) == full.results.map(\.passage), "\(query)")
                for (a, b) in zip(pruned.results, full.results) {
                    #expect(abs(a.score - b.score) <= 1e-4 * max(1, abs(b.score)), "\(query)")
                }
            }
        }
    }
}
