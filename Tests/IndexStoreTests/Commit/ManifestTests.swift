import Analysis
import Foundation
import Testing
@testable import IndexStore

@Suite("Manifest")
struct ManifestTests {
    static let analyzer = AnalyzerIdentity(algorithm: "snowball-dutch", library: "libstemmer 2.2.0", stemmerFingerprint: "abc123", rulesVersion: 3)

    static func sample(generation: UInt64 = 7) -> Manifest {
        Manifest(
            generation: generation, nextSegmentNumber: 40, analyzer: analyzer, commitTime: 1_700_000_000_123_456_789,
            segments: [
                SegmentCommit(name: "_0", segmentID: SegmentID(low: 1, high: 2), documentCount: 120, unitCount: 900, deletionGeneration: 0, deletedCount: 0),
                SegmentCommit(name: "_z1", segmentID: SegmentID(low: 3, high: 4), documentCount: 5, unitCount: 31, deletionGeneration: 2, deletedCount: 3),
            ])
    }

    @Test func roundTrip() throws {
        let manifest = Self.sample()
        let bytes = manifest.encode().bytes
        #expect(try Manifest.decode(slice(bytes, name: "segments_7")) == manifest)
        #expect(manifest.documentCount == 122)
        // The manifest has no segment of its own: its header carries the zero id and kind 10.
        #expect(bytes[6] == SegmentFile.manifest.rawValue)
        #expect(bytes[8 ..< 24].allSatisfy { $0 == 0 })
    }

    @Test func fileNamesAreTheSegmentsFilesAndCurrentDeletions() {
        let names = Self.sample().fileNames
        #expect(names.count == 2 * 9 + 1)
        #expect(names.contains("_0.seg") && names.contains("_0.doc") && names.contains("_0.spl") && names.contains("_z1.sto"))
        #expect(names.contains("_z1_2.del"))
        #expect(!names.contains("_z1_1.del") && !names.contains { $0.hasPrefix("_0_") })
    }

    @Test func segmentNames() {
        #expect(SegmentCommit.name(number: 0) == "_0")
        #expect(SegmentCommit.name(number: 35) == "_z")
        #expect(SegmentCommit.name(number: 36) == "_10")
        #expect(SegmentCommit.isValidName("_0") && SegmentCommit.isValidName("_abc123"))
        for bad in ["", "_", "0", "_A", "_../x", "_0/1", "_0.seg", "__0", "_12345678901234567"] {
            #expect(!SegmentCommit.isValidName(bad), "\(bad)")
        }
    }

    @Test func everyDamagedByteIsRefused() {
        let bytes = Self.sample().encode().bytes
        for offset in bytes.indices {
            var damaged = bytes
            damaged[offset] ^= 0x20
            _ = corruption { _ = try Manifest.decode(slice(damaged, name: "segments_7")) }
        }
        for length in [0, 10, bytes.count - 1] {
            _ = corruption { _ = try Manifest.decode(slice(Array(bytes.prefix(length)), name: "segments_7")) }
        }
    }

    /// A manifest whose checksum is right but whose content is not (a bug, or a
    /// deliberate edit) is still refused: a name that could leave the directory, more
    /// deletions than documents.
    @Test func inconsistentEntriesAreRefused() {
        var bad = Self.sample()
        bad.segments[0].name = "_../../etc"
        _ = corruption { _ = try Manifest.decode(slice(bad.encode().bytes)) }
        bad = Self.sample()
        bad.segments[1].deletedCount = 6
        _ = corruption { _ = try Manifest.decode(slice(bad.encode().bytes)) }
    }
}

@Suite("Manifest store")
struct ManifestStoreTests {
    @Test func theHighestGenerationIsTheIndex() throws {
        let directory = TemporaryDirectory()
        #expect(try ManifestStore.latest(in: directory.path) == nil)
        for generation: UInt64 in [1, 2, 10] {
            try ManifestStore.commit(ManifestTests.sample(generation: generation), in: directory.path)
        }
        // 10 sorts before 2 as text; generations compare as numbers.
        #expect(try ManifestStore.latest(in: directory.path)?.generation == 10)
        #expect(try ManifestStore.generations(in: directory.path) == [10, 2, 1])
        #expect(try ManifestStore.read(generation: 2, in: directory.path) == ManifestTests.sample(generation: 2))
        // No temporary file is left behind by a completed commit.
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/segments_10.tmp"))
    }

    @Test func aManifestUnderAnotherGenerationsNameIsRefused() throws {
        let directory = TemporaryDirectory()
        try ManifestTests.sample(generation: 3).encode().write(toFile: directory.path + "/segments_4", sync: false)
        let error = corruption { _ = try ManifestStore.latest(in: directory.path) }
        #expect(error?.file == "segments_4")
    }

    @Test func aDamagedNewestManifestIsAnErrorNotAFallback() throws {
        let directory = TemporaryDirectory()
        try ManifestStore.commit(ManifestTests.sample(generation: 1), in: directory.path)
        var bytes = ManifestTests.sample(generation: 2).encode().bytes
        bytes[30] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: directory.path + "/segments_2"))
        _ = corruption { _ = try ManifestStore.latest(in: directory.path) }
    }

    @Test func nextUnusedSegmentNumberLooksAtSegmentFilesOnly() throws {
        let directory = TemporaryDirectory()
        #expect(try ManifestStore.nextUnusedSegmentNumber(in: directory.path) == 0)
        for name in ["_0.seg", "_a_3.del", "segments_99", "_zz.txt", "notities_zz.pst"] {
            try Data().write(to: URL(fileURLWithPath: "\(directory.path)/\(name)"))
        }
        #expect(try ManifestStore.nextUnusedSegmentNumber(in: directory.path) == 11)
    }

    @Test func onlyIndexFileNamesAreEverRemoved() throws {
        let directory = TemporaryDirectory()
        let keep = ManifestTests.sample(generation: 5)
        let index = ["segments_4", "segments_5.tmp", "segments_3.tmp", "_0_1.del", "_z1_1.del", "_5.pst", "_5.doc", "_5_3.del"]
        let kept = Array(keep.fileNames) + ["segments_5", "write.lock"]
        let foreign = ["notities.txt", "segments_x", "segments_", "_5.txt", "_A.pst", "x_0.seg", "_0_a.del", "_0_1_2.del", ".segments_1", "segments_5.bak"]
        for name in index + kept + foreign { try Data().write(to: URL(fileURLWithPath: "\(directory.path)/\(name)")) }
        let removed = try ManifestStore.removeUnreferencedFiles(keeping: keep, in: directory.path)
        #expect(Set(removed) == Set(index))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == Set(kept + foreign))
    }
}
