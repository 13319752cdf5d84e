import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing
@testable import Server

/// `GET /api/search.csv`, over real HTTP, read back with a strict RFC 4180 reader and
/// compared with `/api/search`'s JSON for the same parameters.
@Suite("GET /api/search.csv")
struct CSVExportTests {
    static let header = ["doc_id", "title", "date", "type", "dossier", "url", "passage", "score", "snippet"]

    /// The test index, plus a title with a comma and quotes, a passage over two lines and
    /// an official address.
    static let documents = TestIndex.documents + [
        StoredDocument(
            id: "motie-komma", source: "Corpus/motie-komma.txt", contentHash: "9", title: "Motie \"Geweld\", regel 1; € 5",
            date: "2024-11-05", type: "motie", dossiers: ["36600-VI"], url: "https://zoek.officielebekendmakingen.nl/kst-36600-VI-12",
            passages: [TestIndex.passage("Verzoekt de regering, gelet op geweld,\nom \"iets\" te doen.")]),
    ]

    func csv(_ client: any TestClientProtocol, _ uri: String) async throws -> [[String]] {
        let (status, body, headers) = try await client.get(uri)
        #expect(status == .ok, "\(uri): \(body)")
        #expect(headers[.contentType] == "text/csv; charset=utf-8")
        #expect(headers[.init("Content-Disposition")!] == "attachment; filename=\"kamerzoek.csv\"")
        #expect(headers[.init("Kamerzoek-Generation")!] == "1")
        let records = try CSVReader.records(body)
        #expect(records.first == Self.header)
        return Array(records.dropFirst())
    }

    /// The snippet of the JSON (HTML, hits in <mark>) as the text it shows.
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    @Test func rowsAreTheHitsOfTheJSON() async throws {
        let index = try TestIndex(documents: Self.documents)
        let queries = [
            "q=geweld", "q=huiselijk+geweld&per_doc=3", "q=geweld&sort=date", "q=geweld&type=motie", "q=geweld&dossier=36600-VI",
            "q=geweld&from=2024-01-01", "q=maatregel&per_doc=2", "q=geweld&limit=2&offset=1", "q=bestaatniet", "q=",
        ]
        try await withLiveServer(index) { client in
            for query in queries {
                let json = try await client.getJSON("/api/search?\(query)", as: SearchResult.self)
                let rows = try await csv(client, "/api/search.csv?\(query)")
                #expect(rows.count == json.results.count, "\(query)")
                for (row, hit) in zip(rows, json.results) {
                    #expect(row.count == 9)
                    #expect(row[0] == hit.doc_id && row[1] == (hit.title ?? "") && row[2] == (hit.date ?? "") && row[3] == hit.type)
                    #expect(row[4] == (hit.dossier ?? "") && row[5] == (hit.url ?? "") && row[6] == String(hit.passage))
                    #expect(Double(row[7]) == hit.score)
                    #expect(row[8] == Self.plain(hit.snippet), "\(query): \(row[8]) vs \(hit.snippet)")
                }
            }
        }
    }

    @Test func quotesAsRFC4180Asks() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let rows = try await csv(client, "/api/search.csv?q=gelet")
            let (_, body, _) = try await client.get("/api/search.csv?q=gelet")
            #expect(body == """
                doc_id,title,date,type,dossier,url,passage,score,snippet\r
                motie-komma,"Motie ""Geweld"", regel 1; € 5",2024-11-05,motie,36600-VI,https://zoek.officielebekendmakingen.nl/kst-36600-VI-12,0,\
                \(rows[0][7]),"Verzoekt de regering, gelet op geweld,
                om ""iets"" te doen."\r

                """)
            #expect(rows[0][1] == "Motie \"Geweld\", regel 1; € 5")
            #expect(rows[0][8] == "Verzoekt de regering, gelet op geweld,\nom \"iets\" te doen.")
            // The snippet is text: the law's `<b>` and `&` as they are, no <mark>.
            let law = try await csv(client, "/api/search.csv?q=strafbaar")
            #expect(law[0][1] == "Wet \"huiselijk\" <geweld> & zo" && law[0][8].contains("<b>echt</b> & zo") && !law[0][8].contains("<mark>"))
        }
    }

    @Test func exportsUpToAThousandDocuments() async throws {
        let many = try TestIndex(documents: (0 ..< 150).map { number in
            StoredDocument(
                id: "doc-\(number)", source: "Corpus/doc-\(number).txt", contentHash: "\(number)", title: "Document \(number)",
                date: "2024-01-01", type: "brief", passages: [TestIndex.passage("Geweld in document \(number).")])
        })
        try await withLiveServer(many) { client in
            // By default every result, past the 100 that /api/search pages at most.
            let all = try await csv(client, "/api/search.csv?q=geweld")
            #expect(all.count == 150 && Set(all.map { $0[0] }).count == 150)
            #expect(try await csv(client, "/api/search.csv?q=geweld&limit=1000").count == 150)
            #expect(try await csv(client, "/api/search.csv?q=geweld&limit=7").count == 7)
            #expect(try await csv(client, "/api/search.csv?q=geweld&limit=10&offset=145").count == 5)
            // The export's order is the search's: the same documents as the JSON's pages.
            let first = try await client.getJSON("/api/search?q=geweld&limit=100", as: SearchResult.self)
            #expect(Array(all.prefix(100).map { $0[0] }) == first.results.map(\.doc_id))

            for bad in ["limit=0", "limit=1001", "limit=veel", "limit=5&limit=6", "offset=-1", "sort=titel", "per_doc=11"] {
                let error = try await client.getError("/api/search.csv?q=geweld&\(bad)", status: .badRequest)
                #expect(!error.error.isEmpty, "\(bad)")
            }
            let limit = try await client.getError("/api/search.csv?q=geweld&limit=1001", status: .badRequest)
            #expect(limit.error == "limit must be a whole number from 1 to 1000.")
            _ = try await client.getError("/api/search.csv?limit=5", status: .badRequest)
        }
    }
}
