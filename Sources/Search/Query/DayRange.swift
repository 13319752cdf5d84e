/// A calendar day, comparable as one integer (`yyyymmdd`), which is also how dates are
/// stored for filtering and sorting.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists (`2024-02-30` does not; `2024-02-29` does).
    public init?(year: Int, month: Int, day: Int) {
        guard (1 ... 9999).contains(year), (1 ... 12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `yyyymmdd` as one integer: the order of days is the order of these numbers.
    public var ordinal: Int { year * 10_000 + month * 100 + day }

    /// ISO 8601: `2024-01-31`.
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An inclusive range of days; either end may be open (`datum:2024-01-01..`).
public struct DayRange: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var from: Day?
    public var to: Day?

    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: Day) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// The query syntax for this range: `2024-01-01..2024-12-31`, `..2024-06-30`.
    public var description: String {
        "\(from.map(\.description) ?? "")..\(to.map(\.description) ?? "")"
    }
}

extension DayRange {
    /// One date as `datum:` reads it, with the days it stands for: `2024-03-15` is that
    /// day, `2024-03` its month, `2024` its year. The one reader of the filters given apart
    /// from the query that take a single date (`kamerzoek search --since`, the API's `from`
    /// and `to`): a start takes its first day, an end its last, as the ends of a `datum:`
    /// range are read. Throws what `datum:` would throw for `text`, with positions in it,
    /// and ``QueryParseError/Problem/rangeInsteadOfOneDate`` for a range.
    public init(oneDate text: String) throws {
        if let dots = text.range(of: "..") {
            let position = text.unicodeScalars.distance(from: text.startIndex, to: dots.lowerBound)
            throw QueryParseError(.rangeInsteadOfOneDate, at: position, in: text)
        }
        guard case .date(let range)? = try QueryParser.filter("datum", value: text) else {
            throw QueryParseError(.missingDate(years: false), at: 0, in: text)
        }
        self = range
    }
}
