import Foundation
import Testing
@testable import Search

/// Pages must be slices of one ranking: a document shown on page 1 never comes back on
/// page 2, none falls between two pages, and asking for 20 at once gives pages 1 and 2.
/// The rescoring (heading, proximity, title) reorders whole windows of the BM25 ranking
/// that do not depend on the page asked for, which is what makes this hold.
@Suite("Pagination")
struct PaginationTests {
    @Test func pagesAreSlicesOfOneRanking() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            var checked = 0
            for query in PruningEquivalenceTests.queries {
                for sort in SortOrder.allCases {
                    var options = SearchOptions()
                    options.snippets = false
                    options.sort = sort
                    options.limit = 150
                    let whole = try searcher.search(query, options: options).results.map(\.doc_id)
                    var paged: [String] = []
                    options.limit = 10
                    for offset in stride(from: 0, to: 150, by: 10) {
                        options.offset = offset
                        paged += try searcher.search(query, options: options).results.map(\.doc_id)
                    }
                    #expect(paged == whole, "\(query) \(sort)")
                    #expect(Set(paged).count == paged.count, "\(query) \(sort)")
                    if whole.count > 60 { checked += 1 }
                }
            }
            // Enough queries have rankings past the first rescoring window.
            #expect(checked >= 10)
        }
    }
}
