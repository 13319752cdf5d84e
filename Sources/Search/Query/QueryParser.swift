import Ingest

/// Parses the query language of docs/QUERY.md into a ``Query``.
///
/// Grammar (OR binds loosest; terms side by side are ANDed):
///
///     query   := or
///     or      := and ("OR" and)*
///     and     := unary ("AND"? unary)*
///     unary   := ("-" | "NOT") unary | primary
///     primary := "(" or ")" | field | phrase | word | prefix
///     field   := "titel:" primary | "soort:" word | "dossier:" number
///              | "datum:" range | "jaar:" years
///
/// Errors carry the position of the problem; nothing a user can type makes it crash or
/// recurse without bound (nesting is capped).
public struct QueryParser {
    /// Deeper nesting than this is refused: no real query needs it, and a hostile one must
    /// not exhaust the stack.
    public static let maximumNesting = 32

    private let query: String
    private var lexemes: [QueryLexeme] = []
    private var index = 0
    private var depth = 0

    public init(_ query: String) {
        self.query = query
    }

    /// Parses the query. An empty query (or one of only dashes and spaces) gives nil.
    public static func parse(_ query: String) throws -> Query? {
        var parser = QueryParser(query)
        return try parser.parse()
    }

    public mutating func parse() throws -> Query? {
        var lexer = QueryLexer(query)
        lexemes = try lexer.lexemes()
        index = 0
        guard !lexemes.isEmpty else { return nil }
        let result = try parseOr()
        if index < lexemes.count {
            let stray = lexemes[index]
            throw QueryParseError(stray.kind == .close ? .unmatchedClose : .unexpectedText, at: stray.start, in: query)
        }
        return result
    }

    /// A filter given apart from the query (an HTTP parameter, `type=Brief`), read exactly
    /// as the query language reads `name:value`: `dossier` `28 345` is `dossier:28 345`,
    /// `type` `Brief` is `soort:brief`, a date is `datum:`'s. `name` is any spelling of a
    /// filter field (`soort`, `type`, `dossier`, `datum`, `date`, `jaar`, `year`); nil for
    /// anything else (`titel` is not a filter). Throws what the query would throw, with
    /// positions in `value`, and also when `value` holds more than the one value.
    public static func filter(_ name: String, value: String) throws -> Query? {
        guard let field = QueryField(name: name), field != .title else { return nil }
        var parser = QueryParser(value)
        var lexer = QueryLexer(value)
        // The value as the lexer reads it after `name:`, with the field lexeme in front.
        let values = try lexer.lexemes()
        let start = values.first?.start ?? 0
        parser.lexemes = [QueryLexeme(kind: .field(field), start: start, end: start)] + values
        parser.index = 1
        let filter = try parser.fieldValue(field, at: parser.lexemes[0])
        if let stray = parser.current {
            throw QueryParseError(.moreThanOneValue, at: stray.start, in: value)
        }
        return filter
    }

    private var current: QueryLexeme? { index < lexemes.count ? lexemes[index] : nil }

    private mutating func parseOr() throws -> Query? {
        var alternatives: [Query] = []
        if let first = try parseAnd() { alternatives.append(first) }
        while let lexeme = current, lexeme.kind == .or {
            index += 1
            if let next = try parseAnd() { alternatives.append(next) }
        }
        return Self.combine(alternatives, or: true)
    }

    private mutating func parseAnd() throws -> Query? {
        var parts: [Query] = []
        while let lexeme = current {
            switch lexeme.kind {
            case .or, .close: return Self.combine(parts, or: false)
            case .and: index += 1
            default: if let part = try parseUnary() { parts.append(part) }
            }
        }
        return Self.combine(parts, or: false)
    }

    private mutating func parseUnary() throws -> Query? {
        guard let lexeme = current else { return nil }
        if lexeme.kind == .minus || lexeme.kind == .not {
            index += 1
            guard let operand = try nested({ try $0.parseUnary() }) else { return nil }
            if case .not(let inner) = operand { return inner }  // `--x` is x
            return .not(operand)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> Query? {
        guard let lexeme = current else { return nil }
        index += 1
        switch lexeme.kind {
        case .open:
            let inner = try nested { try $0.parseOr() }
            guard let close = current, close.kind == .close else {
                throw QueryParseError(.unclosedGroup, at: lexeme.start, in: query)
            }
            index += 1
            guard let inner else {
                throw QueryParseError(.emptyGroup, at: lexeme.start, in: query)
            }
            _ = close
            return inner
        case .close:
            throw QueryParseError(.unmatchedClose, at: lexeme.start, in: query)
        case .phrase(let text, let slop):
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                throw QueryParseError(.emptyPhrase, at: lexeme.start, in: query)
            }
            return .phrase(text, slop: slop ?? 0)
        case .word(let text, let star):
            return try word(text, star: star, at: lexeme.start)
        case .field(let field):
            return try fieldValue(field, at: lexeme)
        case .minus, .not, .and, .or:
            // The lexer only leaves these where an operand follows; treat defensively.
            return nil
        }
    }

    private mutating func nested(_ body: (inout QueryParser) throws -> Query?) throws -> Query? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumNesting else {
            throw QueryParseError(.nestedTooDeeply, at: current?.start ?? 0, in: query)
        }
        return try body(&self)
    }

    private func word(_ text: String, star: Bool, at position: Int) throws -> Query? {
        if star {
            let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
            guard letters >= 2 else {
                throw QueryParseError(.shortPrefix, at: position, in: query)
            }
            return .prefix(text)
        }
        // A word with nothing searchable in it (`&`, `…`) is punctuation.
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return nil }
        return .word(text)
    }

    // MARK: Fields

    private mutating func fieldValue(_ field: QueryField, at lexeme: QueryLexeme) throws -> Query? {
        if field == .title {
            guard let value = try nested({ try $0.parsePrimary() }) else {
                throw QueryParseError(.titleWithoutValue, at: lexeme.start, in: query)
            }
            return .title(value)
        }
        guard let valueLexeme = current, case .word(let text, _) = valueLexeme.kind, valueLexeme.start == lexeme.end else {
            throw QueryParseError(.fieldWithoutValue(fieldName(field)), at: lexeme.end, in: query)
        }
        index += 1
        switch field {
        case .type:
            let type = text.lowercased()
            guard Self.documentTypes.contains(type) else {
                throw QueryParseError(.unknownType(text, known: Self.documentTypes.sorted()), at: valueLexeme.start, in: query)
            }
            return .type(type)
        case .dossier:
            return .dossier(try dossierNumber(text, at: valueLexeme.start))
        case .date:
            return .date(try Self.dayRange(text, years: false, at: valueLexeme.start, in: query))
        case .year:
            return .date(try Self.dayRange(text, years: true, at: valueLexeme.start, in: query))
        case .title:
            return nil
        }
    }

    /// The vocabulary of `soort:` (docs/DOCUMENT_TYPES.md): any other value can match
    /// nothing, so it is an error rather than an empty result.
    static let documentTypes = Set(DocumentType.allCases.map(\.rawValue))

    private func fieldName(_ field: QueryField) -> String {
        switch field {
        case .title: return "titel:"
        case .type: return "soort:"
        case .dossier: return "dossier:"
        case .date: return "datum:"
        case .year: return "jaar:"
        }
    }

    /// `36658`, `36 658` (the three digits come as the next word), `36600-VI`.
    private mutating func dossierNumber(_ text: String, at position: Int) throws -> String {
        var digits = text
        var suffix = ""
        if let hyphen = text.firstIndex(of: "-") {
            digits = String(text[..<hyphen])
            suffix = String(text[text.index(after: hyphen)...]).uppercased()
        }
        if digits.count == 2, suffix.isEmpty, digits.allSatisfy(\.isASCIIDigit),
           let next = current, case .word(let rest, false) = next.kind, rest.count == 3, rest.allSatisfy(\.isASCIIDigit) {
            index += 1
            digits += rest
        }
        guard !digits.isEmpty, digits.count <= 8, digits.allSatisfy(\.isASCIIDigit),
              suffix.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw QueryParseError(.invalidDossier, at: position, in: query)
        }
        return suffix.isEmpty ? digits : "\(digits)-\(suffix)"
    }

    /// `2024-01-01..2024-12-31`, `2024-03` (a month), `2024` (a year), open ends with `..`.
    static func dayRange(_ text: String, years: Bool, at position: Int, in query: String) throws -> DayRange {
        let bounds = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count <= 2 else {
            throw QueryParseError(.tooManyDateRanges(years: years), at: position, in: query)
        }
        func parse(_ bound: String, end: Bool) throws -> Day? {
            if bound.isEmpty { return nil }
            let fields = bound.split(separator: "-", omittingEmptySubsequences: false)
            let numbers = fields.map { $0.allSatisfy(\.isASCIIDigit) && !$0.isEmpty && $0.count <= 4 ? Int($0) : nil }
            guard !numbers.contains(nil), (1 ... (years ? 1 : 3)).contains(numbers.count), fields[0].count == 4 else {
                throw QueryParseError(.notADate(bound, years: years), at: position, in: query)
            }
            let year = numbers[0]!
            let month = numbers.count > 1 ? numbers[1]! : (end ? 12 : 1)
            let day = numbers.count > 2 ? numbers[2]! : (end ? (1 ... 12).contains(month) ? Day.daysIn(month: month, year: year) : 31 : 1)
            guard let result = Day(year: year, month: month, day: day) else {
                throw QueryParseError(.noSuchDate(bound), at: position, in: query)
            }
            return result
        }
        if bounds.count == 1 {
            // One date stands for its whole period: a year, a month or a day.
            let range = DayRange(from: try parse(bounds[0], end: false), to: try parse(bounds[0], end: true))
            guard range.from != nil else { throw QueryParseError(.missingDate(years: years), at: position, in: query) }
            return range
        }
        let range = DayRange(from: try parse(bounds[0], end: false), to: try parse(bounds[1], end: true))
        guard range.from != nil || range.to != nil else {
            throw QueryParseError(.emptyDateRange(years: years), at: position, in: query)
        }
        if let from = range.from, let to = range.to, from > to {
            throw QueryParseError(.backwardDateRange, at: position, in: query)
        }
        return range
    }

    private static func combine(_ parts: [Query], or: Bool) -> Query? {
        var flat: [Query] = []
        for part in parts {
            switch (part, or) {
            case (.or(let inner), true), (.and(let inner), false): flat.append(contentsOf: inner)
            default: flat.append(part)
            }
        }
        switch flat.count {
        case 0: return nil
        case 1: return flat[0]
        default: return or ? .or(flat) : .and(flat)
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
