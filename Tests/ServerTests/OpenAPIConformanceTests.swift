import Foundation
import Hummingbird
import HummingbirdTesting
import IndexStore
import Testing

/// Real responses of every endpoint, successes and errors, validated against the schemas
/// of the served `/openapi.json` by `Support/validate_openapi.py` (jsonschema and
/// openapi-spec-validator, which also checks the document itself; Atom feeds and CSV are
/// parsed too).
@Suite("OpenAPI conformance")
struct OpenAPIConformanceTests {
    /// A response to check: the document's path template (or a response of
    /// components/responses), the request.
    struct Sample: Sendable {
        var path: String
        var uri: String
        var method: HTTPRequest.Method = .get
        var headers: HTTPFields = [:]
        /// Send the ETag of a first GET as If-None-Match (a 304).
        var conditional = false
        /// For what no one operation describes (405).
        var component: String?
    }

    static let gzip: HTTPFields = [.acceptEncoding: "gzip"]
    static let preflight: HTTPFields = [
        .origin: "https://example.org", .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "if-none-match",
    ]

    static let samples: [Sample] = [
        Sample(path: "/api/search", uri: "/api/search?q=huiselijk+geweld&per_doc=3"),
        Sample(path: "/api/search", uri: "/api/search?q=huiselijk+geweld&per_doc=3", headers: gzip),
        Sample(path: "/api/search", uri: "/api/search?q=strafbaar"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&sort=date&type=overig"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&sort=date_asc"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&offset=100"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld+(huiselijk"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&limit=1000"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&facets=type,year,dossier"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&facets=year&type=brief"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&facets=kleur"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld&type=nonsense"),
        Sample(path: "/api/search", uri: "/api/search?q=geweld", conditional: true),
        Sample(path: "/api/search", uri: "/api/search?q=geweld", method: .options, headers: preflight),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld&facets=type,year,dossier"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld&facets=year"),
        Sample(path: "/", uri: "/?q=geweld&facets=kleur"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/brief-geweld"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/zonder-datum"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/wetten/BWBR0001%20art%201"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/bestaat-niet"),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/brief-geweld", conditional: true),
        Sample(path: "/api/documents/{id}", uri: "/api/documents/brief-geweld", method: .options, headers: preflight),
        Sample(path: "/api/stats", uri: "/api/stats"),
        Sample(path: "/api/stats", uri: "/api/stats", conditional: true),
        Sample(path: "/api/stats", uri: "/api/stats", method: .options, headers: preflight),
        Sample(path: "/health", uri: "/health"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=huiselijk+geweld"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld&type=wet&from=2019-01-01"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=bestaatniet"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld&from=2024-13-01"),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld", headers: gzip),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld", conditional: true),
        Sample(path: "/feeds/search.atom", uri: "/feeds/search.atom?q=geweld", method: .options, headers: preflight),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=huiselijk+geweld&per_doc=3"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=strafbaar"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=bestaatniet"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld&limit=1001"),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld&per_doc=3", headers: gzip),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld", conditional: true),
        Sample(path: "/api/search.csv", uri: "/api/search.csv?q=geweld", method: .options, headers: preflight),
        Sample(path: "/openapi.json", uri: "/openapi.json", headers: gzip),
        Sample(path: "/", uri: "/?q=geweld", headers: gzip),
        Sample(path: "/", uri: "/?q=geweld", conditional: true),
        Sample(path: "/", uri: "/?q=geweld+("),
        Sample(path: "/documents/{id}", uri: "/documents/brief-geweld", headers: gzip),
        Sample(path: "/documents/{id}", uri: "/documents/brief-geweld", conditional: true),
        Sample(path: "/documents/{id}", uri: "/documents/bestaat-niet"),
        Sample(path: "", uri: "/api/search?q=geweld", method: .post, component: "MethodNotAllowed"),
        Sample(path: "", uri: "/health", method: .delete, component: "MethodNotAllowed"),
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
        Sample(path: "/", uri: "/"),
    ]

    @Test func everyResponseMatchesItsSchema() async throws {
        let index = try TestIndex()
        let empty = try TestIndex(empty: ())
        var collected: [[String: Any]] = []
        let (openAPI, served) = try await withLiveServer(index, settings: { $0.version = "0.21.0" }) { client in
            let document = try await client.get("/openapi.json").body
            return (document, try await Self.fetch(Self.samples, from: client))
        }
        let unavailable = try await withLiveServer(empty) { client in try await Self.fetch(Self.unavailableSamples, from: client) }
        let suggesting = try await withLiveServer(try FacetsAndSuggestionTests.index()) { client in
            try await Self.fetch(Self.suggestionSamples, from: client)
        }
        #expect(suggesting.allSatisfy { $0.3.text.contains("\"suggestion\":") })
        #expect(served.contains { $0.0.uri.hasPrefix("/api/search?") && $0.0.uri.contains("facets=type") && $0.3.text.contains("\"facets_exact\":true") })
        // The feed and the export read facets but never count them.
        #expect(served.filter { !$0.0.uri.hasPrefix("/api/search?") && $0.0.uri.contains("facets=") }.allSatisfy { !$0.3.text.contains("facets") })
        for (sample, status, contentType, body, headers) in served + unavailable + suggesting {
            var entry: [String: Any] = ["status": status, "headers": headers]
            if let component = sample.component { entry["response"] = component } else {
                entry["path"] = sample.path
                entry["method"] = sample.method.rawValue.lowercased()
            }
            if let contentType { entry["content_type"] = contentType }
            // JSON is validated parsed; other media types (Atom, CSV) as their text.
            switch body {
            case .unchecked: entry["body"] = NSNull()
            case .json(let data): entry["body"] = try JSONSerialization.jsonObject(with: data)
            case .text(let text): entry["body"] = text
            }
            collected.append(entry)
        }
        // Every documented status of these endpoints occurs at least once.
        let statuses = Set(collected.map { "\($0["method"] ?? "") \($0["path"] ?? $0["response"]!) \($0["status"]!)" })
        #expect(statuses.isSuperset(of: [
            "get /api/search 200", "get /api/search 304", "get /api/search 400", "get /api/search 503", "options /api/search 204",
            "get /api/documents/{id} 200", "get /api/documents/{id} 304", "get /api/documents/{id} 404", "get /api/stats 200",
            "get /api/stats 304", "get /health 200", "get /health 503", "get / 200", "get / 304", "get / 400", "get / 503",
            "get /documents/{id} 304", "get /documents/{id} 404", " MethodNotAllowed 405",
            "get /feeds/search.atom 200", "get /feeds/search.atom 304", "get /feeds/search.atom 400", "get /feeds/search.atom 503",
            "options /feeds/search.atom 204", "get /api/search.csv 200", "get /api/search.csv 304", "get /api/search.csv 400",
            "get /api/search.csv 503", "options /api/search.csv 204",
        ]), "\(statuses.sorted())")
        // Each response names the media type the document gives it (the script checks it is listed).
        let mediaTypes = Set(collected.filter { $0["status"] as? Int == 200 }.map { "\($0["path"] ?? "") \($0["content_type"] ?? "")" })
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

    /// A response's body as the script checks it.
    enum Body: Sendable {
        /// None, or an HTML page's.
        case unchecked
        case json(Data)
        /// Any other media type (Atom, CSV).
        case text(String)

        /// The body as text, empty when unchecked.
        var text: String {
            switch self {
            case .unchecked: ""
            case .json(let data): String(decoding: data, as: UTF8.self)
            case .text(let text): text
            }
        }
    }

    /// Each sample's status, media type, body (gunzipped if need be) and headers (repeated
    /// ones joined with ", ").
    static func fetch(
        _ samples: [Sample], from client: any TestClientProtocol
    ) async throws -> [(Sample, Int, String?, Body, [String: String])] {
        var responses: [(Sample, Int, String?, Body, [String: String])] = []
        for sample in samples {
            var headers = sample.headers
            if sample.conditional {
                headers[.ifNoneMatch] = try #require(try await client.send(sample.uri).headers[.eTag], "\(sample.uri)")
            }
            let (status, buffer, received) = try await client.send(sample.uri, method: sample.method, headers: headers)
            var bytes = Array(buffer.readableBytesView)
            if received[.contentEncoding] == "gzip" { bytes = try CompressionTests.gunzip(bytes) }
            let contentType = received[.contentType]
            let body: Body
            if bytes.isEmpty || contentType?.hasPrefix("text/html") == true {
                // Pages are not checked beyond their headers and media type: their bodies are HTML.
                body = .unchecked
            } else if contentType?.hasPrefix("application/json") == true {
                body = .json(Data(bytes))
            } else {
                body = .text(String(decoding: bytes, as: UTF8.self))
            }
            var fields: [String: String] = [:]
            for field in received { fields[field.name.canonicalName, default: ""] += (fields[field.name.canonicalName] == nil ? "" : ", ") + field.value }
            responses.append((sample, status.code, contentType, body, fields))
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
