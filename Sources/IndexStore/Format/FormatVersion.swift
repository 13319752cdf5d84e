/// The version of the whole on-disk format, written into every file header, and the one
/// place that says what each version's bytes hold.
///
/// One number for all files rather than one per file kind: segments are written together
/// by one build, and a reader that understands version N understands every file of it.
/// Bump ``current`` in the same commit as any change to docs/INDEX_FORMAT.md that changes
/// bytes, add a line to that document's History section, and add the feature below as one
/// property (`rawValue >= N`). Readers ask a segment's version for the feature by its name,
/// never compare numbers themselves, so that what a version holds is written down once.
/// Every version in ``supported`` has a checked-in index that tests open
/// (`Tests/IndexStoreTests/Compat/Fixtures/`).
public struct FormatVersion: RawRepresentable, Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    /// Any number, as a header holds it; whether this build reads it is ``isSupported``.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// What this build writes.
    public static let current = FormatVersion(rawValue: 9)
    /// What this build reads. Older versions stay here as long as their reader code does:
    /// their segments are read as they are, searched with what they have, and merged into
    /// the current version.
    public static let supported = FormatVersion(rawValue: 1) ... current

    public var isSupported: Bool { Self.supported.contains(self) }

    // MARK: Features, each from the version that introduced it

    /// The body's exact space holds ``StopWordPair`` terms (version 2). Without them an
    /// exact phrase reads the positions of its words.
    public var hasStopWordPairs: Bool { rawValue >= 2 }

    /// Skip entries hold four (frequency, length) impact pairs, 28 bytes (version 3);
    /// before, one loose (maximum frequency, minimum length) pair, 16 bytes.
    public var skipEntriesHaveImpacts: Bool { rawValue >= 3 }

    /// Dictionary entries end with the term's document count (version 3). Without it a
    /// one-word query counts the documents by walking the postings.
    public var termEntriesHaveDocumentCounts: Bool { rawValue >= 3 }

    /// The segment info ends with a flags byte (version 4). Before, ``SegmentInfo/keepsEveryPair``
    /// follows from ``hasStopWordPairs``: every such segment was written by a flush.
    public var segmentInfoHasFlags: Bool { rawValue >= 4 }

    /// A title term's entry ends with its title-only count instead of its docFreq again
    /// (version 5). Without it a one-word query looks each title match up.
    public var titleEntriesHaveTitleOnlyCounts: Bool { rawValue >= 5 }

    /// Stored records are zstd frames (version 6); before, zlib streams, which a merge
    /// recompresses.
    public var storedRecordsUseZstd: Bool { rawValue >= 6 }

    /// Document rows end with the root length and official URL (version 7). Stored
    /// records got the same fields in this version, but a merge copies records as they
    /// are, so a record's own length, not its segment's version, says whether it has them.
    public var documentRowsHaveLocations: Bool { rawValue >= 7 }

    /// The passage table ends with a column of text signatures (version 8). Without it
    /// every passage's signature is ``PassageSignature/none`` and nothing is folded.
    public var passagesHaveSignatures: Bool { rawValue >= 8 }

    /// Each segment has a spelling lists file (``SegmentFile/spellingLists``, version 9):
    /// "did you mean" reads its words from it. Without it they are gathered from the term
    /// dictionary and sorted backwards when a search first needs them.
    public var hasSpellingLists: Bool { rawValue >= 9 }

    /// Stored records are compressed with the built-in dictionary (version 9). Each frame
    /// names the dictionary it needs (or none), so a merge copies older records as they are
    /// and the reader follows the frame, not this; what the version says is that a build
    /// without the dictionary cannot read the segment.
    public var storedRecordsUseDictionary: Bool { rawValue >= 9 }

    /// Dictionary entries store their file offsets as steps from earlier entries of the
    /// block, and a body term of docFreq 1 has no document count (version 9): about a
    /// third of the dictionary. Before, both offsets whole and every count.
    public var termEntriesAreDeltaCoded: Bool { rawValue >= 9 }

    // MARK: Protocols

    public static func < (lhs: FormatVersion, rhs: FormatVersion) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Steps of one version, so that ``supported`` can be walked (`for version in FormatVersion.supported`).
    public func distance(to other: FormatVersion) -> Int { Int(other.rawValue) - Int(rawValue) }

    public func advanced(by steps: Int) -> FormatVersion { FormatVersion(rawValue: UInt16(Int(rawValue) + steps)) }

    public var description: String { String(rawValue) }
}
