import Analysis
import Foundation
@testable import IndexStore

/// A checked-in index written by a build of an earlier format version (Fixtures/README.md
/// says which commit and command made each). Never rewritten: tests read it where it lies
/// and merge a copy.
struct CompatibilityFixture: Sendable, CustomStringConvertible {
    /// How the index came to be; each way leaves the same four documents live.
    enum Making: Sendable {
        /// Indexed without the GREVIO answers: one flushed segment.
        case flushed
        /// Indexed with every file of `Fixtures/corpus/`, then again after the GREVIO
        /// answers were removed: the flushed segment keeps them as a deleted document.
        case flushedThenDeleted
        /// As `flushedThenDeleted`, then optimized: one merged segment without them.
        case merged
    }

    let version: FormatVersion
    let making: Making

    /// One line per format version this build reads (`everyReadVersionHasAFixture`).
    static let all: [CompatibilityFixture] = [
        CompatibilityFixture(version: FormatVersion(rawValue: 1), making: .flushedThenDeleted),
        CompatibilityFixture(version: FormatVersion(rawValue: 2), making: .flushed),
        CompatibilityFixture(version: FormatVersion(rawValue: 3), making: .flushedThenDeleted),
        CompatibilityFixture(version: FormatVersion(rawValue: 4), making: .merged),
        CompatibilityFixture(version: FormatVersion(rawValue: 5), making: .flushedThenDeleted),
        CompatibilityFixture(version: FormatVersion(rawValue: 6), making: .flushed),
        CompatibilityFixture(version: FormatVersion(rawValue: 7), making: .flushedThenDeleted),
        CompatibilityFixture(version: FormatVersion(rawValue: 8), making: .flushed),
        CompatibilityFixture(version: FormatVersion(rawValue: 9), making: .merged),
    ]

    /// Whether the build that made the fixture titles a document that states no title by
    /// its descriptive file name (923bad9, after the format 8 fixture was made): true of
    /// the fixtures from version 9 on.
    var titlesByFileName: Bool { version >= FormatVersion(rawValue: 9) }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    var directory: String { "\(Self.folder)/index-v\(version)" }

    var description: String { "index-v\(version)" }

    /// The fixture's newest manifest, told today's analyzer. The fixtures were made by
    /// older analyzers (another tokeniser version), whose identity a searcher or writer
    /// refuses, asking for `--rebuild`; these tests are about the bytes, and the words they
    /// search for are analysed alike by every version.
    func manifestWithTodaysAnalyzer() throws -> Manifest {
        guard var manifest = try ManifestStore.latest(in: directory) else { throw IndexSnapshot.OpenError.noIndex(directory: directory) }
        manifest.analyzer = try Analyzer(configuration: .standard).identity
        return manifest
    }

    /// The checked-in index opened in place, every checksum verified.
    func open() throws -> IndexSnapshot {
        let snapshot = try IndexSnapshot(directory: directory, manifest: try manifestWithTodaysAnalyzer())
        for segment in snapshot.segments { try segment.reader.verifyChecksums() }
        return snapshot
    }

    /// A writable copy, committed once more with today's analyzer so that a writer opens it.
    func writableCopy() throws -> TemporaryDirectory {
        let copy = TemporaryDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
            try FileManager.default.copyItem(atPath: "\(directory)/\(file)", toPath: "\(copy.path)/\(file)")
        }
        var manifest = try manifestWithTodaysAnalyzer()
        manifest.generation += 1
        try ManifestStore.commit(manifest, in: copy.path)
        return copy
    }
}
