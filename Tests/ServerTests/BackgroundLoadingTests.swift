import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing
@testable import Server

/// A new commit is prepared off the request path (`CurrentCommit`): while it is, searches and
/// stats are answered at once from the commit before, and then the new one is served.
@Suite("Loading a new commit")
struct BackgroundLoadingTests {
    /// Holds the loading of generations from `held` on at `CurrentCommit`'s hook until released.
    final class Gate: @unchecked Sendable {
        // Unchecked: semaphores are thread-safe, and `held` never changes.
        let held: UInt64
        let reached = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        init(holding held: UInt64) { self.held = held }

        func pass(_ generation: UInt64) {
            guard generation >= held else { return }
            reached.signal()
            // Bounded, so that a failing test ends instead of hanging.
            _ = release.wait(timeout: .now() + 20)
        }
    }

    @Test func searchesAreAnsweredFromTheOldCommitWhileTheNewOneIsPrepared() async throws {
        let corpus = try FileCorpus()
        try corpus.commit(["brief": "Het kabinet neemt een maatregel tegen femicide."])
        let gate = Gate(holding: 2)
        let holder = CurrentCommit(directory: corpus.directory, logger: quietLogger(), beforeServing: gate.pass)
        try await withLiveServer(holder: holder) { client in
            let first = try await client.send("/api/search?q=femicide")
            #expect(first.headers.generation == 1)

            try corpus.commit(["nieuw": "Een nieuw plan tegen femicide."])
            // This request notices the commit and starts preparing it; it is not kept waiting.
            let noticing = try await client.send("/api/stats")
            #expect(noticing.status == .ok && noticing.headers.generation == 1)
            let reached = await Task.detached { gate.reached.wait(timeout: .now() + 20) == .success }.value
            try #require(reached, "the new commit never reached the hook")

            // Generation 2 is prepared but held: every answer comes from 1, at once.
            let clock = ContinuousClock()
            for uri in ["/api/search?q=femicide", "/api/stats", "/api/search?q=plan", "/?q=femicide", "/health"] {
                let started = clock.now
                let response = try await client.send(uri)
                #expect(clock.now - started < .seconds(2), "\(uri) waited for the new commit")
                #expect(response.status == .ok && response.headers.generation == 1, "\(uri)")
            }
            let old = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(old.results.map(\.doc_id) == ["brief"])

            gate.release.signal()
            _ = try await client.waitForGeneration(2, uri: "/health")
            let new = try await client.getJSON("/api/search?q=femicide", as: SearchResult.self)
            #expect(Set(new.results.map(\.doc_id)) == ["brief", "nieuw"])
            let stats = try await client.getJSON("/api/stats", as: IndexStatistics.self)
            #expect(stats.generation == 2 && stats.documents == 2)
        }
    }

    /// What a commit's first requests would have computed is ready when it is served.
    @Test func aServedCommitIsPrepared() throws {
        let corpus = try FileCorpus()
        try corpus.commit(["brief": "Het kabinet neemt een maatregel tegen femicide."])
        let holder = CurrentCommit(directory: corpus.directory, logger: quietLogger())
        let loaded = try holder.current()
        #expect(loaded.isPrepared)
    }
}
