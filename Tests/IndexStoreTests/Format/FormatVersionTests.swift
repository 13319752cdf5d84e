import Testing
@testable import IndexStore

@Suite struct FormatVersionTests {
    /// docs/INDEX_FORMAT.md, "History": each feature and the version that introduced it.
    static let history: [(feature: String, has: @Sendable (FormatVersion) -> Bool, introducedIn: UInt16)] = [
        ("stop-word pairs", { $0.hasStopWordPairs }, 2),
        ("four impact pairs per skip entry", { $0.skipEntriesHaveImpacts }, 3),
        ("document counts in dictionary entries", { $0.termEntriesHaveDocumentCounts }, 3),
        ("segment flags", { $0.segmentInfoHasFlags }, 4),
        ("title-only counts", { $0.titleEntriesHaveTitleOnlyCounts }, 5),
        ("zstd stored records", { $0.storedRecordsUseZstd }, 6),
        ("root length and URL in document rows", { $0.documentRowsHaveLocations }, 7),
        ("passage signatures", { $0.passagesHaveSignatures }, 8),
    ]

    @Test func eachFeatureStartsAtItsVersionAndStays() {
        for (feature, has, introducedIn) in Self.history {
            let holding = FormatVersion.supported.filter(has).map(\.rawValue)
            #expect(holding == Array(introducedIn ... FormatVersion.current.rawValue), "\(feature)")
        }
    }

    @Test func everyVersionFromTheFirstToTheCurrentIsRead() {
        #expect(FormatVersion.supported.first == FormatVersion(rawValue: 1))
        #expect(FormatVersion.supported.last == FormatVersion.current)
        #expect(FormatVersion.supported.count == Int(FormatVersion.current.rawValue))
        #expect(!FormatVersion(rawValue: 0).isSupported)
        #expect(!FormatVersion.current.advanced(by: 1).isSupported)
    }
}
