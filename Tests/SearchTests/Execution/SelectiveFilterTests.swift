import Foundation
import IndexStore
import Testing
@testable import Search

/// A one-word query whose filters leave few documents seeks the word inside each of them
/// instead of walking its whole list; both ways must count, and rank, exactly alike.
@Suite("One word under a selective filter")
struct SelectiveFilterTests {
    static let filters: [[DocumentFilter]] = [
        [.date(from: 20190501, to: 20190531)], [.date(from: 20210201, to: 20210210)], [.dossier("36003")],
        [.type("brief")], [.type("motie"), .date(from: 20200101, to: 20221231)], [.type("geen-soort")],
    ]
    static let words = ["minister", "gemeente", "wet", "cassatie", "de"]

    @Test func seekingInsideTheAcceptedDocumentsFindsWhatTheWalkFinds() throws {
        try PruningEquivalenceTests.withSearcher { searcher, snapshot in
            var found = 0
            for filters in Self.filters {
                for word in Self.words {
                    var walked = TopDocuments(capacity: 60), sought = TopDocuments(capacity: 60)
                    for (segmentIndex, segment) in snapshot.segments.enumerated() {
                        let accepted = searcher.execution().acceptedDocuments(segmentIndex, filters: filters)
                        let factory = searcher.execution().matcherFactory(segmentIndex, deadline: .now + .seconds(600))
                        guard let walker = try factory.matcher(for: .term(.bodyExact, word)) as? TermMatcher,
                              let seeker = try factory.matcher(for: .term(.bodyExact, word)) as? TermMatcher else { continue }
                        let unitRanges = segment.reader.unitRanges
                        var check = DeadlineCheck(nil)
                        let walk = try MaxScoreRanker.rankAndCount(
                            term: walker, segment: segmentIndex, accepted: accepted, unitRanges: unitRanges, into: &walked, deadline: &check)
                        let seek = try MaxScoreRanker.rankAndCount(
                            term: seeker, inside: accepted, segment: segmentIndex, unitRanges: unitRanges, into: &sought, deadline: &check)
                        let context = "\(word) \(filters) segment \(segmentIndex)"
                        #expect(seek.total == walk.total && seek.documents == walk.documents, "\(context)")
                        #expect(seek.matched == walk.matched && seek.complete && walk.complete, "\(context)")
                        found += walk.total
                    }
                    // The same documents with the same scores; the walk names the best passage
                    // where it scored the whole document, and then it is the same passage.
                    let order = { (entry: TopDocuments.Entry) in (entry.segment, entry.document) }
                    let a = walked.entries.sorted { order($0) < order($1) }, b = sought.entries.sorted { order($0) < order($1) }
                    #expect(a.map(order).elementsEqual(b.map(order), by: ==), "\(word) \(filters)")
                    for (x, y) in zip(a, b) {
                        #expect(x.score == y.score, "\(word) \(filters) document \(x.document)")
                        if x.passage != Matcher.exhausted { #expect(x.passage == y.passage) }
                    }
                }
            }
            #expect(found > 1000)  // the words are there under most filters
        }
    }
}
