import Foundation

/// Reads and writes commit points in an index directory, and removes files no commit needs.
///
/// The commit sequence (docs/INDEX_FORMAT.md, "Commit"): the new segment and deletion files
/// are written and fsynced first (by their writers); then `segments_N.tmp` is written and
/// fsynced, renamed to `segments_N`, and the directory is fsynced so the rename itself is
/// durable. A crash before the rename leaves `segments_(N-1)` as the index; after it,
/// `segments_N`. Readers never look at `.tmp` files.
public enum ManifestStore {
    static let prefix = "segments_"

    public static func fileName(generation: UInt64) -> String { prefix + String(generation) }

    /// Generations present in `directory`, highest first.
    static func generations(in directory: String) throws -> [UInt64] {
        // A directory that does not exist holds no index: a mistyped `--index` then gets
        // "there is no index" with the command that builds one, not a file-system error.
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return names.compactMap { name -> UInt64? in
            guard name.hasPrefix(prefix) else { return nil }
            return UInt64(name.dropFirst(prefix.count))
        }.sorted(by: >)
    }

    /// The newest commit, or nil for a directory that holds no index yet. A newest manifest
    /// that is damaged is an error, not a reason to fall back silently to an older one.
    public static func latest(in directory: String) throws -> Manifest? {
        guard let newest = try generations(in: directory).first else { return nil }
        return try read(generation: newest, in: directory)
    }

    public static func read(generation: UInt64, in directory: String) throws -> Manifest {
        let file = try MappedFile(path: "\(directory)/\(fileName(generation: generation))")
        let manifest = try Manifest.decode(file.bytes)
        guard manifest.generation == generation else {
            throw IndexCorruption(file: fileName(generation: generation), offset: 0, reason: .invariantViolated("the file says it is generation \(manifest.generation)"))
        }
        return manifest
    }

    /// Makes `manifest` the index: write, fsync, rename, fsync the directory.
    public static func commit(_ manifest: Manifest, in directory: String, files: FileOperations = .system) throws {
        let final = "\(directory)/\(fileName(generation: manifest.generation))"
        let temporary = final + ".tmp"
        try files.writeFile(manifest.encode(), temporary, true)
        try files.rename(temporary, final)
        try files.syncDirectory(directory)
    }

    /// fsync on the directory makes a rename or a new file's name durable (POSIX leaves
    /// that to the directory, not to the file).
    public static func syncDirectory(_ directory: String) throws {
        try FileOperations.system.syncDirectory(directory)
    }

    /// Deletes what `keep` does not reference: older manifests, segment and deletion files,
    /// leftovers of crashed writers (`.tmp`). Only the writer (holding the lock) calls this.
    ///
    /// Readers in other processes are safe: a reader maps all of its segment's files when it
    /// opens the snapshot, and on POSIX systems a mapped file stays readable after its name
    /// is unlinked. A reader that read an old manifest but lost the race to map its files
    /// finds one missing and reopens the newest commit
    /// (``IndexSnapshot/open(directory:analyzer:verifyChecksums:)``).
    @discardableResult
    public static func removeUnreferencedFiles(keeping keep: Manifest, in directory: String) throws -> [String] {
        let needed = keep.fileNames.union([fileName(generation: keep.generation), WriterLock.fileName])
        var removed: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where !needed.contains(name) {
            guard isIndexFileName(name) else { continue }
            if unlink("\(directory)/\(name)") == 0 { removed.append(name) }
        }
        return removed
    }

    /// One more than the highest segment number any index file in `directory` is named
    /// after: where a rebuild that cannot read the newest manifest starts numbering.
    static func nextUnusedSegmentNumber(in directory: String) throws -> UInt64 {
        var next: UInt64 = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory)
        where isIndexFileName(name) && !name.hasPrefix(prefix) {
            // `_k.ext` or `_k_G.del`: the number is the base-36 part after the first `_`.
            let stem = name.dropFirst().prefix { $0 != "." && $0 != "_" }
            if let number = UInt64(stem, radix: 36), number < .max { next = max(next, number + 1) }
        }
        return next
    }

    /// Only names the index itself makes are ever deleted: a user's file that happens to
    /// sit in the directory is left alone.
    static func isIndexFileName(_ name: String) -> Bool {
        if name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.hasSuffix(".tmp") ? rest.dropLast(4) : rest
            return !digits.isEmpty && digits.allSatisfy(\.isNumber)
        }
        guard let dot = name.lastIndex(of: "."), SegmentFile(fileExtension: name[name.index(after: dot)...]) != nil else { return false }
        let stem = name[..<dot]
        let segment = stem.split(separator: "_", omittingEmptySubsequences: false)
        // `_k` or `_k_G` (deletions).
        return segment.count >= 2 && segment.count <= 3 && segment[0].isEmpty
            && SegmentCommit.isValidName("_" + segment[1]) && (segment.count == 2 || segment[2].allSatisfy(\.isNumber))
    }
}
