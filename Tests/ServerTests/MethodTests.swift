import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// HEAD for every GET route, OPTIONS, and 405 for other methods (`MethodMiddleware`).
@Suite("HTTP methods")
struct MethodTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    /// Every route, and a few of its errors: HEAD answers what GET answers, without the body.
    static let uris = [
        "/", "/?q=geweld", "/?q=geweld+(", "/documents/brief-geweld", "/documents/bestaat-niet", "/health", "/openapi.json",
        "/api/search?q=geweld", "/api/search", "/api/stats", "/api/documents/brief-geweld", "/api/documents/wetten/BWBR0001%20art%201",
        "/api/documents/bestaat-niet", "/api/nope", "/feeds/search.atom?q=geweld", "/feeds/search.atom?q=geweld+(",
        "/api/search.csv?q=geweld", "/api/search.csv?q=geweld&limit=0",
    ]

    @Test func headAnswersAsGetWithoutABody() async throws {
        try await withLiveServer(index) { client in
            for uri in Self.uris {
                let get = try await client.send(uri)
                let head = try await client.send(uri, method: .head)
                #expect(head.status == get.status, "\(uri)")
                #expect(head.body.readableBytes == 0, "\(uri)")
                // The same headers: a search's took_ms may change its length by a digit.
                let dynamic = uri.contains("q=")
                for field in get.headers where field.name != .date && !(dynamic && field.name == .contentLength) {
                    #expect(head.headers[field.name] == field.value, "\(uri): \(field.name)")
                }
                #expect(head.headers[.contentLength] != nil, "\(uri)")
                if !dynamic { #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(uri)") }
            }
        }
    }

    @Test func otherMethodsOnAKnownPathAre405WithAllow() async throws {
        try await withLiveServer(index) { client in
            for (uri, method) in [
                ("/api/search?q=geweld", HTTPRequest.Method.post), ("/", .put), ("/health", .delete), ("/api/documents/brief-geweld", .patch),
                ("/feeds/search.atom?q=geweld", .post), ("/api/search.csv?q=geweld", .delete),
            ] {
                let (status, body, headers) = try await client.send(uri, method: method)
                #expect(status == .methodNotAllowed, "\(method) \(uri)")
                #expect(headers[.allow] == "GET, HEAD, OPTIONS")
                let error = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: body))
                #expect(error.error == "This path answers GET and HEAD only (and OPTIONS), not \(method.rawValue).")
            }
            // An unknown path stays a 404, whatever the method.
            #expect(try await client.send("/api/nope", method: .delete).status == .notFound)
            #expect(try await client.send("/api/nope", method: .options).status == .notFound)
        }
    }

    @Test func optionsOnAKnownPathIs204WithAllow() async throws {
        try await withLiveServer(index) { client in
            for uri in ["/", "/health", "/api/stats", "/documents/brief-geweld", "/feeds/search.atom", "/api/search.csv"] {
                let (status, body, headers) = try await client.send(uri, method: .options)
                #expect(status == .noContent, "\(uri)")
                #expect(headers[.allow] == "GET, HEAD, OPTIONS")
                #expect(body.readableBytes == 0)
            }
        }
    }
}
