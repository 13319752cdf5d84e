import Testing
@testable import Analysis

/// Offsets must point at what the user wrote (highlighting depends on it), and equivalent
/// spellings of the same text must give the same terms.
@Suite("Offsets and normalisation")
struct OffsetsAndNormalizationTests {
    let analyzer: Analyzer

    init() throws { analyzer = try Analyzer() }

    func slice(_ text: String, _ token: Token) -> String {
        String(decoding: Array(text.utf8)[token.start ..< token.end], as: UTF8.self)
    }

    @Test func offsetsAreUTF8ByteOffsetsIntoTheOriginal() throws {
        let text = "Het ge\u{EF}nformeerde OM\u{A0}en z.s.m. 990.000"
        let tokens = try analyzer.analyze(text)
        #expect(tokens.map { slice(text, $0) } == ["Het", "ge\u{EF}nformeerde", "OM", "en", "z.s.m.", "990.000"])
        #expect(tokens.map(\.start) == [0, 4, 19, 23, 26, 33])
    }

    @Test func nfdAndNfcGiveTheSameTerms() throws {
        let nfc = "co\u{F6}rdinatie ge\u{EF}nformeerd \u{E9}\u{E9}n Cura\u{E7}ao"
        let nfd = "coo\u{308}rdinatie gei\u{308}nformeerd e\u{301}e\u{301}n Curac\u{327}ao"
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        let fromNFC = try analyzer.analyze(nfc)
        let fromNFD = try analyzer.analyze(nfd)
        #expect(fromNFC.map(\.exact) == ["coordinatie", "geinformeerd", "een", "curacao"])
        #expect(fromNFD.map(\.exact) == fromNFC.map(\.exact))
        #expect(fromNFD.map(\.stem) == fromNFC.map(\.stem))
        // The combining marks belong to the token they follow.
        #expect(fromNFD.map { slice(nfd, $0) } == ["coo\u{308}rdinatie", "gei\u{308}nformeerd", "e\u{301}e\u{301}n", "Curac\u{327}ao"])
    }

    @Test func invalidUTF8IsASeparatorNotAnError() throws {
        var bytes = Array("huiselijk".utf8) + [0xFF, 0xC3] + Array(" geweld".utf8) + [0xE2, 0x82]
        var tokens: [Token] = []
        try analyzer.analyze(utf8: bytes.span, into: &tokens)
        #expect(tokens.map(\.exact) == ["huiselijk", "geweld"])
        #expect(tokens.map(\.start) == [0, 12])
        bytes = [0xC0, 0x80, 0xED, 0xA0, 0x80]  // overlong NUL and a UTF-16 surrogate
        tokens = []
        try analyzer.analyze(utf8: bytes.span, into: &tokens)
        #expect(tokens.isEmpty)
    }

    @Test func emptyAndSeparatorOnlyTextGiveNoTokens() throws {
        #expect(try analyzer.analyze("").isEmpty)
        #expect(try analyzer.analyze(" \n\t– «» … ").isEmpty)
    }

    @Test func compatibilityForms() throws {
        #expect(try analyzer.analyze("\u{FF21}\u{FF22}\u{FF23}").map(\.exact) == ["abc"])  // fullwidth
        #expect(try analyzer.analyze("m\u{B2}").map(\.exact) == ["m2"])  // superscript two
        #expect(try analyzer.analyze("\u{2160}").map(\.exact) == ["i"])  // roman numeral one
    }

    @Test func repeatedAnalysisGivesTheSameResult() throws {
        let text = "EU-richtlijn en (on)veiligheid [1:  voetnoot] bij gemeentes"
        let first = try analyzer.analyze(text)
        _ = try analyzer.analyze("iets heel anders ertussen")
        #expect(try analyzer.analyze(text) == first)
    }

    @Test func positionsNeverDecreaseAndAlternativesShareTheirWordsPosition() throws {
        let text = try Fixtures.corpusLetter("kamerstuk-28345-252-voortgang-huiselijk-geweld.txt")
        let tokens = try analyzer.analyze(text)
        var previous: UInt32 = 0
        for (index, token) in tokens.enumerated() {
            #expect(token.position >= previous)
            if token.flags.contains(.alternative) {
                #expect(index > 0 && tokens[index - 1].position == token.position)
            }
            previous = token.position
        }
    }
}

/// Inputs the fuzzer (bench/Fuzz) found to trap, kept as regression tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test func nestedFootnoteBodiesAreOneBody() throws {
        // A footnote body inside a footnote body once produced overlapping ranges, and the
        // tokeniser trapped on a range whose end lay before its start.
        let tokens = try Analyzer().analyze("tekst [1: noot [2: binnen] nog] verder")
        #expect(tokens.map { "\($0.position) \($0.exact)" } == ["0 tekst", "1 verder", "3 noot", "4 2", "5 binnen", "6 nog"])
    }
}
