import IndexStore
import Search
import Testing
@testable import Server

/// `serve --threads N` reaches every searcher a request borrows; without it searchers
/// keep their default (the cores, up to 8).
@Suite("SearcherPool")
struct SearcherPoolTests {
    @Test func searchersGetTheThreadsAskedFor() throws {
        let index = try TestIndex()
        let snapshot = try IndexSnapshot.open(directory: index.directory)
        let defaultThreads = try Searcher(snapshot: snapshot).threads
        let one = SearcherPool(snapshot: snapshot, threadsPerSearch: 1)
        #expect(try one.withSearcher { $0.threads } == 1)
        // A returned searcher is lent again, still with its setting.
        #expect(try one.withSearcher { $0.threads } == 1)
        let three = LoadedCommit(snapshot: snapshot, threadsPerSearch: 3)
        #expect(try three.searchers.withSearcher { $0.threads } == 3)
        let unset = SearcherPool(snapshot: snapshot)
        #expect(try unset.withSearcher { $0.threads } == defaultThreads)
        #expect(defaultThreads >= 1 && defaultThreads <= 8)
    }
}
