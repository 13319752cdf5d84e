import Testing
@testable import IndexStore

/// Dates are stored as yyyymmdd numbers and shown as ISO 8601 days in every result.
@Suite struct DocumentEntryDateTests {
    @Test(arguments: [
        (UInt32(20_240_315), "2024-03-15"),
        (19_000_101, "1900-01-01"),
        (20_241_231, "2024-12-31"),
        (9_991_231, "0999-12-31"),
        (101, "0000-01-01"),
        (100_000_101, "10000-01-01"),
    ])
    func ordinalsReadAsISODays(ordinal: UInt32, expected: String) {
        #expect(DocumentEntry.isoDate(ordinal) == expected)
    }

    @Test func noDateIsNil() {
        #expect(DocumentEntry.isoDate(0) == nil)
    }
}
