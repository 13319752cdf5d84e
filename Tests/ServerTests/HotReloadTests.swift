import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing

/// A commit made while the server runs (here by `IndexWriter.index` in this process, as
/// `kamerzoek index` makes it in another) is served, without a restart, as soon as it is
/// prepared in the background (the request that notices it is still answered from the
/// commit before: `BackgroundLoadingTests`).
@Suite("Hot reload")
struct HotReloadTests {
    @Test func aNewCommitIsServedWithoutARestart() async throws {
        let corpus = try FileCorpus()
        try corpus.commit(["brief": "Het kabinet neemt een maatregel tegen femicide.", "motie": "Verzoekt de regering om meer onderwijs."])
        try await withLiveServer(corpus.index) { client in
            let before = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(before.results.map(\.doc_id) == ["brief"])
            let first = try await client.getJSON("/api/stats", as: IndexStatistics.self)
            #expect(first.generation == 1 && first.documents == 2)

            try corpus.commit(["nieuw": "Een nieuw plan tegen femicide."])
            _ = try await client.waitForGeneration(2, uri: "/health")

            let after = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(Set(after.results.map(\.doc_id)) == ["brief", "nieuw"])
            let stats = try await client.getJSON("/api/stats", as: IndexStatistics.self)
            #expect(stats.generation == 2 && stats.documents == 3)
            _ = try await client.getJSON("/api/documents/nieuw", as: EmptyJSON.self)

            // A changed file: the old text is gone, the new one found.
            try corpus.commit(["nieuw": "Een ander onderwerp."])
            _ = try await client.waitForGeneration(3, uri: "/health")
            let replaced = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(replaced.results.map(\.doc_id) == ["brief"])
        }
    }

    @Test func theFirstCommitIsPickedUpByAServerStartedWithoutIndex() async throws {
        let corpus = try FileCorpus()
        try await withLiveServer(corpus.index) { client in
            _ = try await client.getError("/api/search?q=femicide", status: .serviceUnavailable)
            try corpus.commit(["brief": "Het kabinet neemt een maatregel tegen femicide."])
            let result = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(result.total == 1)
        }
    }

    /// Requests on several connections while commits land: every response is 200, and its
    /// total is exactly the total of the generation it says it came from (no response mixes
    /// two commits).
    @Test func concurrentRequestsDuringReindexingSeeWholeCommits() async throws {
        let batch = 30, commits = 6
        let corpus = try FileCorpus()
        let files: @Sendable (Int) -> [String: String] = { round in
            Dictionary(uniqueKeysWithValues: (0 ..< batch).map { ("r\(round)-\($0)", "Geweld in ronde \(round), bestand \($0).") })
        }
        try corpus.commit(files(0))
        // Generation g holds g rounds of files, one passage each.
        let expectedTotals = Dictionary(uniqueKeysWithValues: (1 ... commits + 1).map { (String($0), $0 * batch) })

        // Commits are what is tested here, not fair use: four connections of one client
        // would otherwise queue for the per-client turns, and on a slow machine (under
        // ThreadSanitizer, say) a queued request is told 503 to come back later.
        try await withLiveServer(corpus.index, settings: { $0.searchLimits = nil }) { client in
            let port = try #require(client.port)
            let writer = Task.detached {
                for round in 1 ... commits {
                    let summary = try corpus.commit(files(round))
                    #expect(summary.added == batch && summary.generation == UInt64(round + 1))
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
            // Once the writer is done and the last commit loaded, it is what everyone gets.
            _ = try await client.waitForGeneration(UInt64(commits + 1), uri: "/health")
            let final = try await client.getJSON("/api/search?q=geweld", as: SearchResult.self)
            #expect(final.total == (commits + 1) * batch)
        }
    }
}
