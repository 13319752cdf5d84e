/// One lexical unit of a query, with its place (Unicode scalar offsets) for errors.
struct QueryLexeme: Equatable {
    enum Kind: Equatable {
        case open, close
        /// A bare word; `star` when it ended in `*`.
        case word(String, star: Bool)
        /// `"…"`, with the `~N` that followed it, if any.
        case phrase(String, slop: Int?)
        /// `-` (or `NOT`) directly before an operand.
        case minus
        case and, or, not
        /// `titel:`, `soort:`, …: the canonical field name; the value follows.
        case field(QueryField)
    }

    var kind: Kind
    var start: Int
    var end: Int
}

/// The fields a query can name, with the Dutch and English spellings users type.
enum QueryField: String, Equatable {
    case title, type, dossier, date, year

    init?(name: String) {
        switch name.lowercased() {
        case "titel", "title": self = .title
        case "soort", "type": self = .type
        case "dossier": self = .dossier
        case "datum", "date": self = .date
        case "jaar", "year": self = .year
        default: return nil
        }
    }
}

/// Splits a query into lexemes. Lenient where it can be: an unknown `name:` stays part of
/// the word (`ECLI:NL:HR:2016:1234`), and `AND`/`OR`/`NOT` are operators only where they
/// have operands, so a query of just `OR` searches the word.
struct QueryLexer {
    private let scalars: [Unicode.Scalar]
    private let query: String
    private var index = 0

    /// Phrases may say at most this much about distance; more means "anywhere", which is AND.
    static let maximumSlop = 100

    init(_ query: String) {
        self.query = query
        scalars = Array(query.unicodeScalars)
    }

    mutating func lexemes() throws -> [QueryLexeme] {
        var result: [QueryLexeme] = []
        while let lexeme = try next() { result.append(lexeme) }
        return Self.demoteOperatorsWithoutOperands(result)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII answered without the Unicode property tables, whose look-up costs
        // hundreds of instructions a character: tab to carriage return and the space are
        // ASCII's White_Space.
        if scalar.isASCII { return scalar == " " || (0x09 ... 0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{201E}" || scalar == "\u{00AB}" || scalar == "\u{00BB}"
    }

    private static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar) || scalar == "(" || scalar == ")" || isQuote(scalar)
    }

    private mutating func next() throws -> QueryLexeme? {
        while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count else { return nil }
        let start = index
        let scalar = scalars[index]
        switch scalar {
        case "(":
            if let end = parenthesisedAffixEnd(from: start) {
                // `(on)veiligheid`: a word with an optional part, not a group.
                index = end
                return wordLexeme(start: start, end: end)
            }
            index += 1
            return QueryLexeme(kind: .open, start: start, end: index)
        case ")":
            index += 1
            return QueryLexeme(kind: .close, start: start, end: index)
        case "-", "+":
            var cursor = index
            while cursor < scalars.count, scalars[cursor] == "-" || scalars[cursor] == "+" { cursor += 1 }
            let negates = scalars[index ..< cursor].contains("-")
            index = cursor
            if cursor < scalars.count, !Self.isSpace(scalars[cursor]), scalars[cursor] != ")" {
                // `-word`: exclusion; `+word`: required, which every term already is.
                return negates ? QueryLexeme(kind: .minus, start: start, end: index) : try next()
            }
            // A dash on its own is punctuation, not an operator.
            return try next()
        default:
            if Self.isQuote(scalar) { return try phrase(startingAt: start) }
            return try word(startingAt: start)
        }
    }

    private mutating func phrase(startingAt start: Int) throws -> QueryLexeme {
        index += 1
        let contentStart = index
        while index < scalars.count, !Self.isQuote(scalars[index]) { index += 1 }
        guard index < scalars.count else {
            throw QueryParseError(.unclosedPhrase, at: start, in: query)
        }
        let text = Self.string(scalars[contentStart ..< index])
        index += 1
        var slop: Int?
        if index < scalars.count, scalars[index] == "~" {
            let tildeAt = index
            index += 1
            var digits = ""
            while index < scalars.count, ("0" ... "9").contains(scalars[index]) {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard let value = Int(digits.prefix(6)), digits.count <= 6 else {
                throw QueryParseError(.missingProximity, at: tildeAt, in: query)
            }
            guard value <= Self.maximumSlop else {
                throw QueryParseError(.proximityTooLarge(value), at: tildeAt, in: query)
            }
            slop = value
        }
        return QueryLexeme(kind: .phrase(text, slop: slop), start: start, end: index)
    }

    private mutating func word(startingAt start: Int) throws -> QueryLexeme {
        while index < scalars.count, !Self.endsWord(scalars[index]) {
            if scalars[index] == ":", let field = QueryField(name: Self.string(scalars[start ..< index])) {
                index += 1
                return QueryLexeme(kind: .field(field), start: start, end: index)
            }
            index += 1
        }
        try refuseProximityOnAWord(start: start, end: index)
        // `ouder(s)`: an optional ending in parentheses belongs to the word.
        if index < scalars.count, scalars[index] == "(", let end = parenthesisedSuffixEnd(from: index) {
            index = end
        }
        return wordLexeme(start: start, end: index)
    }

    /// `geweld~3` (or `~3` standing apart from its phrase): proximity is a distance between
    /// a phrase's words, and a word alone has none. Read as text it would search `geweld`
    /// AND `3`, which is never what was meant, so it is an error at the `~`.
    private func refuseProximityOnAWord(start: Int, end: Int) throws {
        var tilde = end
        while tilde > start, ("0" ... "9").contains(scalars[tilde - 1]) { tilde -= 1 }
        guard tilde < end, tilde > start, scalars[tilde - 1] == "~" else { return }
        let number = String(String.UnicodeScalarView(scalars[tilde ..< end]))
        throw QueryParseError(.proximityOnAWord(number), at: tilde - 1, in: query)
    }

    /// `(letters)` or `(letters-)` directly followed by a word character: the end of the
    /// whole word, or nil.
    private func parenthesisedAffixEnd(from open: Int) -> Int? {
        var cursor = open + 1
        while cursor < scalars.count, scalars[cursor].properties.isAlphabetic { cursor += 1 }
        guard cursor > open + 1, cursor < scalars.count else { return nil }
        if scalars[cursor] == "-" { cursor += 1 }
        guard cursor + 1 < scalars.count, scalars[cursor] == ")", !Self.endsWord(scalars[cursor + 1]) else { return nil }
        cursor += 1
        while cursor < scalars.count, !Self.endsWord(scalars[cursor]) { cursor += 1 }
        return cursor
    }

    /// `(letters)` right after a word and followed by a word end: the end, or nil.
    private func parenthesisedSuffixEnd(from open: Int) -> Int? {
        var cursor = open + 1
        while cursor < scalars.count, scalars[cursor].properties.isAlphabetic { cursor += 1 }
        guard cursor > open + 1, cursor < scalars.count, scalars[cursor] == ")" else { return nil }
        cursor += 1
        return cursor == scalars.count || Self.endsWord(scalars[cursor]) ? cursor : nil
    }

    private func wordLexeme(start: Int, end: Int) -> QueryLexeme {
        var text = Self.string(scalars[start ..< end])
        let index = end
        switch text {
        case "AND": return QueryLexeme(kind: .and, start: start, end: index)
        case "OR": return QueryLexeme(kind: .or, start: start, end: index)
        case "NOT": return QueryLexeme(kind: .not, start: start, end: index)
        default: break
        }
        var star = false
        while text.unicodeScalars.last == "*" {
            text.unicodeScalars.removeLast()
            star = true
        }
        return QueryLexeme(kind: .word(text, star: star), start: start, end: index)
    }

    /// The scalars as a string, through their UTF-8 bytes: appending scalars to a
    /// string one by one costs far more than decoding the bytes at once.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `OR` and `AND` need an operand on both sides, `NOT` one after it; elsewhere they
    /// are the words themselves.
    private static func demoteOperatorsWithoutOperands(_ lexemes: [QueryLexeme]) -> [QueryLexeme] {
        var result = lexemes
        for (position, lexeme) in lexemes.enumerated() {
            let before = position > 0 ? result[position - 1].kind : nil
            let after = position + 1 < lexemes.count ? lexemes[position + 1].kind : nil
            let operandBefore = before.map(endsOperand) ?? false
            let operandAfter = after.map(startsOperand) ?? false
            let keep: Bool
            switch lexeme.kind {
            case .and, .or: keep = operandBefore && operandAfter
            case .not: keep = operandAfter
            default: continue
            }
            if !keep {
                let text: String
                switch lexeme.kind {
                case .and: text = "AND"
                case .or: text = "OR"
                default: text = "NOT"
                }
                result[position].kind = .word(text, star: false)
            }
        }
        return result
    }

    private static func endsOperand(_ kind: QueryLexeme.Kind) -> Bool {
        switch kind {
        case .word, .phrase, .close: return true
        default: return false
        }
    }

    private static func startsOperand(_ kind: QueryLexeme.Kind) -> Bool {
        switch kind {
        case .word, .phrase, .open, .minus, .not, .field: return true
        default: return false
        }
    }
}
