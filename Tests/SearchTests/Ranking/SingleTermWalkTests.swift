import Foundation
import IndexStore
import Testing
@testable import Search

/// A one-word search ranks by walking the word's blocks. Where the dictionary counted the
/// segment (no filter, no deletions) the walk only ranks, and once the top k is full it
/// looks up the document of a scored posting only when the posting reaches the threshold.
/// Where it must count (filters, deletions) every posting goes through the bookkeeping.
/// Either way the page, the passages, the scores and the counts are those of the
/// exhaustive path.
@Suite("One-word walk")
struct SingleTermWalkTests {
    static let words = ["minister", "gemeente", "provincie", "belasting", "de", "cassatie", "van de minister"]

    /// The top k (the rescoring window, 60 documents) fills within the first blocks of
    /// the common words, so that most postings of a later scored block fall below its
    /// threshold (the walk's filtered path).
    @Test func rankingOnlyWalkGivesTheExhaustiveAnswer() throws {
        try PruningEquivalenceTests.withSearcher { searcher, snapshot in
            // Both kinds of segment: the dictionary counts only those without deletions.
            #expect(snapshot.segments.contains { $0.deletions == nil })
            #expect(snapshot.segments.contains { $0.deletions != nil })
            try Self.compare(searcher, Self.words)
        }
    }

    /// Filters make the walk count (the dictionary's counts are of every document); the
    /// counting walk sends every posting through the bookkeeping and the same answer
    /// comes out.
    @Test func filteredWordsAreCountedByTheWalk() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.rescoringWindow = 10
            try Self.compare(searcher, Self.words.map { "soort:brief \($0)" } + Self.words.map { "jaar:2020 \($0)" })
        }
    }

    /// A count limit below the word's postings: the walk counts up to it and then only
    /// ranks, also in segments with deletions; the total is then a lower bound, and the
    /// page that of the exhaustive path.
    @Test func aBoundedCountKeepsThePage() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.rescoringWindow = 10
            searcher.countLimit = 300
            for word in ["minister", "gemeente", "de"] {
                var options = SearchOptions()
                options.snippets = false
                let pruned = try searcher.search(word, options: options)
                options.exhaustive = true
                let full = try searcher.search(word, options: options)
                #expect(!pruned.total_is_exact, "\(word)")
                #expect(pruned.total <= full.total, "\(word)")
                #expect(pruned.results.map(\.doc_id) == full.results.map(\.doc_id), "\(word)")
                #expect(pruned.results.map(\.passage) == full.results.map(\.passage), "\(word)")
            }
        }
    }

    static func compare(_ searcher: Searcher, _ queries: [String]) throws {
        let compared = try PruningEquivalenceTests.forEachVariant(of: queries) { query, options, context in
            var options = options
            options.exhaustive = false
            let pruned = try searcher.search(query, options: options)
            options.exhaustive = true
            let full = try searcher.search(query, options: options)
            #expect(pruned.total_is_exact == full.total_is_exact && !pruned.partial, "\(context)")
            PruningEquivalenceTests.expectSameAnswer(pruned, full, context)
        }
        #expect(compared == queries.count * PruningEquivalenceTests.variantsPerQuery)
    }
}
