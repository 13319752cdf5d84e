import Search

/// The query parser's problems as the search page words them (the parser's own words,
/// ``QueryParseError/Problem/message``, are English, for the CLI and the API). Lower case:
/// they follow "De zoekvraag kan niet gelezen worden:" or a field's name.
extension QueryParseError.Problem {
    var dutch: String {
        switch self {
        case .unclosedPhrase: "deze woordgroep heeft geen afsluitend aanhalingsteken"
        case .missingProximity: "na ~ hoort een getal (zoals in \"huiselijk geweld\"~3)"
        case .proximityTooLarge(let value): "nabijheid ~\(value) is te groot; gebruik hoogstens ~100"
        case .proximityOnAWord(let number): "~\(number) geldt alleen voor een woordgroep: schrijf \"a b\"~\(number)"
        case .unmatchedClose: "bij deze ) hoort geen ("
        case .unexpectedText: "onverwachte tekst"
        case .unclosedGroup: "deze ( wordt nergens gesloten"
        case .emptyGroup: "er staat niets tussen deze haakjes"
        case .emptyPhrase: "deze woordgroep bevat geen woorden"
        case .nestedTooDeeply: "de zoekvraag is te diep genest (meer dan \(QueryParser.maximumNesting) niveaus)"
        case .shortPrefix: "zoeken op het begin van een woord vraagt minstens 2 letters voor de *"
        case .titleWithoutValue: "na titel: hoort een woord, een woordgroep of een groep"
        case .fieldWithoutValue(let field): "na \(field) hoort direct een waarde"
        case let .unknownType(type, known): "er is geen documentsoort \(type); de soorten zijn \(known.joined(separator: ", "))"
        case .invalidDossier: "een dossiernummer bestaat uit cijfers, zoals 36658 of 36 658"
        case .tooManyDateRanges(let years): "een periode heeft één .. erin, zoals \(Self.dateExample(years))"
        case let .notADate(text, years): "\(text) is geen datum (gebruik \(Self.dateExample(years)))"
        case .noSuchDate(let text): "de datum \(text) bestaat niet"
        case .missingDate(let years): "er ontbreekt een datum (gebruik \(Self.dateExample(years)))"
        case .emptyDateRange(let years): "een periode heeft minstens één datum nodig (gebruik \(Self.dateExample(years)))"
        case .backwardDateRange: "deze periode eindigt voordat hij begint"
        case .moreThanOneValue: "hier past maar één waarde"
        case .rangeInsteadOfOneDate: "hier hoort één datum, zoals 2024-03-15, geen periode"
        }
    }

    private static func dateExample(_ years: Bool) -> String {
        years ? "jaar:2024 of jaar:2020..2022" : "2024-03-15, 2024-03 of 2024"
    }
}
