import SeededRandom
import Testing
@testable import Search

/// A seeded fuzz run over random and mutated queries: the parser must return a query, nil
/// or a QueryParseError whose position lies inside the query, and never crash or hang.
@Suite("Query parser fuzzing")
struct QueryParserFuzzTests {

    static let pieces = [
        "geweld", "huiselijk", "van", "Dijk", "OR", "AND", "NOT", "-", "+", "(", ")", "\"", "\u{201C}", "~", "~3", "*",
        "titel:", "soort:", "type:", "dossier:", "datum:", "jaar:", "2024", "2024-01-01", "..", "36", "658", ":", " ",
        "  ", "wiskunde-onderwijs", "é", "\u{0308}", "\u{FEFF}", "\u{00A0}", "\n", "\t", "'", "ECLI:NL", "1:253a", "&", "…",
    ]

    static let seeds = [
        "huiselijk geweld", "\"huiselijk geweld\"~2 -femicide", "titel:(a OR b) soort:brief jaar:2020..2022",
        "dossier:36 658 datum:2024-01-01..2024-06-30", "(a OR (b -c)) \"d e\" f*",
    ]

    @Test func randomAndMutatedQueriesNeverCrash() {
        var generator = SeededGenerator(seed: 20261123)
        var parsed = 0, rejected = 0
        for round in 0 ..< 20_000 {
            var query: String
            if round % 2 == 0 {
                query = ""
                for _ in 0 ..< Int.random(in: 0 ... 12, using: &generator) {
                    query += Self.pieces.randomElement(using: &generator)!
                }
            } else {
                var scalars = Array(Self.seeds.randomElement(using: &generator)!.unicodeScalars)
                for _ in 0 ..< Int.random(in: 1 ... 4, using: &generator) {
                    let position = Int.random(in: 0 ... scalars.count, using: &generator)
                    switch Int.random(in: 0 ..< 3, using: &generator) {
                    case 0 where position < scalars.count: scalars.remove(at: position)
                    case 1: scalars.insert(contentsOf: Self.pieces.randomElement(using: &generator)!.unicodeScalars, at: position)
                    default: scalars.insert(Unicode.Scalar(UInt8.random(in: 0x20 ... 0x7E, using: &generator)), at: position)
                    }
                }
                query = String(String.UnicodeScalarView(scalars))
            }
            do {
                _ = try QueryParser.parse(query)
                parsed += 1
            } catch let error as QueryParseError {
                rejected += 1
                #expect(error.position >= 0 && error.position <= query.unicodeScalars.count, "\(query)")
                #expect(!error.message.isEmpty)
            } catch {
                Issue.record("\(query): unexpected \(error)")
            }
        }
        #expect(parsed + rejected == 20_000)
        #expect(parsed > 1_000 && rejected > 1_000)
    }
}
