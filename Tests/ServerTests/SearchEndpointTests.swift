import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing
@testable import Server

@Suite("GET /api/search")
struct SearchEndpointTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func answersWithTheSameResultAsTheSearcher() async throws {
        let directory = index.directory
        try await withLiveServer(index) { client in
            let (status, body, headers) = try await client.get("/api/search?q=huiselijk+geweld&limit=10")
            #expect(status == .ok)
            #expect(headers[.contentType] == "application/json; charset=utf-8")
            #expect(headers[.init("Kamerzoek-Generation")!] == "1")
            let served = try JSONDecoder().decode(SearchResult.self, from: Data(body.utf8))

            var expected = try Searcher(snapshot: IndexSnapshot.open(directory: directory)).search("huiselijk geweld")
            expected.took_ms = served.took_ms
            // The engine's result as it encodes itself, byte for byte (`search --json`
            // prints it the same way): the route shapes nothing.
            #expect(body == String(decoding: try MachineJSON.encoder().encode(expected), as: UTF8.self))
            // The plain snippet is for what is not HTML, not for the JSON.
            #expect(expected.results.allSatisfy { $0.plainSnippet != nil } && served.results.allSatisfy { $0.plainSnippet == nil })
            #expect(served.total == 3 && served.documents == 3 && !served.partial && served.total_is_exact)
        }
    }

    /// `exact_total=true` reaches the engine (``SearchOptions/exactTotal``); on this small
    /// index both ways count every match.
    @Test func exactTotalIsPassedOn() async throws {
        try await withLiveServer(index) { client in
            for value in ["true", "false"] {
                let served = try await client.getJSON("/api/search?q=geweld&exact_total=\(value)", as: SearchResult.self)
                #expect(served.total_is_exact && served.total > 0)
            }
        }
        var parameters = try SearchParameters(QueryString("q=geweld&exact_total=true"))
        #expect(parameters.options(timeBudget: .seconds(1)).exactTotal)
        parameters = try SearchParameters(QueryString("q=geweld"))
        #expect(!parameters.options(timeBudget: .seconds(1)).exactTotal)
        #expect(SearchPage.grouped(10_000) == "10.000" && SearchPage.grouped(999) == "999" && SearchPage.grouped(1_234_567) == "1.234.567")
    }

    @Test func keysAreSortedAndSlashesKept() async throws {
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/api/search?q=strafbaar")
            #expect(body.hasPrefix(#"{"documents":1,"partial":false,"query":"strafbaar","results":[{"all_words":true,"date":"2020-01-01","doc_id":"wetten/BWBR0001 art 1","dossier":null,"#))
            #expect(body.contains(#""source":"Corpus/wetten/BWBR0001 art 1.md""#))
        }
    }

    @Test func pagesAndSortsDocuments() async throws {
        try await withLiveServer(index) { client in
            let byDate = try await client.getJSON("/api/search?q=geweld&sort=date&limit=2", as: SearchResult.self)
            #expect(byDate.results.map(\.doc_id) == ["brief-geweld", "motie-onderwijs"])
            #expect(byDate.documents == 4)
            let next = try await client.getJSON("/api/search?q=geweld&sort=date&limit=2&offset=2", as: SearchResult.self)
            #expect(next.results.map(\.doc_id) == ["wetten/BWBR0001 art 1", "zonder-datum"])
            // Oldest first, the undated document still last.
            let oldest = try await client.getJSON("/api/search?q=geweld&sort=date_asc", as: SearchResult.self)
            #expect(oldest.results.map(\.doc_id) == ["wetten/BWBR0001 art 1", "motie-onderwijs", "brief-geweld", "zonder-datum"])
            let oldestNext = try await client.getJSON("/api/search?q=geweld&sort=date_asc&limit=2&offset=2", as: SearchResult.self)
            #expect(oldestNext.results.map(\.doc_id) == ["brief-geweld", "zonder-datum"])
            // The CLI's words are not API values.
            let error = try await client.getError("/api/search?q=geweld&sort=oldest", status: .badRequest)
            #expect(error.error == "sort must be relevance, date (newest first) or date_asc (oldest first).")
        }
    }

    @Test func showsSeveralPassagesPerDocument() async throws {
        try await withLiveServer(index) { client in
            let one = try await client.getJSON("/api/search?q=maatregel&per_doc=1", as: SearchResult.self)
            #expect(one.results.count == 1 && one.total == 2)
            let two = try await client.getJSON("/api/search?q=maatregel&per_doc=2", as: SearchResult.self)
            #expect(two.results.map(\.passage).sorted() == [0, 1])
        }
    }

    @Test func filtersByTypeDossierAndDate() async throws {
        let cases: [(String, Set<String>)] = [
            ("/api/search?q=geweld", ["brief-geweld", "motie-onderwijs", "wetten/BWBR0001 art 1", "zonder-datum"]),
            ("/api/search?q=geweld&type=motie", ["motie-onderwijs"]),
            ("/api/search?q=geweld&dossier=28345", ["brief-geweld"]),
            ("/api/search?q=geweld&from=2023-01-01&to=2023-12-31", ["motie-onderwijs"]),
            // Open ends; undated documents never pass a date filter.
            ("/api/search?q=geweld&from=2023-06-15", ["brief-geweld", "motie-onderwijs"]),
            ("/api/search?q=geweld&to=2020-01-01", ["wetten/BWBR0001 art 1"]),
            // A GET form sends empty fields: they mean "no filter".
            ("/api/search?q=geweld&type=&dossier=&from=&to=&sort=&limit=", ["brief-geweld", "motie-onderwijs", "wetten/BWBR0001 art 1", "zonder-datum"]),
        ]
        try await withLiveServer(index) { client in
            for (uri, expected) in cases {
                let result = try await client.getJSON(uri, as: SearchResult.self)
                #expect(Set(result.results.map(\.doc_id)) == expected, "\(uri)")
            }
        }
    }

    @Test func decodesFormEncoding() async throws {
        try await withLiveServer(index) { client in
            let plus = try await client.getJSON("/api/search?q=%22huiselijk+geweld%22", as: SearchResult.self)
            #expect(plus.query == "\"huiselijk geweld\"")
            // The law's title, `Wet "huiselijk" <geweld> & zo`, holds the phrase too: a
            // title match counts for its document (docs/SEARCH.md).
            #expect(Set(plus.results.map(\.doc_id)) == ["brief-geweld", "zonder-datum", "wetten/BWBR0001 art 1"])
            let percent = try await client.getJSON("/api/search?q=huiselijk%20geweld", as: SearchResult.self)
            #expect(percent.query == "huiselijk geweld")
        }
    }

    @Test func anEmptyQueryMatchesNothing() async throws {
        try await withLiveServer(index) { client in
            let result = try await client.getJSON("/api/search?q=", as: SearchResult.self)
            #expect(result.total == 0 && result.results.isEmpty)
        }
    }

    @Test func anExhaustedTimeBudgetGivesPartialResultsNotAnError() async throws {
        // The searcher looks at the clock every 1024 passages, so the index needs more.
        let big = try TestIndex(documents: (0 ..< 3000).map { number in
            StoredDocument(id: "d\(number)", source: "d\(number)", contentHash: "\(number)", passages: [TestIndex.passage("geweld nummer \(number)")])
        })
        try await withLiveServer(big, timeBudget: .zero) { client in
            // Two words, so that their passages must be counted (see the searcher's test).
            let result = try await client.getJSON("/api/search?q=geweld%20nummer", as: SearchResult.self)
            #expect(result.partial && !result.total_is_exact)
            #expect(result.total > 0 && result.total < 3000)
            #expect(result.results.count == 10)
            // Another try may find more: nothing may keep this answer.
            let (_, _, headers) = try await client.get("/api/search?q=geweld%20nummer")
            #expect(headers[.cacheControl] == "no-store" && headers[.eTag] == nil)
        }
    }
}
