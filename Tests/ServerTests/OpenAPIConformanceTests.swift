import Foundation
import HummingbirdTesting
import IndexStore
import Testing

/// Real responses of every endpoint, successes and errors, validated against the schemas
/// of the served `/openapi.json` by `Support/validate_openapi.py` (jsonschema and
/// openapi-spec-validator, which also checks the document itself).
@Suite("OpenAPI conformance")
struct OpenAPIConformanceTests {
    /// A response to check: the document's path template, the status, the parsed body.
    struct Sample: Sendable {
        var path: String
        var uri: String
    }

    static let samples: [Sample] = [
        Sample(path: "/api/search", uri: "/api/search?q=huiselijk+geweld&per_doc=3"),
        Sample(path: "/api/search", uri: "/api/search?q=strafbaar"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&sort=date&type=overig"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&offset=100"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld+(huiselijk"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&limit=1000"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&facets=type,year,dossier"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&facets=year&type=brief"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&facets=kleur"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/brief-geweld"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/zonder-datum"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/wetten/BWBR0001%20art%201"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/bestaat-niet"),
        Sample(path: "/api/stats", uri: "/api/stats"),
        Sample(path: "/health", uri: "/health"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=huiselijk+geweld"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld&type=wet&from=2019-01-01"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=bestaatniet"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld&from=2024-13-01"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=huiselijk+geweld&per_doc=3"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=strafbaar"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=bestaatniet"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld&limit=1001"),
    ]

    /// Over an index where words are frequent enough to be suggested (``SpellingDictionary``).
    static let suggestionSamples: [Sample] = [
        Sample(path: "/api/search", uri: "/api/search?q=stiksof&facets=type,year,dossier"),
        Sample(path: "/api/search", uri: "/api/search?q=%22stiksof+natuur%22"),
    ]

    static let unavailableSamples: [Sample] = [
        Sample(path: "/api/search", uri: "/api/search?q=geweld"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/brief-geweld"),
        Sample(path: "/api/stats", uri: "/api/stats"),
        Sample(path: "/health", uri: "/health"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld"),
    ]

    @Test func everyResponseMatchesItsSchema() async throws {
        let index = try TestIndex()
        let empty = try TestIndex(empty: ())
        var collected: [[String: Any]] = []
        let (openAPI, served) = try await withLiveServer(index) { client in
            let document = try await client.get("/openapi.json").body
            return (document, try await Self.fetch(Self.samples, from: client))
        }
        let unavailable = try await withLiveServer(empty) { client in try await Self.fetch(Self.unavailableSamples, from: client) }
        let suggesting = try await withLiveServer(try FacetsAndSuggestionTests.index()) { client in
            try await Self.fetch(Self.suggestionSamples, from: client)
        }
        #expect(suggesting.allSatisfy { $0.3.contains("\"suggestion\":") })
        #expect(served.contains { $0.0.uri.contains("facets=type") && $0.3.contains("\"facets_exact\":true") })
        for (sample, status, contentType, body) in served + unavailable + suggesting {
            // JSON is validated parsed; other media types (Atom, CSV) as their text.
            let parsed = contentType.hasPrefix("application/json") ? try JSONSerialization.jsonObject(with: Data(body.utf8)) : body
            collected.append(["path": sample.path, "status": status, "content_type": contentType, "body": parsed])
        }
        // Every documented status of these endpoints occurs at least once.
        let statuses = Set(collected.map { "\($0["path"]!) \($0["status"]!)" })
        #expect(statuses.isSuperset(of: ["/api/search 200", "/api/search 400", "/api/search 503", "/api/documents/{id} 200",
                                         "/api/documents/{id} 404", "/api/stats 200", "/health 200", "/health 503",
                                         "/feeds/search.atom 200", "/feeds/search.atom 400", "/feeds/search.atom 503",
                                         "/api/search.csv 200", "/api/search.csv 400", "/api/search.csv 503"]))
        // Each response names the media type the document gives it (the script checks it is listed).
        let mediaTypes = Set(collected.filter { $0["status"] as? Int == 200 }.map { "\($0["path"]!) \($0["content_type"]!)" })
        #expect(mediaTypes.isSuperset(of: ["/feeds/search.atom application/atom+xml; charset=utf-8", "/api/search.csv text/csv; charset=utf-8"]))

        let folder = NSTemporaryDirectory() + "kamerzoek-openapi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(openAPI.utf8).write(to: URL(fileURLWithPath: folder + "/openapi.json"))
        try JSONSerialization.data(withJSONObject: collected).write(to: URL(fileURLWithPath: folder + "/samples.json"))

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/validate_openapi.py").path
        let (status, output) = try Self.run(["/usr/bin/env", "python3", script, folder + "/openapi.json", folder + "/samples.json"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(collected.count) responses checked, 0 problems"))
    }

    static func fetch(_ samples: [Sample], from client: any TestClientProtocol) async throws -> [(Sample, Int, String, String)] {
        var responses: [(Sample, Int, String, String)] = []
        for sample in samples {
            let (status, body, headers) = try await client.get(sample.uri)
            responses.append((sample, status.code, headers[.contentType] ?? "", body))
        }
        return responses
    }

    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
