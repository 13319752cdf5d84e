import Foundation
import IndexStore
import Testing
@testable import Search

/// The ranking passes over an essential term's postings by frequency alone when no
/// posting below a least frequency (per length byte) can lift a passage past the
/// threshold. The table must be exact for the scores the scorer computes, the scan must
/// stop at exactly the first posting that reaches it, and searches must not change.
@Suite("Postings filtered by frequency")
struct FrequencyFloorTests {
    @Test func theTableHoldsTheLeastFrequencyThatPasses() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            let factory = searcher.execution().matcherFactory(0, deadline: .now + .seconds(600))
            let table = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 256)
            defer { table.deallocate() }
            var checked = 0
            for word in ["minister", "cassatie", "de"] {
                let term = try #require(try factory.matcher(for: .term(.bodyExact, word)) as? TermMatcher)
                let bound = term.maximumScore
                for (threshold, base) in [(bound * 0.5, Float(0)), (bound * 1.3, bound * 0.6), (bound * 0.99, 0), (bound * 2, 0), (-1, 0)] {
                    term.minimumFrequencies(above: threshold, adding: base, into: table)
                    for norm in 0 ..< 256 {
                        let passes = { (frequency: UInt32) in
                            searcher.statistics.passages.score(idf: term.idf, frequency: frequency, norm: UInt8(norm)) + base > threshold
                        }
                        // Scores rise with the frequency: the least that passes, by walking
                        // (frequencies past 4,096 only for the thresholds near the bound).
                        var least: UInt32 = 1
                        while least <= 4096, !passes(least) { least += 1 }
                        if least <= 4096 {
                            #expect(table[norm] == least, "\(word) norm \(norm) above \(threshold) + \(base)")
                        } else {
                            #expect(table[norm] > 4096, "\(word) norm \(norm)")
                            #expect(table[norm] == .max || passes(table[norm]) && !passes(table[norm] - 1))
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked == 3 * 5 * 256)
        }
    }

    @Test func theScanStopsAtTheFirstPostingThatReachesTheTable() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            let factory = searcher.execution().matcherFactory(0, deadline: .now + .seconds(600))
            for minimum in [UInt32(1), 2, 3, 5] {
                // The same minimum for every length: the first posting with that frequency.
                let table = [UInt32](repeating: minimum, count: 256)
                let scanner = try #require(try factory.matcher(for: .term(.bodyExact, "de")) as? TermMatcher)
                let stepper = try #require(try factory.matcher(for: .term(.bodyExact, "de")) as? TermMatcher)
                var found = 0
                while true {
                    let id = try scanner.advance(toFrequencyAtLeast: table.span, blockBoundAtMost: -.infinity)
                    while stepper.current != Matcher.exhausted, try stepper.frequency < minimum { try stepper.advance() }
                    #expect(id == stepper.current, "minimum \(minimum)")
                    guard id != Matcher.exhausted, id == stepper.current else { break }
                    #expect(try scanner.frequency >= minimum)
                    found += 1
                    try scanner.advance()
                    try stepper.advance()
                }
                #expect(found > 0, "minimum \(minimum)")
            }
        }
    }

    /// With the filter on lists of any length (it starts at 4,096 postings, more than the
    /// test index's lists have), every query gives what the exhaustive path gives.
    @Test func searchesGiveTheSameAnswersWithTheFilterOnEveryList() throws {
        let index = try PruningEquivalenceTests.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        let searcher = try Searcher(snapshot: index.snapshot)
        searcher.frequencyFloorPostings = 0
        let queries = PruningEquivalenceTests.queries + ["het is niet", "de van het", "minister de", "wet de het"]
        let compared = try PruningEquivalenceTests.comparePrunedWithExhaustive(searcher, queries)
        #expect(compared == queries.count * PruningEquivalenceTests.variantsPerQuery)
    }
}
