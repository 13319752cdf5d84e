import Foundation
import HummingbirdTesting
import Testing

@Suite("GET /api/documents/{id}")
struct DocumentEndpointTests {
    struct DocumentBody: Decodable, Equatable {
        struct Passage: Decodable, Equatable {
            var passage: Int
            var heading: String?
            var text: String
        }

        var id: String
        var title: String?
        var date: String?
        var type: String
        var dossier: String?
        var dossiers: [String]
        var number: String?
        var ministry: String?
        var authors: [String]
        var identifiers: [String]
        var source: String
        var passages: [Passage]
    }

    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func returnsMetadataAndPassagesWithFootnotesLast() async throws {
        try await withLiveServer(index) { client in
            let document = try await client.getJSON("/api/documents/brief-geweld", as: DocumentBody.self)
            #expect(document == DocumentBody(
                id: "brief-geweld", title: "Voortgang aanpak huiselijk geweld", date: "2024-03-01", type: "brief", dossier: "28345",
                dossiers: ["28345"], number: "252", ministry: nil, authors: ["De minister"], identifiers: [], source: "Corpus/brief-geweld.txt",
                passages: [
                    .init(passage: 0, heading: nil, text: "De aanpak van huiselijk geweld vraagt maatregelen van gemeenten."),
                    .init(passage: 1, heading: "Femicide", text: "Het kabinet neemt een maatregel tegen femicide."),
                    .init(passage: 2, heading: "Noot 1", text: "Zie de monitor."),
                ]))
            let (_, body, _) = try await client.get("/api/documents/brief-geweld")
            #expect(body.contains(#""ministry":null"#) && body.contains(#"{"heading":null,"passage":0,"#))
        }
    }

    @Test func idsWithSlashesWorkLiterallyAndPercentEncoded() async throws {
        try await withLiveServer(index) { client in
            let literal = try await client.getJSON("/api/documents/wetten/BWBR0001%20art%201", as: DocumentBody.self)
            #expect(literal.id == "wetten/BWBR0001 art 1")
            let encoded = try await client.getJSON("/api/documents/wetten%2FBWBR0001%20art%201", as: DocumentBody.self)
            #expect(encoded == literal)
        }
    }

    @Test func anUnknownDocumentIs404() async throws {
        try await withLiveServer(index) { client in
            let error = try await client.getError("/api/documents/bestaat-niet", status: .notFound)
            #expect(error == ErrorBody(error: "There is no document with id 'bestaat-niet'."))
            let nested = try await client.getError("/api/documents/wetten/bestaat-niet", status: .notFound)
            #expect(nested.error == "There is no document with id 'wetten/bestaat-niet'.")
        }
    }
}
