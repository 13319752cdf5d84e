import Foundation
import IndexStore
import Testing
@testable import Search

/// Filters read columns (``FilterColumns``) instead of each document's entry; they must
/// keep exactly the documents the entry-based check (``DocumentFilter/accepts(_:)``) keeps.
@Suite("Filter columns")
struct FilterColumnsTests {
    static let filters: [[DocumentFilter]] = [
        [.type("brief")], [.type("motie")], [.type("geen-soort")], [.dossier("36003")], [.dossier("99999")],
        [.date(from: 20170101, to: 20171231)], [.date(from: 0, to: 99999999)], [.date(from: 20240601, to: 20240601)],
        [.type("wet"), .date(from: 20200101, to: 20221231)], [.type("brief"), .dossier("36001")],
    ]

    @Test func columnsKeepWhatTheEntriesKeep() throws {
        try PruningEquivalenceTests.withSearcher { searcher, snapshot in
            var kept = 0
            for filters in Self.filters {
                for (segmentIndex, segment) in snapshot.segments.enumerated() {
                    let expected = segment.reader.documents.indices.map { ordinal in
                        segment.isLive(document: ordinal) && filters.allSatisfy { $0.accepts(segment.reader.documents[ordinal]) }
                    }
                    let accepted = searcher.execution().acceptedDocuments(segmentIndex, filters: filters)
                    #expect(accepted == expected, "\(filters) segment \(segmentIndex)")
                    kept += expected.filter { $0 }.count
                }
            }
            #expect(kept > 100)  // the filters keep something, so the comparison says something
        }
    }
}
