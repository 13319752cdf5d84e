import Foundation
import HummingbirdTesting
import Testing

/// Every error the API gives: status, and the exact `{"error": …}` body.
@Suite("Errors")
struct ErrorTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func badParametersAre400WithAMessage() async throws {
        let cases: [(String, String)] = [
            ("/api/search", "The parameter q (the query) is missing."),
            ("/api/search?q=a&limit=0", "limit must be a whole number from 1 to 100."),
            ("/api/search?q=a&limit=101", "limit must be a whole number from 1 to 100."),
            ("/api/search?q=a&limit=ten", "limit must be a whole number from 1 to 100."),
            ("/api/search?q=a&offset=-1", "offset must be a whole number from 0 to 10000."),
            ("/api/search?q=a&offset=10001", "offset must be a whole number from 0 to 10000."),
            ("/api/search?q=a&per_doc=11", "per_doc must be a whole number from 1 to 10."),
            ("/api/search?q=a&sort=title", "sort must be relevance or date."),
            ("/api/search?q=a&exact_total=yes", "exact_total must be true or false."),
            // Read as the query reads datum: (FilterParameterTests has more).
            ("/api/search?q=a&from=2024-13-01", "The parameter from cannot be read: There is no such date: 2024-13-01 (at position 1 of its value)."),
            ("/api/search?q=a&to=15-03-2024", "The parameter to cannot be read: Not a date: 15-03-2024 (use datum:2024-01-01..2024-12-31, datum:2024-03 or datum:2024) (at position 1 of its value)."),
            ("/api/search?q=a&from=2023-02-29", "The parameter from cannot be read: There is no such date: 2023-02-29 (at position 1 of its value)."),
            ("/api/search?q=a&from=2024-02-01&to=2024-01-31", "from (2024-02-01) is after to (2024-01-31)."),
            ("/api/search?q=a&q=b", "The parameter q is given more than once."),
            ("/api/search?q=%zz", "The URL has a % that is not followed by two hexadecimal digits."),
            ("/api/search?q=%ff", "The URL's parameters are not valid UTF-8."),
            ("/api/search?q=" + String(repeating: "a", count: 1001), "The query is longer than 1000 characters."),
        ]
        try await withLiveServer(index) { client in
            for (uri, message) in cases {
                let error = try await client.getError(uri, status: .badRequest)
                #expect(error == ErrorBody(error: message), "\(uri)")
            }
            // At the cap itself the query is accepted.
            _ = try await client.getJSON("/api/search?q=" + String(repeating: "a", count: 1000), as: EmptyJSON.self)
        }
    }

    @Test func aQueryThatCannotBeReadIs400WithItsPosition() async throws {
        try await withLiveServer(index) { client in
            let error = try await client.getError("/api/search?q=geweld+(huiselijk", status: .badRequest)
            #expect(error == ErrorBody(error: "This ( is never closed (at position 8)", position: 7))
            let quote = try await client.getError("/api/search?q=%22huiselijk", status: .badRequest)
            #expect(quote.position == 0)
        }
    }

    @Test func unknownPathsAre404() async throws {
        try await withLiveServer(index) { client in
            for uri in ["/api/nope", "/api/documents/", "/api"] {
                let error = try await client.getError(uri, status: .notFound)
                #expect(error == ErrorBody(error: "There is no such page or endpoint."), "\(uri)")
            }
            // Another method on an unknown path is the same 404 (MethodTests: a known one is 405).
            let response = try await client.execute(uri: "/api/nope", method: .post)
            #expect(response.status == .notFound)
            #expect(String(buffer: response.body) == #"{"error":"There is no such page or endpoint."}"#)
        }
    }

    @Test func withoutAnIndexEveryIndexEndpointIs503WithoutPaths() async throws {
        let empty = try TestIndex(empty: ())
        try await withLiveServer(empty) { client in
            for uri in ["/api/search?q=geweld", "/api/stats", "/health", "/api/documents/x"] {
                let error = try await client.getError(uri, status: .serviceUnavailable)
                #expect(error == ErrorBody(error: "The index is not available yet: no commit has been made."), "\(uri)")
                #expect(!error.error.contains(empty.directory))
            }
            let (status, body, _) = try await client.get("/")
            #expect(status == .serviceUnavailable)
            #expect(body.contains("De index is nog niet beschikbaar") && !body.contains(empty.directory))
        }
    }
}

extension ErrorTests {
    @Test func aDamagedIndexIs500WithoutDetails() async throws {
        let damaged = try TestIndex()
        try damaged.damageTermDictionary()
        try await withLiveServer(damaged) { client in
            let (status, body, _) = try await client.get("/api/search?q=geweld")
            #expect(status == .internalServerError)
            #expect(body == #"{"error":"The server could not answer this request."}"#)
            #expect(!body.contains(damaged.directory) && !body.contains(".tdc"))
        }
    }
}

/// For responses whose content a test does not look at, only that they are JSON objects.
struct EmptyJSON: Decodable {}
