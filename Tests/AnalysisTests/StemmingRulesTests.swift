import Testing
@testable import Analysis

/// Our rules around Porter's stemmer (ANALYSIS.md, "Our own rules"): each pair must meet
/// or stay apart exactly as listed.
@Suite("Stemming rules")
struct StemmingRulesTests {
    let analyzer: Analyzer

    init() throws { analyzer = try Analyzer() }

    func stem(_ word: String) -> String { analyzer.stem(ofFoldedWord: word) }

    @Test(arguments: [
        ("gemeentes", "gemeenten"), ("gemeente", "gemeenten"),
        ("ministeries", "ministerie"), ("procedures", "procedure"),
        ("brieven", "brief"), ("huizen", "huis"), ("straffen", "straf"), ("bedrijven", "bedrijf"),
        ("kinderen", "kind"), ("eieren", "ei"), ("regio's", "regio"), ("maatregelen", "maatregel"),
        ("processen", "proces"), ("adressen", "adres"), ("reizen", "reis"),
    ])
    func formsMeet(_ pair: (String, String)) {
        #expect(stem(pair.0) == stem(pair.1), "\(pair.0) → \(stem(pair.0)), \(pair.1) → \(stem(pair.1))")
    }

    @Test(arguments: [
        ("weten", "wet"), ("weet", "wet"), ("meten", "met"), ("meet", "met"),
        ("proces", "proce"), ("adres", "adre"), ("gemeenten", "mening"),
    ])
    func formsStayApart(_ pair: (String, String)) {
        #expect(stem(pair.0) != stem(pair.1), "\(pair.0) and \(pair.1) both → \(stem(pair.0))")
    }

    @Test func exactStems() {
        #expect(stem("gemeentes") == "gemeent")
        #expect(stem("ministeries") == "ministerie")
        #expect(stem("brieven") == "brief")
        #expect(stem("huizen") == "huis")
        #expect(stem("kinderen") == "kinder")
        #expect(stem("kind") == "kinder")
        #expect(stem("weten") == "weet")
        #expect(stem("meten") == "meet")
        #expect(stem("fiets") == "fiets")
        #expect(stem("bromfiets") == "bromfiets")
        #expect(stem("ei") == "eier")
        #expect(stem("wetten") == "wet")
        #expect(stem("proces") == "proces")
        #expect(stem("adres") == "adres")
    }

    @Test func pluralPreRuleNeedsAKnownSingular() {
        #expect(DutchStemmer.applyPreRules("gemeentes") == "gemeente")
        #expect(DutchStemmer.applyPreRules("ministeries") == "ministerie")
        #expect(DutchStemmer.applyPreRules("proces") == "proces")
        #expect(DutchStemmer.applyPreRules("adres") == "adres")
        #expect(DutchStemmer.applyPreRules("mes") == "mes")
        #expect(DutchStemmer.applyPreRules("regio's") == "regio")
    }

    @Test func postRulesLeaveShortStemsAlone() {
        var short = Array("zz".utf8)
        DutchStemmer.applyPostRules(&short)
        #expect(short == Array("zz".utf8))
        var long = Array("straff".utf8)
        DutchStemmer.applyPostRules(&long)
        #expect(long == Array("straf".utf8))
        var vowels = Array("idee".utf8)
        DutchStemmer.applyPostRules(&vowels)
        #expect(vowels == Array("idee".utf8))
    }

    @Test func stopWordListIsSnowballs() {
        #expect(DutchStopWords.words.count == 101)
        for word in ["de", "van", "het", "om", "een", "andere", "geweest"] {
            #expect(DutchStopWords.contains(word))
        }
        #expect(!DutchStopWords.contains("geweld"))
    }

    @Test func identityIsRecordedAndComparable() throws {
        let identity = analyzer.identity
        #expect(identity.rulesVersion == DutchStemmer.rulesVersion * 1000 + Analyzer.tokenizerVersion)
        #expect(!identity.stemmerFingerprint.isEmpty)
        #expect(identity.description.contains("stemmer=\(identity.algorithm)"))
        let other = try Analyzer().identity
        #expect(identity.producesSameTerms(as: other))
        var changedRules = identity
        changedRules.rulesVersion += 1
        #expect(!identity.producesSameTerms(as: changedRules))
    }
}
