import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Server

/// CORS under `/api` and `/feeds` (`CrossOriginMiddleware`), with the origin of
/// `kamerzoek serve --cors-origin`.
@Suite("CORS")
struct CrossOriginTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func anyOriginByDefault() async throws {
        try await withLiveServer(index) { client in
            let origin: HTTPFields = [.origin: "https://example.org"]
            for uri in [
                "/api/search?q=geweld", "/api/stats", "/api/documents/brief-geweld", "/api/search", "/api/nope",
                "/feeds/search.atom?q=geweld", "/feeds/search.atom", "/api/search.csv?q=geweld", "/api/search.csv?q=geweld&limit=0",
            ] {
                let (_, _, headers) = try await client.send(uri, headers: origin)
                #expect(headers[.accessControlAllowOrigin] == "*", "\(uri)")
                #expect(!headers[values: .vary].contains("Origin"), "\(uri)")
                #expect(headers[.accessControlExposeHeaders] == "ETag, Kamerzoek-Generation")
            }
            // The page, the documents' pages and /health are not for other origins.
            for uri in ["/", "/documents/brief-geweld", "/health"] {
                let (_, _, headers) = try await client.send(uri, headers: origin)
                #expect(headers[.accessControlAllowOrigin] == nil, "\(uri)")
            }
        }
    }

    @Test func oneOriginVariesByOrigin() async throws {
        try await withLiveServer(index, settings: { $0.corsOrigin = "https://example.org" }) { client in
            let (status, _, headers) = try await client.send("/api/search?q=geweld", headers: [.origin: "https://example.org"])
            #expect(status == .ok)
            #expect(headers[.accessControlAllowOrigin] == "https://example.org")
            #expect(headers[values: .vary].flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.contains("Origin"))
        }
    }

    @Test func preflightIs204WithTheAllowedMethodsAndHeaders() async throws {
        try await withLiveServer(index) { client in
            let asking: HTTPFields = [
                .origin: "https://example.org", .accessControlRequestMethod: "GET",
                .accessControlRequestHeaders: "if-none-match, x-requested-with",
            ]
            for uri in ["/api/search?q=geweld", "/feeds/search.atom?q=geweld", "/api/search.csv?q=geweld"] {
                let (status, body, headers) = try await client.send(uri, method: .options, headers: asking)
                #expect(status == .noContent, "\(uri)")
                #expect(body.readableBytes == 0)
                #expect(headers[.accessControlAllowOrigin] == "*")
                #expect(headers[.accessControlAllowMethods] == "GET, HEAD, OPTIONS")
                #expect(headers[.accessControlAllowHeaders] == "if-none-match, x-requested-with")
                #expect(headers[.accessControlMaxAge] == "600")
                #expect(headers[.allow] == "GET, HEAD, OPTIONS")
            }

            // Without requested headers there are none to allow.
            let plain = try await client.send("/api/stats", method: .options, headers: [.origin: "https://x.test", .accessControlRequestMethod: "GET"])
            #expect(plain.status == .noContent && plain.headers[.accessControlAllowHeaders] == nil)
            #expect(plain.headers[.accessControlAllowMethods] == "GET, HEAD, OPTIONS")
            // A preflight for a path that does not exist is its 404, with the origin (so the
            // browser can show why).
            let unknown = try await client.send("/api/nope", method: .options, headers: asking)
            #expect(unknown.status == .notFound && unknown.headers[.accessControlAllowMethods] == nil)
            #expect(unknown.headers[.accessControlAllowOrigin] == "*")
        }
    }

    @Test func prefixesAreMatchedWholeSegments() {
        let middleware = CrossOriginMiddleware(origin: "*")
        #expect(middleware.applies(to: "/api") && middleware.applies(to: "/api/search") && middleware.applies(to: "/feeds/nieuw.atom"))
        #expect(!middleware.applies(to: "/apix") && !middleware.applies(to: "/") && !middleware.applies(to: "/documents/api"))
    }
}
