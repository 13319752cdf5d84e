import Foundation
import IndexStore
import Search

/// Idle searchers over one snapshot, lent to one request at a time.
///
/// A `Searcher` is not thread-safe (it owns an analyzer and a cache of term statistics),
/// and building one costs an analyzer; what the snapshot's searchers can share (live
/// documents, filter columns, collection statistics) is built once (``SearchableSnapshot``).
/// Requests therefore borrow one, use it synchronously, and return it; the pool only grows to the number of requests
/// that ran at the same moment, and keeps at most `capacity` idle ones.
final class SearcherPool: @unchecked Sendable {
    // Unchecked: `idle` is only touched under `lock`, and a searcher taken out of it
    // belongs to exactly one caller until it is put back.
    private let searchable: SearchableSnapshot
    private let capacity: Int
    /// Each new searcher's ``Searcher/threads``; nil keeps its default.
    private let threadsPerSearch: Int?
    private let lock = NSLock()
    private var idle: [Searcher] = []

    init(snapshot: IndexSnapshot, capacity: Int = 64, threadsPerSearch: Int? = nil) {
        searchable = SearchableSnapshot(snapshot)
        self.capacity = capacity
        self.threadsPerSearch = threadsPerSearch
    }

    /// Builds what the first searches would otherwise pay for: the snapshot's filter
    /// columns, the spelling dictionary that "did you mean" reads, and one searcher, left
    /// idle in the pool. Run by ``CurrentCommit`` while it prepares a commit, off the request
    /// path (only the very first commit is prepared by a request, which waits for it anyway).
    func prepare() throws {
        searchable.prepare()
        // A nicety: a dictionary that cannot be built leaves the searches without
        // suggestions (the failure is kept, not retried per request), the commit served.
        try? searchable.prepareSuggestions()
        try withSearcher { _ in }
    }

    /// Whether ``prepare()`` built the spelling dictionary (tests).
    var isSuggestionPrepared: Bool { searchable.isSuggestionPrepared }

    func withSearcher<Result>(_ body: (Searcher) throws -> Result) throws -> Result {
        let searcher = try take()
        defer { giveBack(searcher) }
        return try body(searcher)
    }

    private func take() throws -> Searcher {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        if let reused { return reused }
        let searcher = try Searcher(searchable: searchable)
        if let threadsPerSearch { searcher.threads = threadsPerSearch }
        return searcher
    }

    private func giveBack(_ searcher: Searcher) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < capacity { idle.append(searcher) }
    }
}
