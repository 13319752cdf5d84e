extension DocumentFilter {
    /// Documents dated within `range` (either end open), or with any date when it is nil.
    /// Documents without a date never pass. The one place a ``DayRange`` becomes the
    /// `yyyymmdd` bounds the filter columns compare.
    public static func dated(within range: DayRange? = nil) -> DocumentFilter {
        // 9999-12-31 is the last day a `Day` can be.
        .date(from: UInt32(range?.from?.ordinal ?? 0), to: UInt32(range?.to?.ordinal ?? 9999_12_31))
    }

    /// The filter of `datum:DATE..`: documents dated on or after `text`'s first day
    /// (``DayRange/init(oneDate:)``: `2024-03-15`, or `2024-03` and `2024` for the first day
    /// of that month or year). Nil when `text` is not a date that exists (`2024-02-30`,
    /// `15-03-2024`) or is a range (`2024..2025`).
    ///
    /// For `kamerzoek search --since`: a filter handed to the engine
    /// (``SearchOptions/filters``), applied before ranking and any limit like the query's
    /// own `datum:`, never a sieve over a capped list of results.
    public static func since(_ text: String) -> DocumentFilter? {
        guard let first = (try? DayRange(oneDate: text))?.from else { return nil }
        return dated(within: DayRange(from: first, to: nil))
    }
}
