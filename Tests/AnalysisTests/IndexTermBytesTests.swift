import Testing
@testable import Analysis

/// The indexer's view of the terms: numbers whose bytes come back through spans, the same
/// folded forms and stems as the tokens.
@Suite struct IndexTermBytesTests {
    @Test func spansGiveEveryTermsFoldedFormAndStem() throws {
        let analyzer = try Analyzer()
        let text = "Huiselijk geweld: de (ex-)partner en kinderen, kst-28345-252."
        let tokens = try analyzer.analyze(text)
        var terms: [IndexTerm] = []
        try analyzer.analyze(utf8: Array(text.utf8).span, into: &terms)
        #expect(terms.map(\.position) == tokens.map(\.position))
        for (term, token) in zip(terms, tokens) {
            let spans = analyzer.withTermSpans(term.term) { exact, stem in ([UInt8](copying: exact), [UInt8](copying: stem)) }
            #expect(spans.0 == Array(token.exact.utf8) && spans.1 == Array(token.stem.utf8))
        }
    }
}
