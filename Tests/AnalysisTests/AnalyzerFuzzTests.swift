import SeededRandom
import Testing
@testable import Analysis

/// A short seeded fuzz run in CI (bench/Fuzz runs a million inputs per target outside it):
/// random bytes and mutated letters must analyse without trapping, with offsets inside the
/// input and positions that never decrease.
@Suite("Analyzer fuzzing")
struct AnalyzerFuzzTests {

    @Test func randomAndMutatedTextNeverTraps() throws {
        let analyzer = try Analyzer()
        let sample = Array(try Fixtures.corpusLetter("kamerstuk-28345-252-voortgang-huiselijk-geweld.txt").utf8.prefix(3000))
        let special = Array("[1: -\n(on)'s 36 658 z.s.m. 1.000 ECLI: kst- <sup>1</sup> ](x) \u{AD}\u{308}".utf8)
        var random = SeededGenerator(seed: 42)
        var tokens: [Token] = []
        for round in 0 ..< 3000 {
            var bytes: [UInt8]
            if round % 3 == 0 {
                bytes = (0 ..< Int.random(in: 0 ... 200, using: &random)).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
            } else {
                let start = Int.random(in: 0 ..< sample.count - 200, using: &random)
                bytes = Array(sample[start ..< start + 200])
                for _ in 0 ..< Int.random(in: 1 ... 10, using: &random) {
                    let position = Int.random(in: 0 ... bytes.count, using: &random)
                    if Bool.random(using: &random) {
                        bytes.insert(contentsOf: special[Int.random(in: 0 ..< special.count - 4, using: &random)...].prefix(4), at: position)
                    } else if position < bytes.count {
                        bytes[position] = UInt8.random(in: 0 ... 255, using: &random)
                    }
                }
            }
            tokens.removeAll()
            try analyzer.analyze(utf8: bytes.span, into: &tokens)
            var previous: UInt32 = 0
            for token in tokens {
                #expect(token.start < token.end && token.end <= bytes.count)
                #expect(token.position >= previous)
                previous = max(previous, token.position)
            }
        }
    }
}
