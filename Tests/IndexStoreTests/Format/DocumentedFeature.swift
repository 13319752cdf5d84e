@testable import IndexStore

/// docs/INDEX_FORMAT.md's History restated for the tests, apart from ``FormatVersion``:
/// `FormatVersionTests` checks the type against it, and `FormatCompatibilityTests` expects
/// of each old index what it says, so that a wrong version in either place fails a test.
struct DocumentedFeature: Sendable {
    let name: String
    let introducedIn: UInt16
    /// The feature as ``FormatVersion`` names it.
    let named: @Sendable (FormatVersion) -> Bool

    /// Whether the History says segments of `version` have the feature.
    func isIn(_ version: FormatVersion) -> Bool { version.rawValue >= introducedIn }

    static let stopWordPairs = DocumentedFeature(name: "stop-word pairs", introducedIn: 2) { $0.hasStopWordPairs }
    static let impactSkipEntries = DocumentedFeature(name: "four impact pairs per skip entry", introducedIn: 3) { $0.skipEntriesHaveImpacts }
    static let documentCounts = DocumentedFeature(name: "document counts in dictionary entries", introducedIn: 3) { $0.termEntriesHaveDocumentCounts }
    static let segmentFlags = DocumentedFeature(name: "segment flags", introducedIn: 4) { $0.segmentInfoHasFlags }
    static let titleOnlyCounts = DocumentedFeature(name: "title-only counts", introducedIn: 5) { $0.titleEntriesHaveTitleOnlyCounts }
    static let zstdRecords = DocumentedFeature(name: "zstd stored records", introducedIn: 6) { $0.storedRecordsUseZstd }
    static let locations = DocumentedFeature(name: "root length and URL in document rows", introducedIn: 7) { $0.documentRowsHaveLocations }
    static let passageSignatures = DocumentedFeature(name: "passage signatures", introducedIn: 8) { $0.passagesHaveSignatures }
    static let spellingLists = DocumentedFeature(name: "spelling lists file", introducedIn: 9) { $0.hasSpellingLists }
    static let recordDictionary = DocumentedFeature(name: "stored records compressed with the built-in dictionary", introducedIn: 9) { $0.storedRecordsUseDictionary }
    static let deltaCodedTermEntries = DocumentedFeature(name: "delta-coded dictionary entries", introducedIn: 9) { $0.termEntriesAreDeltaCoded }

    static let all = [
        stopWordPairs, impactSkipEntries, documentCounts, segmentFlags, titleOnlyCounts, zstdRecords, locations, passageSignatures, spellingLists,
        recordDictionary, deltaCodedTermEntries,
    ]
}
