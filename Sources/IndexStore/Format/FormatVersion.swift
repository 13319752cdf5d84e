/// The version of the whole on-disk format, written into every file header.
///
/// One number for all files rather than one per file kind: segments are written together
/// by one build, and a reader that understands version N understands every file of it.
/// Bump it in the same commit as any change to docs/INDEX_FORMAT.md that changes bytes,
/// and add a line to that document's History section.
public enum FormatVersion {
    /// What this build writes.
    public static let current: UInt16 = 2
    /// What this build reads. Older versions stay here as long as their reader code does.
    /// Version 1 differs only in what the exact space holds (no ``StopWordPair`` terms):
    /// its segments are searched without pairs, and merged into version 2.
    public static let supported: ClosedRange<UInt16> = 1...2
}
