import Analysis
import SeededRandom
import Testing
@testable import IndexStore

@Suite("Term table")
struct TermTableTests {
    @Test func internGivesOneIdPerTermAndSortsByBytes() {
        var random = SeededGenerator(seed: 3)
        var table = TermTable()
        var ids: [[UInt8]: Int32] = [:]
        // Prefixes of each other, bytes above 0x7F, the empty term, and enough terms to
        // make the table grow several times.
        var terms: [[UInt8]] = [[], [0x61], [0x61, 0x61], [0x61, 0x62], [0xC3, 0xA9], [0x7A]]
        for _ in 0 ..< 20_000 {
            terms.append((0 ..< Int.random(in: 1 ... 9, using: &random)).map { _ in UInt8.random(in: 0x61 ... 0x66, using: &random) })
        }
        for term in terms + terms.shuffled(using: &random) {
            let id = table.intern(term.span)
            if let known = ids[term] { #expect(id == known) } else { ids[term] = id }
        }
        #expect(table.count == ids.count)
        let sorted = table.sortedIDs().map { id in table.withBytes(of: id) { [UInt8](copying: $0) } }
        #expect(sorted == ids.keys.sorted { $0.lexicographicallyPrecedes($1) })
        for (term, id) in ids.prefix(100) {
            #expect(table.find(term.span) == id)
        }
        #expect(table.find([UInt8]([0x67]).span) == nil)
    }
}
