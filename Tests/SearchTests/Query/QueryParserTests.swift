import Testing
@testable import Search

private func parse(_ query: String) throws -> Query? { try QueryParser.parse(query) }

private func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

@Suite("Query parser")
struct QueryParserTests {
    @Test func wordsAreAndedByDefault() throws {
        #expect(try parse("huiselijk geweld") == .and([.word("huiselijk"), .word("geweld")]))
        #expect(try parse("geweld") == .word("geweld"))
        #expect(try parse("huiselijk AND geweld") == .and([.word("huiselijk"), .word("geweld")]))
        #expect(try parse("+huiselijk +geweld") == .and([.word("huiselijk"), .word("geweld")]))
    }

    /// ASCII white space is answered without Unicode's tables; the rest still separates.
    @Test func everyKindOfWhiteSpaceSeparatesWords() throws {
        let both = Query.and([.word("huiselijk"), .word("geweld")])
        for separator in [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{FEFF}"] {
            #expect(try parse("huiselijk\(separator)geweld") == both, "separator \(separator.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Not white space: control characters outside it stay inside the word.
        #expect(try parse("huiselijk\u{1F}geweld") == .word("huiselijk\u{1F}geweld"))
        #expect(try parse("Ĳsselmeer café") == .and([.word("Ĳsselmeer"), .word("café")]))
        #expect(try parse("\"weg  \u{00A0}van\"") == .phrase("weg  \u{00A0}van", slop: 0))
    }

    @Test func orBindsLooserThanAnd() throws {
        #expect(try parse("huiselijk geweld OR kindermishandeling") ==
            .or([.and([.word("huiselijk"), .word("geweld")]), .word("kindermishandeling")]))
        #expect(try parse("a OR b OR c") == .or([.word("a"), .word("b"), .word("c")]))
        #expect(try parse("(huiselijk OR seksueel) geweld") ==
            .and([.or([.word("huiselijk"), .word("seksueel")]), .word("geweld")]))
    }

    @Test func negation() throws {
        #expect(try parse("geweld -femicide") == .and([.word("geweld"), .not(.word("femicide"))]))
        #expect(try parse("geweld NOT femicide") == .and([.word("geweld"), .not(.word("femicide"))]))
        #expect(try parse("geweld -\"huiselijk geweld\"") == .and([.word("geweld"), .not(.phrase("huiselijk geweld", slop: 0))]))
        #expect(try parse("geweld -(a OR b)") == .and([.word("geweld"), .not(.or([.word("a"), .word("b")]))]))
        #expect(try parse("--geweld") == .not(.word("geweld")))  // a run of dashes is one minus
        #expect(try parse("NOT -geweld") == .word("geweld"))
        #expect(try parse("geweld - femicide") == .and([.word("geweld"), .word("femicide")]))
    }

    @Test func hyphenInsideAWordIsNotNegation() throws {
        #expect(try parse("wiskunde-onderwijs") == .word("wiskunde-onderwijs"))
        #expect(try parse("EU-richtlijn -EU") == .and([.word("EU-richtlijn"), .not(.word("EU"))]))
    }

    @Test func phrases() throws {
        #expect(try parse("\"huiselijk geweld\"") == .phrase("huiselijk geweld", slop: 0))
        #expect(try parse("\"huiselijk geweld\"~3") == .phrase("huiselijk geweld", slop: 3))
        #expect(try parse("\u{201C}van Dijk\u{201D} motie") == .and([.phrase("van Dijk", slop: 0), .word("motie")]))
    }

    @Test func prefixes() throws {
        #expect(try parse("kindermis*") == .prefix("kindermis"))
        #expect(try parse("kinder** opvang") == .and([.prefix("kinder"), .word("opvang")]))
    }

    @Test func fields() throws {
        #expect(try parse("titel:femicide") == .title(.word("femicide")))
        #expect(try parse("titel:\"huiselijk geweld\"") == .title(.phrase("huiselijk geweld", slop: 0)))
        #expect(try parse("titel:(a OR b)") == .title(.or([.word("a"), .word("b")])))
        #expect(try parse("soort:Brief geweld") == .and([.type("brief"), .word("geweld")]))
        #expect(try parse("type:motie") == .type("motie"))
        #expect(try parse("dossier:36658") == .dossier("36658"))
        #expect(try parse("dossier:36 658 geweld") == .and([.dossier("36658"), .word("geweld")]))
        #expect(try parse("dossier:36600-vi") == .dossier("36600-VI"))
    }

    @Test func dates() throws {
        #expect(try parse("datum:2024-01-01..2024-12-31") == .date(DayRange(from: day(2024, 1, 1), to: day(2024, 12, 31))))
        #expect(try parse("datum:2024") == .date(DayRange(from: day(2024, 1, 1), to: day(2024, 12, 31))))
        #expect(try parse("datum:2024-02") == .date(DayRange(from: day(2024, 2, 1), to: day(2024, 2, 29))))
        #expect(try parse("datum:2023-02") == .date(DayRange(from: day(2023, 2, 1), to: day(2023, 2, 28))))
        #expect(try parse("datum:2024-03-15") == .date(DayRange(from: day(2024, 3, 15), to: day(2024, 3, 15))))
        #expect(try parse("datum:2024-06-01..") == .date(DayRange(from: day(2024, 6, 1), to: nil)))
        #expect(try parse("datum:..2020") == .date(DayRange(from: nil, to: day(2020, 12, 31))))
        #expect(try parse("jaar:2024") == .date(DayRange(from: day(2024, 1, 1), to: day(2024, 12, 31))))
        #expect(try parse("jaar:2020..2022") == .date(DayRange(from: day(2020, 1, 1), to: day(2022, 12, 31))))
    }

    @Test func unknownFieldsAreText() throws {
        #expect(try parse("ECLI:NL:HR:2016:1234") == .word("ECLI:NL:HR:2016:1234"))
        #expect(try parse("artikel 1:253a") == .and([.word("artikel"), .word("1:253a")]))
    }

    @Test func operatorsWithoutOperandsAreWords() throws {
        #expect(try parse("OR") == .word("OR"))
        #expect(try parse("NOT") == .word("NOT"))
        #expect(try parse("geweld OR") == .and([.word("geweld"), .word("OR")]))
        #expect(try parse("AND geweld") == .and([.word("AND"), .word("geweld")]))
        #expect(try parse("of en de") == .and([.word("of"), .word("en"), .word("de")]))
    }

    @Test func emptyAndPunctuationOnlyQueries() throws {
        #expect(try parse("") == nil)
        #expect(try parse("   ") == nil)
        #expect(try parse(" - ") == nil)
        #expect(try parse("& …") == nil)
    }

    @Test(arguments: [
        ("\"huiselijk geweld", 0, "no closing quote"),
        ("geweld (huiselijk", 7, "never closed"),
        ("geweld)", 6, "no matching ("),
        ("geweld ()", 7, "Nothing between"),
        ("k*", 0, "at least 2 letters"),
        ("*", 0, "at least 2 letters"),
        ("\"\"", 0, "no words"),
        ("\"a b\"~", 5, "A number must follow"),
        ("\"a b\"~1000", 5, "too large"),
        // Proximity on a single word was searched as the word AND the number.
        ("geweld~3", 6, "~3 only applies to a phrase: write \"a b\"~3"),
        ("huiselijk geweld~12 OR x", 16, "~12 only applies to a phrase"),
        ("\"a b\" ~3", 6, "~3 only applies to a phrase"),
        ("titel:geweld~2", 12, "only applies to a phrase"),
        ("titel:", 0, "titel: needs"),
        ("soort: brief", 6, "needs a value"),
        ("dossier:abc", 8, "A dossier number"),
        ("soort:nonsense", 6, "There is no document type nonsense; the types are agenda, amendement, antwoord,"),
        ("datum:2024-13-01", 6, "no such date"),
        ("datum:2024-02-30", 6, "no such date"),
        ("datum:2025..2024", 6, "ends before it starts"),
        ("datum:24-01-01", 6, "Not a date"),
        ("datum:..", 6, "at least one date"),
        ("jaar:2024-01", 5, "Not a date"),
    ])
    func errorsPointAtTheProblem(_ example: (String, Int, String)) {
        do {
            _ = try parse(example.0)
            Issue.record("\(example.0) parsed")
        } catch let error as QueryParseError {
            #expect(error.position == example.1, "\(error)")
            #expect(error.message.contains(example.2), "\(error.message)")
            #expect(error.query == example.0)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// A filter given apart from the query (an HTTP parameter) reads as `name:value`.
    @Test func filtersGivenApart() throws {
        #expect(try QueryParser.filter("dossier", value: "28 345") == .dossier("28345"))
        #expect(try QueryParser.filter("dossier", value: " 36600-vi ") == .dossier("36600-VI"))
        #expect(try QueryParser.filter("soort", value: "Brief") == .type("brief"))
        #expect(try QueryParser.filter("datum", value: "2024-03") == .date(DayRange(from: day(2024, 3, 1), to: day(2024, 3, 31))))
        #expect(try QueryParser.filter("titel", value: "geweld") == nil)
        #expect(try QueryParser.filter("onbekend", value: "geweld") == nil)
        let extra = #expect(throws: QueryParseError.self) { try QueryParser.filter("dossier", value: "28345 geweld") }
        #expect(extra?.position == 6 && extra?.message == "Only one value is allowed here")
        let type = #expect(throws: QueryParseError.self) { try QueryParser.filter("type", value: "nonsense") }
        #expect(type?.position == 0 && type?.query == "nonsense")
        #expect(throws: QueryParseError.self) { try QueryParser.filter("datum", value: "2024-02-30") }
    }

    /// One date given apart from the query (`--since`, the API's `from` and `to`) is read
    /// by one reader, as `datum:` reads it, and becomes the filter `datum:` would.
    @Test func oneDateGivenApart() throws {
        #expect(try DayRange(oneDate: "2024-03-15") == DayRange(from: day(2024, 3, 15), to: day(2024, 3, 15)))
        #expect(try DayRange(oneDate: "2024-02") == DayRange(from: day(2024, 2, 1), to: day(2024, 2, 29)))
        #expect(try DayRange(oneDate: " 2023 ") == DayRange(from: day(2023, 1, 1), to: day(2023, 12, 31)))
        let range = #expect(throws: QueryParseError.self) { try DayRange(oneDate: "2024..2025") }
        #expect(range?.problem == .rangeInsteadOfOneDate && range?.position == 4)
        let missing = #expect(throws: QueryParseError.self) { try DayRange(oneDate: "2024-02-30") }
        #expect(missing?.problem == .noSuchDate("2024-02-30"))
        let two = #expect(throws: QueryParseError.self) { try DayRange(oneDate: "2024-03-15 2024-03-16") }
        #expect(two?.problem == .moreThanOneValue && two?.position == 11)
        for invalid in ["", "gisteren", "15-03-2024", "24-03-15", "２０２４-01-01", "jaar:2024"] {
            #expect(throws: QueryParseError.self, "\(invalid)") { try DayRange(oneDate: invalid) }
        }
        // The filter of a range is the filter of the same range in the query.
        let query = try #require(try QueryParser.filter("datum", value: "2024-02..2024-03-10"))
        #expect(DocumentFilter(query) == .dated(within: DayRange(from: day(2024, 2, 1), to: day(2024, 3, 10))))
        #expect(DocumentFilter.dated() == .date(from: 0, to: 9999_12_31))
    }

    @Test func errorDescriptionShowsACaret() throws {
        let error = #expect(throws: QueryParseError.self) { try parse("geweld (huiselijk") }
        #expect(error?.description == "This ( is never closed (at position 8)\n  geweld (huiselijk\n         ^")
    }

    @Test func deepNestingIsRefusedNotACrash() throws {
        let deep = String(repeating: "(", count: 1000) + "a" + String(repeating: ")", count: 1000)
        #expect(throws: QueryParseError.self) { try parse(deep) }
        let fine = String(repeating: "(", count: 10) + "a" + String(repeating: ")", count: 10)
        #expect(try parse(fine) == .word("a"))
        let negations = String(repeating: "-", count: 10_000) + "a"
        #expect(try parse(negations) == .not(.word("a")))
        let nots = String(repeating: "NOT ", count: 1000) + "a"
        #expect(throws: QueryParseError.self) { try parse(nots) }
    }

    @Test func filterOnlyQueries() throws {
        #expect(try parse("soort:brief jaar:2024")?.isFilterOnly == true)
        #expect(try parse("soort:brief geweld")?.isFilterOnly == false)
    }
}

@Suite("Query parser: parenthesised affixes")
struct QueryParserAffixTests {
    @Test func affixesAreWordsNotGroups() throws {
        #expect(try QueryParser.parse("(on)veiligheid") == .word("(on)veiligheid"))
        #expect(try QueryParser.parse("(ex-)partner geweld") == .and([.word("(ex-)partner"), .word("geweld")]))
        #expect(try QueryParser.parse("ouder(s)") == .word("ouder(s)"))
        #expect(try QueryParser.parse("(on) veiligheid") == .and([.word("on"), .word("veiligheid")]))
        #expect(try QueryParser.parse("geweld (huiselijk)") == .and([.word("geweld"), .word("huiselijk")]))
    }
}
