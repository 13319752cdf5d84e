/// The version of the whole on-disk format, written into every file header.
///
/// One number for all files rather than one per file kind: segments are written together
/// by one build, and a reader that understands version N understands every file of it.
/// Bump it in the same commit as any change to docs/INDEX_FORMAT.md that changes bytes,
/// and add a line to that document's History section.
public enum FormatVersion {
    /// What this build writes.
    public static let current: UInt16 = 8
    /// What this build reads. Older versions stay here as long as their reader code does.
    /// Version 7 lacks the passages' signatures (no near-duplicate folding for them).
    /// Version 6 lacks the root length and URL of each document (rows and records).
    /// Version 5 compresses stored records with zlib instead of zstd. Version 4 also lacks
    /// the title-only counts (``TermInfo/titleOnlyDocuments``); version 3
    /// also the segment flags (``SegmentInfo/keepsEveryPair``); version 2 also
    /// differs in its skip entries (one loose bound instead of four impacts) and its
    /// dictionary entries (no document count); version 1 also in what the exact space
    /// holds (no ``StopWordPair`` terms). Their segments are read as they are, searched
    /// with what they have, and merged into the current version.
    public static let supported: ClosedRange<UInt16> = 1...8
}
