import Foundation
import HummingbirdTesting
import IndexStore
import Testing

@Suite("GET /api/stats, /health, /openapi.json")
struct StatusEndpointTests {
    struct HealthBody: Decodable, Equatable {
        var status: String
        var generation: UInt64
        var documents: Int
        var version: String?
    }

    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func statsDescribeTheIndex() async throws {
        let snapshot = try IndexSnapshot.open(directory: index.directory)
        let expected = try IndexStatistics(snapshot)
        #expect(expected.documents == 4 && expected.passages == 6 && expected.segments == 1 && expected.generation == 1)
        #expect(expected.terms == (try snapshot.distinctTermCount()) && expected.bytes_on_disk == snapshot.bytesOnDisk())
        #expect(expected.analyzer == snapshot.manifest.analyzer.description && expected.fingerprint == snapshot.contentFingerprint())
        try await withLiveServer(index) { client in
            let stats = try await client.getJSON("/api/stats", as: IndexStatistics.self)
            #expect(stats == expected)
        }
    }

    @Test func healthSaysOkWithTheGeneration() async throws {
        try await withLiveServer(index) { client in
            let health = try await client.getJSON("/health", as: HealthBody.self)
            #expect(health == HealthBody(status: "ok", generation: 1, documents: 4))
        }
        // With the version `kamerzoek serve` gives it.
        try await withLiveServer(index, settings: { $0.version = "9.9.9" }) { client in
            let health = try await client.getJSON("/health", as: HealthBody.self)
            #expect(health == HealthBody(status: "ok", generation: 1, documents: 4, version: "9.9.9"))
        }
    }

    @Test func openAPIIsServedAsJSON() async throws {
        try await withLiveServer(index) { client in
            let (status, body, headers) = try await client.get("/openapi.json")
            #expect(status == .ok)
            #expect(headers[.contentType] == "application/json; charset=utf-8")
            let document = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
            let paths = (document?["paths"] as? [String: Any]).map { Set($0.keys) }
            #expect(paths == [
                "/api/search", "/api/search.csv", "/feeds/search.atom", "/api/documents/{id}", "/api/stats", "/health", "/openapi.json", "/",
                "/documents/{id}",
            ])
        }
    }
}
