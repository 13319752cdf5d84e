import Testing
@testable import Analysis

/// The five letters in Corpus/ carry every artefact of ANALYSIS.md; these tests check the
/// artefacts are gone from the terms and the words around them are whole.
@Suite("Corpus letters")
struct CorpusLetterTests {
    static let letters = [
        "antwoorden-kamervragen-grevio-2025Z19210.txt",
        "voortgangsbrief-huiselijk-geweld-2025.txt",
        "kamerstuk-28345-252-voortgang-huiselijk-geweld.txt",
        "verzamelbrief-zeden-en-onveiligheid-vrouwen-2024.md",
        "bijlage-1-voortgang-aanpak-huiselijk-geweld.txt",
    ]

    @Test(arguments: letters)
    func everyTokenSlicesTheOriginalAndNoExportArtefactBecomesATerm(_ name: String) throws {
        let text = try Fixtures.corpusLetter(name)
        let utf8 = Array(text.utf8)
        let tokens = try Analyzer().analyze(text)
        #expect(tokens.count > 1000)
        for token in tokens {
            #expect(token.start < token.end && token.end <= utf8.count)
            #expect(!token.exact.isEmpty && token.exact.utf8.count <= Tokenizer.maximumTermLength * Tokenizer.maximumConcatenatedParts)
        }
        let terms = Set(tokens.map(\.exact))
        // URLs written out in the text (`https://…`) are text; these are export syntax.
        let artefacts = ["bookmark", "footnoteref", "hlk205377714", "hlk214286069", "sup"].filter(terms.contains)
        #expect(artefacts.isEmpty, "export artefacts became terms: \(artefacts)")
    }

    @Test func pdfLetterJoinsLineBreakHyphens() throws {
        let text = try Fixtures.corpusLetter("kamerstuk-28345-252-voortgang-huiselijk-geweld.txt")
        let terms = Set(try Analyzer().analyze(text).map(\.exact))
        for joined in ["professionals", "kindermishandeling", "projectleiders", "ouderenmishandeling", "impactmonitor", "verweyjonker", "28345"] {
            #expect(terms.contains(joined), "\(joined) missing")
        }
        for fragment in ["professio", "nals", "kindermishan", "deling", "ondersteu", "leiders"] {
            #expect(!terms.contains(fragment), "\(fragment) left as a term")
        }
    }

    @Test func wordExportFootnoteBodiesDoNotBreakTheSentence() throws {
        let text = try Fixtures.corpusLetter("voortgangsbrief-huiselijk-geweld-2025.txt")
        let tokens = try Analyzer().analyze(text).filter { !$0.flags.contains(.alternative) }
        // "… bestrijdt het kabinet fataal geweld tegen [2: …] … [5: …] vrouwen en meisjes"
        let words = tokens.map(\.exact)
        let phrase = ["fataal", "geweld", "tegen", "vrouwen", "en", "meisjes"]
        let found = words.indices.contains { start in
            start + phrase.count <= words.count && Array(words[start ..< start + phrase.count]) == phrase
                && tokens[start + phrase.count - 1].position - tokens[start].position == UInt32(phrase.count - 1)
        }
        #expect(found)
    }

    @Test func markdownLetterKeepsWordsAndDropsSyntax() throws {
        let text = try Fixtures.corpusLetter("verzamelbrief-zeden-en-onveiligheid-vrouwen-2024.md")
        let tokens = try Analyzer().analyze(text)
        let terms = Set(tokens.map(\.exact))
        #expect(terms.isSuperset(of: ["onveiligheid", "veiligheid", "24", "7", "hulplijn", "om", "5896071"]))
        #expect(tokens.contains { $0.exact == "om" && $0.flags.contains(.acronym) && !$0.isStopWord })
    }
}
