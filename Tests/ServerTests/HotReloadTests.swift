import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing

/// A commit made while the server runs (here by `IndexWriter.add` in this process; by
/// `kamerzoek index` in practice) is seen by the next request, without a restart.
@Suite("Hot reload")
struct HotReloadTests {
    static func document(_ id: String, _ text: String) -> StoredDocument {
        StoredDocument(id: id, source: "\(id).txt", contentHash: id, passages: [TestIndex.passage(text)])
    }

    @Test func theNextRequestSeesANewCommit() async throws {
        let index = try TestIndex()
        try await withLiveServer(index) { client in
            let before = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(before.results.map(\.doc_id) == ["brief-geweld"])
            let first = try await client.getJSON("/api/stats", as: StatsBody.self)
            #expect(first.generation == 1)

            try index.add([Self.document("nieuw", "Een nieuw plan tegen femicide.")])

            let after = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(Set(after.results.map(\.doc_id)) == ["brief-geweld", "nieuw"])
            let stats = try await client.getJSON("/api/stats", as: StatsBody.self)
            #expect(stats.generation == 2 && stats.documents == 5)
            _ = try await client.getJSON("/api/documents/nieuw", as: EmptyJSON.self)

            // A replaced document: the old text is gone, the new one found.
            try index.add([Self.document("nieuw", "Een ander onderwerp.")])
            let replaced = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(replaced.results.map(\.doc_id) == ["brief-geweld"])
        }
    }

    @Test func theFirstCommitIsPickedUpByAServerStartedWithoutIndex() async throws {
        let index = try TestIndex(empty: ())
        try await withLiveServer(index) { client in
            _ = try await client.getError("/api/search?q=geweld", status: .serviceUnavailable)
            try index.add(TestIndex.documents)
            let result = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(result.total == 1)
        }
    }

    /// Requests from several connections while commits land: every response is 200, and its
    /// total is exactly the total of the generation it says it came from (no response mixes
    /// two commits).
    @Test func concurrentRequestsDuringReindexingSeeWholeCommits() async throws {
        let batch = 40, commits = 6
        let index = try TestIndex(documents: (0 ..< batch).map { Self.document("g0-\($0)", "geweld in ronde nul") })
        // Generation g holds g batches, one passage each.
        let expectedTotals = Dictionary(uniqueKeysWithValues: (1 ... commits + 1).map { (String($0), $0 * batch) })

        try await withLiveServer(index) { client in
            let port = try #require(client.port)
            let writer = Task.detached {
                for round in 1 ... commits {
                    try index.add((0 ..< batch).map { Self.document("g\(round)-\($0)", "geweld in ronde \(round)") })
                }
            }
            let seen = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0 ..< 4 {
                    group.addTask {
                        try await TestClient.withClient(host: "localhost", port: port) { connection in
                            var generations: [String] = []
                            for _ in 0 ..< 60 {
                                let response = try await connection.get("/api/search?q=geweld&limit=5")
                                #expect(response.status == .ok)
                                let body = try #require(response.body)
                                let result = try JSONDecoder().decode(SearchResult.self, from: Data(buffer: body))
                                let generation = try #require(response.headers[.init("Kamerzoek-Generation")!])
                                #expect(result.total == expectedTotals[generation], "generation \(generation)")
                                #expect(result.documents == result.total && result.total_is_exact)
                                generations.append(generation)
                            }
                            return generations
                        }
                    }
                }
                var all: [String] = []
                for try await generations in group { all += generations }
                return all
            }
            try await writer.value
            #expect(seen.count == 240)
            // Once the writer is done, the last commit is what everyone gets.
            let final = try await client.getJSON("/api/search?q=geweld", as: SearchResult.self)
            #expect(final.total == (commits + 1) * batch)
        }
    }
}
