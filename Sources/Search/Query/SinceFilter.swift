extension DocumentFilter {
    /// The filter of `datum:DATE..`: documents dated on or after `text`, which is written
    /// as `datum:` reads a date (`2024-03-15`, or `2024-03` and `2024` for the first day of
    /// that month or year). Documents without a date never pass. Nil when `text` is not a
    /// date that exists (`2024-02-30`, `15-03-2024`) or is a range (`2024..2025`).
    ///
    /// For `kamerzoek search --since`: a filter handed to the engine
    /// (``SearchOptions/filters``), applied before ranking and any limit like the query's
    /// own `datum:`, never a sieve over a capped list of results.
    public static func since(_ text: String) -> DocumentFilter? {
        guard !text.contains(".."), let range = try? QueryParser.dayRange(text, years: false, at: 0, in: text),
              let first = range.from else { return nil }
        return .date(from: UInt32(first.ordinal), to: 99_991_231)
    }
}
