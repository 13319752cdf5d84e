import Foundation
import Hummingbird
import HummingbirdTesting
import IndexStore
import Testing
@testable import Server

/// ETag, Cache-Control and 304 for the answers of one commit (`SnapshotCachingMiddleware`).
@Suite("Caching")
struct CachingTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    static let cached = [
        "/api/search?q=geweld", "/api/stats", "/api/documents/brief-geweld", "/", "/?q=geweld", "/documents/brief-geweld",
        "/feeds/search.atom?q=geweld", "/api/search.csv?q=geweld",
    ]

    @Test func answersOfACommitHaveATagAndAreRevalidated() async throws {
        try await withLiveServer(index) { client in
            var tags: Set<String> = []
            for uri in Self.cached {
                let first = try await client.send(uri)
                #expect(first.status == .ok, "\(uri)")
                let tag = try #require(first.headers[.eTag], "\(uri)")
                #expect(tag.hasPrefix("W/\"1-") && tag.hasSuffix("\""), "\(uri): \(tag)")
                #expect(first.headers[.cacheControl] == "public, max-age=60", "\(uri)")
                tags.insert(tag)

                // The tag (weak or strong, alone or in a list, or *) is a 304 without a body.
                let strong = String(tag.dropFirst(2))
                for condition in [tag, strong, "\"other\", \(tag)", "*"] {
                    let again = try await client.send(uri, headers: [.ifNoneMatch: condition])
                    #expect(again.status == .notModified, "\(uri) with \(condition)")
                    #expect(again.body.readableBytes == 0)
                    #expect(again.headers[.eTag] == tag && again.headers[.cacheControl] == "public, max-age=60")
                }
                let head = try await client.send(uri, method: .head, headers: [.ifNoneMatch: tag])
                #expect(head.status == .notModified, "HEAD \(uri)")
                // Another tag: the whole answer, with its tag.
                let other = try await client.send(uri, headers: [.ifNoneMatch: "W/\"1-0-0\""])
                #expect(other.status == .ok && other.headers[.eTag] == tag, "\(uri)")
            }
            // One tag per URL.
            #expect(tags.count == Self.cached.count)
            let otherQuery = try await client.send("/api/search?q=geweld&limit=2")
            #expect(otherQuery.headers[.eTag].map { tags.contains($0) } == false)
        }
    }

    @Test func errorsAndHealthAreNotCached() async throws {
        try await withLiveServer(index) { client in
            for uri in [
                "/api/search?q=geweld+(", "/api/documents/bestaat-niet", "/?q=(", "/documents/bestaat-niet", "/api/nope",
                "/feeds/search.atom?q=geweld+(", "/api/search.csv?q=geweld&limit=0",
            ] {
                let response = try await client.send(uri)
                #expect(response.status != .ok && response.headers[.eTag] == nil, "\(uri)")
                let conditional = try await client.send(uri, headers: [.ifNoneMatch: "*"])
                #expect(conditional.status == response.status, "\(uri)")
            }
            let health = try await client.send("/health")
            #expect(health.headers[.cacheControl] == "no-cache" && health.headers[.eTag] == nil)
            #expect(try await client.send("/health", headers: [.ifNoneMatch: "*"]).status == .ok)
        }
    }

    @Test func aNewCommitChangesTheTag() async throws {
        let corpus = try FileCorpus()
        try corpus.commit(["brief": "Het kabinet neemt een maatregel tegen femicide."])
        try await withLiveServer(corpus.index) { client in
            let before = try await client.send("/api/search?q=femicide")
            let tag = try #require(before.headers[.eTag])
            #expect(try await client.send("/api/search?q=femicide", headers: [.ifNoneMatch: tag]).status == .notModified)

            try corpus.commit(["nieuw": "Een nieuw plan tegen femicide."])
            let after = try await client.waitForGeneration(2, uri: "/api/search?q=femicide", headers: [.ifNoneMatch: tag])
            #expect(after.status == .ok)
            let newTag = try #require(after.headers[.eTag])
            #expect(newTag != tag && newTag.hasPrefix("W/\"2-"))
            #expect(try await client.send("/api/search?q=femicide", headers: [.ifNoneMatch: newTag]).status == .notModified)
        }
    }

    @Test func searchesCutShortAreNotKept() async throws {
        // The searcher looks at the clock every 1024 passages, so the index needs more; the
        // feed lists dated documents only.
        let big = try TestIndex(documents: (0 ..< 3000).map { number in
            StoredDocument(
                id: "d\(number)", source: "d\(number)", contentHash: "\(number)", date: "2024-01-01",
                passages: [TestIndex.passage("geweld nummer \(number)")])
        })
        try await withLiveServer(big, timeBudget: .zero) { client in
            // Two words, so that their passages must be counted; another try may find more.
            for uri in ["/api/search?q=geweld%20nummer", "/feeds/search.atom?q=geweld%20nummer", "/api/search.csv?q=geweld%20nummer"] {
                let response = try await client.send(uri)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.cacheControl] == "no-store" && response.headers[.eTag] == nil, "\(uri)")
            }
        }
    }

    @Test func theTagNamesTheSiteTheFeedLinksTo() async throws {
        // The feed's links are absolute, written with the scheme a proxy names: an answer
        // for https is not one for http.
        try await withLiveServer(index) { client in
            let uri = "/feeds/search.atom?q=geweld"
            let plain = try #require(try await client.send(uri).headers[.eTag])
            var https: HTTPFields = [.init("X-Forwarded-Proto")!: "https"]
            https[.ifNoneMatch] = plain
            let proxied = try await client.send(uri, headers: https)
            #expect(proxied.status == .ok)
            let tag = try #require(proxied.headers[.eTag])
            #expect(tag != plain)
            https[.ifNoneMatch] = tag
            #expect(try await client.send(uri, headers: https).status == .notModified)
        }
    }

    @Test func anotherVersionOfTheServerHasAnotherTag() async throws {
        let first = try await withLiveServer(index, settings: { $0.version = "1.0.0" }) { try await $0.send("/api/stats").headers[.eTag] }
        let second = try await withLiveServer(index, settings: { $0.version = "1.0.1" }) { try await $0.send("/api/stats").headers[.eTag] }
        #expect(first != nil && second != nil && first != second)
    }

    @Test func aRebuiltIndexWithTheSameGenerationHasAnotherTag() throws {
        let first = try TestIndex(), second = try TestIndex()
        let a = try CurrentCommit(directory: first.directory, logger: quietLogger()).current()
        let b = try CurrentCommit(directory: second.directory, logger: quietLogger()).current()
        #expect(a.generation == b.generation && a.commitTag != b.commitTag)
    }

    @Test func ifNoneMatchIsParsed() {
        let list = IfNoneMatch(["W/\"a\", \"b,c\"", " \"d\""])
        #expect(list?.tags == ["\"a\"", "\"b,c\"", "\"d\""] && list?.any == false)
        #expect(IfNoneMatch(["*"])?.any == true)
        #expect(IfNoneMatch([]) == nil)
        #expect(IfNoneMatch(["garbage, \"e\""])?.tags == ["\"e\""])
    }
}
