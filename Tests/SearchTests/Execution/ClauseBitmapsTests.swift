import SeededRandom
import Testing
@testable import Search

/// The counting pass decides a document's match from these bitmaps alone, so they must
/// answer exactly what a look at each clause's set of passages answers: per document,
/// which clauses have one of its passages and how many of its passages any clause has;
/// per id, which clauses have it; and the documents a clause touches, each once, ascending.
@Suite("Clause bitmaps")
struct ClauseBitmapsTests {
    @Test func agreeWithSetsOfPassagesPerDocument() {
        var random = SeededGenerator(seed: 61207)
        for _ in 0 ..< 100 {
            let ranges = DocumentOfPassageTests.ranges(count: Int.random(in: 1 ... 400, using: &random), using: &random)
            let passages = Int(ranges.last!.upperBound)
            let clauseCount = Int.random(in: 1 ... 5, using: &random)
            var bitmaps = ClauseBitmaps(clauses: clauseCount, ids: passages)
            var sets = Array(repeating: Set<UInt32>(), count: clauseCount)
            if passages > 0 {
                for clause in 0 ..< clauseCount {
                    // From nearly empty to nearly full, in batches and one at a time.
                    let density = Double.random(in: 0 ... 1, using: &random)
                    let ids = (0 ..< UInt32(passages)).filter { _ in Double.random(in: 0 ..< 1, using: &random) < density * density }
                    sets[clause].formUnion(ids)
                    if Bool.random(using: &random) {
                        ids.withUnsafeBufferPointer { bitmaps.insert(contentsOf: $0, clause: clause) }
                    } else {
                        for id in ids { bitmaps.insert(id, clause: clause) }
                    }
                }
            }
            for range in ranges {
                var present: UInt64 = 0
                for clause in 0 ..< clauseCount where range.contains(where: { sets[clause].contains($0) }) {
                    present |= 1 << UInt64(clause)
                }
                let matched = range.filter { id in sets.contains { $0.contains(id) } }.count
                let answer = bitmaps.evaluate(range)
                #expect(answer.clauses == present && answer.passages == matched, "range \(range)")
            }
            for id in 0 ..< UInt32(passages) {
                var present: UInt64 = 0
                for clause in 0 ..< clauseCount where sets[clause].contains(id) { present |= 1 << UInt64(clause) }
                #expect(bitmaps.clauses(of: id) == present)
            }
            for clause in 0 ..< clauseCount {
                let expected = ranges.indices.filter { ranges[$0].contains { sets[clause].contains($0) } }
                var visited: [Int] = []
                ranges.withUnsafeBufferPointer { buffer in
                    bitmaps.forEachDocument(matching: clause, ranges: buffer) { visited.append($0) }
                }
                #expect(visited == expected)
            }
        }
    }

    @Test func aDocumentWithoutPassagesHasNoClause() {
        let bitmaps = ClauseBitmaps(clauses: 2, ids: 10)
        #expect(bitmaps.evaluate(4 ..< 4) == (clauses: 0, passages: 0))
    }
}
