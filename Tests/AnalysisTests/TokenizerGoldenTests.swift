import Testing
@testable import Analysis

/// One row of the golden table: the analyzer's output on a short text, rendered compactly.
///
/// A rendered token is `position`, then `+` for a term at the previous word's position
/// (``TokenFlags/alternative``), the exact form, `=stem` when the stem differs, the kind in
/// brackets (`num`, `ide`, `acr`, `abb`) and `*` for a stop word. Example: `0+eurichtlijn`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: [String]

    init(_ name: String, _ input: String, _ expected: [String]) {
        self.name = name
        self.input = input
        self.expected = expected
    }

    var testDescription: String { name }
}

func render(_ tokens: [Token]) -> [String] {
    tokens.map { token in
        var rendered = "\(token.position)\(token.flags.contains(.alternative) ? "+" : " ")\(token.exact)"
        if token.stem != token.exact { rendered += "=\(token.stem)" }
        let kinds = token.flags.subtracting([.alternative, .stop]).names.map { String($0.prefix(3)) }
        if !kinds.isEmpty { rendered += "[\(kinds.joined(separator: ","))]" }
        if token.isStopWord { rendered += "*" }
        return rendered
    }
}

/// Every row of the artefact table in ANALYSIS.md, each with the tokens it must give.
/// Reviewed by hand against ANALYSIS.md; a change here is a change of the analyzer's
/// behaviour and needs a new rules version (``DutchStemmer/rulesVersion``).
let goldenCases: [GoldenCase] = [
        GoldenCase("line-break hyphen joined", "professio-\nnals weten", ["0 professionals=professional", "1 weten=weet"]),
        GoldenCase("line-break hyphen joined, trailing spaces", "kindermishan- \ndeling en", ["0 kindermishandeling=kindermishandel", "1 en*"]),
        GoldenCase("line-break hyphen, both capitalised", "Verwey-\nJonker Instituut", ["0 verwey", "0+verweyjonker", "1 jonker", "2 instituut=institut"]),
        GoldenCase("line-break hyphen before en", "zorg-\nen hulpverlening", ["0 zorg", "1 en*", "2 hulpverlening=hulpverlen"]),
        GoldenCase("line-break hyphen before of", "beroeps-\nof brancheorganisaties", ["0 beroeps=beroep", "1 of*", "2 brancheorganisaties=brancheorganisatie"]),
        GoldenCase("line-break hyphen before tot", "kinder-\ntot jeugdzorg", ["0 kinder", "1 tot*", "2 jeugdzorg"]),
        GoldenCase("line-break hyphen over a footnote line", "project-\n\n1 Raadpleegbaar via www.tweedekamer.nl\n leiders, zaken", ["0 projectleiders=projectleider", "1 zaken=zak", "3 1[num]", "4 raadpleegbaar=raadpleg", "5 via", "6 www", "7 tweedekamer", "8 nl"]),
        GoldenCase("line-break hyphen over a page footer", "ouderenmishan-\nTweede Kamer, vergaderjaar 2020–2021, 28 345, nr. 252 15\ndeling, waaronder", ["0 ouderenmishandeling=ouderenmishandel", "1 waaronder", "3 tweede=twed", "4 kamer", "5 vergaderjaar=vergaderjar", "6 2020[num]", "7 2021[num]", "8 28345[ide]", "9 nr", "10 252[num]", "11 15[num]"]),
        GoldenCase("line-break hyphen, uppercase after lowercase", "het onder-\nWijs", ["0 het*", "1 onder*", "2 wijs"]),
        GoldenCase("hyphen at line end before a digit", "periode 2021-\n2022 loopt", ["0 periode=period", "1 2021[num]", "2 2022[num]", "3 loopt"]),
        GoldenCase("elided compound part", "zorg- en veiligheidsorganisaties", ["0 zorg", "1 en*", "2 veiligheidsorganisaties"]),
        GoldenCase("real hyphen with acronym", "EU-richtlijn", ["0 eu[acr]", "0+eurichtlijn", "1 richtlijn"]),
        GoldenCase("real hyphen, space-separated first word", "Veilig Thuis-organisaties", ["0 veilig", "1 thuis", "1+thuisorganisaties", "2 organisaties=organisatie"]),
        GoldenCase("real hyphen, plain words", "wiskunde-onderwijs", ["0 wiskunde=wiskund", "0+wiskundeonderwijs", "1 onderwijs"]),
        GoldenCase("written together", "wiskundeonderwijs", ["0 wiskundeonderwijs"]),
        GoldenCase("four-part hyphen compound", "Van-Denken-naar-Doen", ["0 van*", "0+vandenkennaardoen", "0+vandenken=vandenk", "1 denken=denk", "1+denkennaar=denkennar", "2 naar=nar*", "2+naardoen", "3 doen*"]),
        GoldenCase("three-part hyphen compound", "wiskunde-onderwijs-beleid", ["0 wiskunde=wiskund", "0+wiskundeonderwijsbeleid", "0+wiskundeonderwijs", "1 onderwijs", "1+onderwijsbeleid", "2 beleid"]),
        GoldenCase("hyphen with acronyms on both sides", "POH-GGZ", ["0 poh[acr]", "0+pohggz[acr]", "1 ggz[acr]"]),
        GoldenCase("hyphen with a number part", "COVID-19", ["0 covid[acr]", "0+covid19[acr]", "1 19[num]"]),
        GoldenCase("parenthesised prefix", "(on)veiligheid", ["0 onveiligheid=onveil", "0+veiligheid=veilig"]),
        GoldenCase("parenthesised prefix with hyphen", "(ex-)partner", ["0 expartner", "0+partner"]),
        GoldenCase("parenthesised suffix", "ouder(s)", ["0 ouders=ouder", "0+ouder"]),
        GoldenCase("parenthesised first part", "(wijk)teams", ["0 wijkteams=wijkteam", "0+teams=team"]),
        GoldenCase("parentheses as ordinary brackets", "geweld (VT) en", ["0 geweld", "1 vt[acr]", "2 en*"]),
        GoldenCase("Word bookmark marker", "[bookmark: _Hlk205377714]De aanbevelingen", ["0 de*", "1 aanbevelingen=aanbevel"]),
        GoldenCase("Word footnote reference", "dagelijks.[footnoteRef:1] De impact", ["0 dagelijks=dagelijk", "1 de*", "2 impact"]),
        GoldenCase("Word footnote body moved behind the text", "geweld tegen  [2:  Kamerstukken II, 2024-2025, 36 658, nr. 1] \n\nvrouwen en meisjes", ["0 geweld", "1 tegen=teg*", "2 vrouwen=vrouw", "3 en*", "4 meisjes=meisj", "6 kamerstukken=kamerstuk", "7 ii[acr]", "8 2024[num]", "9 2025[num]", "10 36658[ide]", "11 nr", "12 1[num]"]),
        GoldenCase("two footnote bodies in a row", "tegen [3:  Kamerstuk A]  [4:  Petitie 116] vrouwen", ["0 tegen=teg*", "1 vrouwen=vrouw", "3 kamerstuk", "4 a", "6 petitie", "7 116[num]"]),
        GoldenCase("unclosed footnote bracket stays text", "zie [1: open haakje zonder einde", ["0 zie", "1 1[num]", "2 open", "3 haakje=haakj", "4 zonder*", "5 einde=eind"]),
        GoldenCase("sup footnote marker", "waarborgen'.<sup>2</sup> Daarnaast", ["0 waarborgen=waarborg", "1 daarnaast"]),
        GoldenCase("footnote digit glued to a word", "de werkende elementen6 van", ["0 de*", "1 werkende=werkend", "2 elementen=element", "3 van*"]),
        GoldenCase("two footnote digits glued to a word", "aanbieden12 en", ["0 aanbieden=aanbied", "1 en*"]),
        GoldenCase("digits in an acronym stay", "MH17 en CO2", ["0 mh17[acr]", "1 en*", "2 co2[acr]"]),
        GoldenCase("markdown bold", "**Datum** 19 november 2024", ["0 datum", "1 19[num]", "2 november", "3 2024[num]"]),
        GoldenCase("markdown bold italic heading", "### ***Nader antwoord***", ["0 nader", "1 antwoord"]),
        GoldenCase("markdown link", "[www.rijksoverheid.nl/jenv](http://www.rijksoverheid.nl/jenv) bezoeken", ["0 www", "1 rijksoverheid=rijksover", "2 nl", "3 jenv=jenf", "4 bezoeken=bezoek"]),
        GoldenCase("markdown italic", "het *digizine* over", ["0 het*", "1 digizine=digizin", "2 over*"]),
        GoldenCase("apostrophe s after a word", "regio's en thema’s", ["0 regio's=regio", "1 en*", "2 thema's=thema"]),
        GoldenCase("apostrophe s after a name", "Clare’s rapport", ["0 clare's=clar", "1 rapport"]),
        GoldenCase("'s-Gravenhage", "’s-Gravenhage", ["0 s", "0+sgravenhage=sgravenhag", "1 gravenhage=gravenhag"]),
        GoldenCase("inner apostrophe", "zo’n geval", ["0 zo'n", "1 geval"]),
        GoldenCase("quotes are separators", "‘Stop femicide!’ en «geweld» en “ook”", ["0 stop", "1 femicide=femicid", "2 en*", "3 geweld", "4 en*", "5 ook*"]),
        GoldenCase("abbreviation z.s.m.", "z.s.m. reageren", ["0 zsm[abb]", "1 reageren=reager"]),
        GoldenCase("abbreviations o.a. c.s. d.d.", "o.a. Becker c.s. d.d.24 oktober", ["0 oa[abb]", "1 becker", "2 cs[abb]", "3 dd[abb]", "4 24[num]", "5 oktober"]),
        GoldenCase("abbreviation without last dot", "januari j.l", ["0 januari", "1 jl[abb]"]),
        GoldenCase("acronym OM vs om", "het OM om te", ["0 het*", "1 om[acr]", "2 om*", "3 te*"]),
        GoldenCase("acronyms never stop words", "DE en de", ["0 de[acr]", "1 en*", "2 de*"]),
        GoldenCase("acronym with plus signs", "MDA++ werkt", ["0 mda++[acr]", "1 werkt"]),
        GoldenCase("acronym GREVIO", "GREVIO-rapport", ["0 grevio", "0+greviorapport", "1 rapport"]),
        GoldenCase("a long word in capitals is a word", "FEMICIDE en MAATREGELEN", ["0 femicide=femicid", "1 en*", "2 maatregelen=maatregel"]),
        GoldenCase("dossier number with space after Kamerstukken", "Kamerstukken II, 2024-2025, 36 658, nr. 1", ["0 kamerstukken=kamerstuk", "1 ii[acr]", "2 2024[num]", "3 2025[num]", "4 36658[ide]", "5 nr", "6 1[num]"]),
        GoldenCase("dossier number with space before nr", "31 015, nr. 205", ["0 31015[ide]", "1 nr", "2 205[num]"]),
        GoldenCase("dossier number in a running footer", "vergaderjaar 2020–2021, 28 345, nr. 252", ["0 vergaderjaar=vergaderjar", "1 2020[num]", "2 2021[num]", "3 28345[ide]", "4 nr", "5 252[num]"]),
        GoldenCase("postcode is not a dossier number", "Postbus 20301 2500 EH Den Haag", ["0 postbus", "1 20301[num]", "2 2500[num]", "3 eh[acr]", "4 den", "5 haag=hag"]),
        GoldenCase("dossier number written together", "dossier 36658", ["0 dossier", "1 36658[num]"]),
        GoldenCase("Kamervragen id", "(2025Z19210)", ["0 2025z19210[ide]"]),
        GoldenCase("KOOP identifiers", "kst-28345-252 ah-tk-20242025-594 kv-tk-2025Z19210", ["0 kst-28345-252[ide]", "1 ah-tk-20242025-594[ide]", "2 kv-tk-2025z19210[ide]"]),
        GoldenCase("ECLI", "ECLI:NL:HR:2016:1234.", ["0 ecli:nl:hr:2016:1234[ide]"]),
        GoldenCase("article number", "artikel 1:253a BW", ["0 artikel", "1 1:253a[ide]", "2 bw[acr]"]),
        GoldenCase("article in the code of criminal procedure", "artikel 509 hh Sv", ["0 artikel", "1 509[num]", "2 hh", "3 sv"]),
        GoldenCase("thousands separator", "990.000 mensen", ["0 990000[num]", "1 mensen=mens"]),
        GoldenCase("two thousands groups", "1.325.000 euro", ["0 1325000[num]", "1 euro"]),
        GoldenCase("decimal comma", "1,3 miljoen", ["0 1,3[num]", "1 miljoen"]),
        GoldenCase("percentage", "95% van", ["0 95[num]", "1 van*"]),
        GoldenCase("slash between numbers", "landelijke 24/7 hulplijn", ["0 landelijke=landelijk", "1 24[num]", "2 7[num]", "3 hulplijn"]),
        GoldenCase("en dash between years", "2025–2026", ["0 2025[num]", "1 2026[num]"]),
        GoldenCase("hyphen between years", "2024-2025", ["0 2024[num]", "1 2025[num]"]),
        GoldenCase("time with a dot", "15.30 uur", ["0 15.30[num]", "1 uur"]),
        GoldenCase("ordinal", "2e Kamer", ["0 2e[num]", "1 kamer"]),
        GoldenCase("no-break space", "12\u{A0}miljoen", ["0 12[num]", "1 miljoen"]),
        GoldenCase("soft hyphen inside a word", "beleids\u{AD}stuk", ["0 beleidsstuk"]),
        GoldenCase("zero-width space inside a word", "kinder\u{200B}opvang", ["0 kinderopvang"]),
        GoldenCase("BOM at the start", "\u{FEFF}Geachte voorzitter", ["0 geachte=geacht", "1 voorzitter"]),
        GoldenCase("NFC diacritics folded", "geïnformeerd coördinatie één", ["0 geinformeerd", "1 coordinatie", "2 een*"]),
        GoldenCase("NFD diacritics folded", "gei\u{308}nformeerd coo\u{308}rdinatie e\u{301}e\u{301}n", ["0 geinformeerd", "1 coordinatie", "2 een*"]),
        GoldenCase("ij ligature", "ĳs Ĳsselmeer", ["0 ijs", "1 ijsselmeer=ijsselmer"]),
        GoldenCase("fi ligature", "ﬁnanciële", ["0 financiele=financiel"]),
        GoldenCase("bullets are separators", "\u{F0B7} een · twee • drie – vier", ["0 een*", "1 twee", "2 drie", "3 vier"]),
        GoldenCase("dashes as separators", "aanpak – zo blijkt — werkt", ["0 aanpak", "1 zo*", "2 blijkt", "3 werkt"]),
        GoldenCase("uppercase sentence start", "Kinderen en volwassenen", ["0 kinderen=kinder", "1 en*", "2 volwassenen=volwassen"]),
        GoldenCase("stop words flagged", "van de het een", ["0 van*", "1 de*", "2 het*", "3 een*"]),
        GoldenCase("euro sign and section sign", "€ 12 miljoen § 3", ["0 12[num]", "1 miljoen", "2 3[num]"]),
        GoldenCase("URL splits at dots", "www.tweedekamer.nl", ["0 www", "1 tweedekamer", "2 nl"]),
        GoldenCase("e-mail address", "info@minjenv.nl", ["0 info", "1 minjenv=minjenf", "2 nl"]),
        GoldenCase("long run cut into terms", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["0 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1 aaaaaa"]),
]

@Suite("Tokeniser golden table")
struct TokenizerGoldenTests {
    @Test(arguments: goldenCases)
    func tokens(_ golden: GoldenCase) throws {
        let analyzer = try Analyzer()
        #expect(render(try analyzer.analyze(golden.input)) == golden.expected)
    }

    @Test func tableIsLargeEnough() {
        #expect(goldenCases.count >= 60)
    }
}
