/// A query the parser cannot read, with the place to look.
public struct QueryParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, for a front end that words it in its own language (the search page
    /// says it in Dutch); ``message`` says it in English.
    public enum Problem: Equatable, Sendable {
        case unclosedPhrase
        case missingProximity
        case proximityTooLarge(Int)
        /// `word~N`: the N as typed.
        case proximityOnAWord(String)
        case unmatchedClose
        case unexpectedText
        case unclosedGroup
        case emptyGroup
        case emptyPhrase
        case nestedTooDeeply
        case shortPrefix
        case titleWithoutValue
        /// A field (`soort:`, `dossier:`, …, as its Dutch name) without a value after it.
        case fieldWithoutValue(String)
        /// A `soort:` value outside the vocabulary (as typed), and the vocabulary, sorted.
        case unknownType(String, known: [String])
        case invalidDossier
        /// The date problems; `years` for `jaar:`, whose examples differ.
        case tooManyDateRanges(years: Bool)
        case notADate(String, years: Bool)
        case noSuchDate(String)
        case missingDate(years: Bool)
        case emptyDateRange(years: Bool)
        case backwardDateRange
        /// A filter given apart from the query (``QueryParser/filter(_:value:)``) holds more.
        case moreThanOneValue
        /// A range (`2024..2025`) where one date is wanted (``DayRange/init(oneDate:)``).
        case rangeInsteadOfOneDate

        /// The sentence for the person who typed the query.
        public var message: String {
            switch self {
            case .unclosedPhrase: "This phrase has no closing quote"
            case .missingProximity: "A number must follow ~ (as in \"huiselijk geweld\"~3)"
            case .proximityTooLarge(let value): "Proximity ~\(value) is too large; use at most ~\(QueryLexer.maximumSlop)"
            case .proximityOnAWord(let number): "~\(number) only applies to a phrase: write \"a b\"~\(number)"
            case .unmatchedClose: "This ) has no matching ("
            case .unexpectedText: "Unexpected text"
            case .unclosedGroup: "This ( is never closed"
            case .emptyGroup: "Nothing between these parentheses"
            case .emptyPhrase: "This phrase has no words in it"
            case .nestedTooDeeply: "The query is nested too deeply (more than \(QueryParser.maximumNesting) levels)"
            case .shortPrefix: "A prefix search needs at least 2 letters before the *"
            case .titleWithoutValue: "titel: needs a word, phrase or group after it"
            case .fieldWithoutValue(let field): "\(field) needs a value right after the colon"
            case let .unknownType(type, known): "There is no document type \(type); the types are \(known.joined(separator: ", "))"
            case .invalidDossier: "A dossier number is digits, as in dossier:36658 or dossier:36 658"
            case .tooManyDateRanges(let years): "A date range has one .. in it, as in \(Self.dateExample(years))"
            case let .notADate(text, years): "Not a date: \(text) (use \(Self.dateExample(years)))"
            case .noSuchDate(let text): "There is no such date: \(text)"
            case .missingDate(let years): "A date is missing (use \(Self.dateExample(years)))"
            case .emptyDateRange(let years): "A date range needs at least one date (use \(Self.dateExample(years)))"
            case .backwardDateRange: "This date range ends before it starts"
            case .moreThanOneValue: "Only one value is allowed here"
            case .rangeInsteadOfOneDate: "One date is wanted here, such as 2024-03-15, not a range"
            }
        }

        private static func dateExample(_ years: Bool) -> String {
            years ? "jaar:2024 or jaar:2020..2022" : "datum:2024-01-01..2024-12-31, datum:2024-03 or datum:2024"
        }
    }

    public var problem: Problem
    /// Offset of the problem in the query, in Unicode scalars from the start (0-based).
    public var position: Int
    public var query: String

    public init(_ problem: Problem, at position: Int, in query: String) {
        self.problem = problem
        self.position = position
        self.query = query
    }

    /// What is wrong, as a sentence for the person who typed the query.
    public var message: String { problem.message }

    /// The message, then the query with a caret under the position.
    public var description: String {
        let line = String(String.UnicodeScalarView(query.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
        return "\(message) (at position \(position + 1))\n  \(line)\n  \(String(repeating: " ", count: position))^"
    }
}
