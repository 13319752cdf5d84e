import IndexStore

/// One opened commit and what the server keeps per commit: its searchers and the figures
/// that are costly to compute (stats walk every term dictionary and document; the page lists document
/// types), built by ``prepare()`` before the commit is served.
/// A request holds on to the `LoadedCommit` it started with, so it finishes on that commit
/// even when a newer one is loaded meanwhile.
final class LoadedCommit: Sendable {
    let snapshot: IndexSnapshot
    let searchers: SearcherPool
    private let cachedStats = Locked<IndexStatistics?>(nil)
    private let cachedTypes = Locked<[String]?>(nil)

    /// Names this commit among all commits of any index: its generation, time and
    /// segments (with their deletions). Generations alone repeat when an index is built
    /// again from nothing; entity tags (``EntityTag``) are made from this.
    let commitTag: String

    init(snapshot: IndexSnapshot, threadsPerSearch: Int? = nil) {
        self.snapshot = snapshot
        searchers = SearcherPool(snapshot: snapshot, threadsPerSearch: threadsPerSearch)
        let manifest = snapshot.manifest
        var hash = FNV1a()
        hash.add("\(manifest.generation) \(manifest.commitTime) \(manifest.analyzer.description)")
        for segment in manifest.segments { hash.add(" \(segment.name) \(segment.segmentID) \(segment.deletionGeneration)") }
        commitTag = hash.hex
    }

    var generation: UInt64 { snapshot.manifest.generation }

    /// Computes everything a request would otherwise compute first (stats, the document
    /// types, the search state), so that a commit is served only once it is ready.
    func prepare() throws {
        try searchers.prepare()
        _ = try stats()
        _ = documentTypes()
    }

    /// Computed once per commit: two racing requests may both compute it, which is harmless.
    func stats() throws -> IndexStatistics {
        if let known = cachedStats.withLock({ $0 }) { return known }
        let stats = try IndexStatistics(snapshot)
        cachedStats.withLock { $0 = stats }
        return stats
    }

    /// Whether the figures are computed already (``prepare()``).
    var isPrepared: Bool {
        cachedStats.withLock { $0 != nil } && cachedTypes.withLock { $0 != nil }
    }

    /// The document types present, sorted, for the page's type filter.
    func documentTypes() -> [String] {
        if let known = cachedTypes.withLock({ $0 }) { return known }
        var types = Set<String>()
        snapshot.forEachLiveDocument { _, _, entry in types.insert(entry.type) }
        let sorted = types.sorted()
        cachedTypes.withLock { $0 = sorted }
        return sorted
    }
}
