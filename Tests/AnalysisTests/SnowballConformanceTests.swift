import Testing
@testable import Analysis

/// libstemmer must be Porter's Dutch stemmer, word for word: our rules sit around it, and
/// an index is only valid for the exact stemmer that built it.
@Suite("Snowball conformance")
struct SnowballConformanceTests {
    @Test func rawStemsMatchSnowballsVocabularyExactly() throws {
        let words = try Fixtures.lines("dutch-voc.txt")
        let expected = try Fixtures.lines("dutch-porter-output.txt")
        #expect(words.count == 45_670)
        #expect(expected.count == words.count)
        let stemmer = try SnowballStemmer()
        var mismatches: [String] = []
        for (word, stem) in zip(words, expected) {
            let actual = stemmer.stem(Array(word.utf8))
            if actual != Array(stem.utf8) {
                mismatches.append("\(word) → \(String(decoding: actual, as: UTF8.self)), expected \(stem)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func canaryIdentifiesPorter() throws {
        let stemmer = try SnowballStemmer()
        #expect(["dutch_porter", "dutch"].contains(stemmer.algorithm))
        #expect(stemmer.stem(Array("gemeenten".utf8)) == Array("gemeent".utf8))
    }
}
