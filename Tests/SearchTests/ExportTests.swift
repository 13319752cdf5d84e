import Foundation
import IndexStore
import Testing
@testable import Search

/// The pieces `kamerzoek search --csv` and `--since` call (the CLI has no test target of
/// its own): the CSV writer shared with `GET /api/search.csv`, and the `--since` filter.
@Suite("Export: CSV and --since")
struct ExportTests {
    static func hit(_ id: String, title: String?, snippet: String?, date: String? = nil, url: String? = nil) -> SearchHit {
        SearchHit(
            doc_id: id, passage: 2, score: 1.25, title: title, date: date, type: "brief", dossier: nil, heading: nil,
            source: id + ".txt", url: url, snippet: "", plainSnippet: snippet.map { Snippet(text: $0, highlights: []) })
    }

    @Test func quotesFieldsAsRFC4180Asks() {
        #expect(SearchResultCSV.quoted("gewoon") == "gewoon")
        #expect(SearchResultCSV.quoted("") == "")
        #expect(SearchResultCSV.quoted("a, b") == "\"a, b\"")
        #expect(SearchResultCSV.quoted("Wet \"huiselijk\"") == "\"Wet \"\"huiselijk\"\"\"")
        #expect(SearchResultCSV.quoted("regel\nregel") == "\"regel\nregel\"")
        #expect(SearchResultCSV.quoted("regel\r\nregel") == "\"regel\r\nregel\"")
        // Only those four characters call for quotes; semicolons, tabs and non-ASCII do not.
        #expect(SearchResultCSV.quoted("a;b\tc ë") == "a;b\tc ë")
        #expect(SearchResultCSV.line(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }

    @Test func writesTheHeaderThenARowPerHit() {
        let result = SearchResult(
            query: "q", total: 2, total_is_exact: true, documents: 2, took_ms: 1, partial: false,
            results: [
                Self.hit("a", title: "Wet \"x\", y", snippet: "<b>niet</b> & zo", date: "2024-03-01", url: "https://zoek.officielebekendmakingen.nl/a"),
                Self.hit("b", title: nil, snippet: nil),
            ])
        #expect(SearchResultCSV.text(result) == """
            doc_id,title,date,type,dossier,url,passage,score,snippet\r
            a,"Wet ""x"", y",2024-03-01,brief,,https://zoek.officielebekendmakingen.nl/a,2,1.25,<b>niet</b> & zo\r
            b,,,brief,,,2,1.25,\r

            """)
        let empty = SearchResult(query: "q", total: 0, total_is_exact: true, documents: 0, took_ms: 1, partial: false, results: [])
        #expect(SearchResultCSV.text(empty) == "doc_id,title,date,type,dossier,url,passage,score,snippet\r\n")
    }

    @Test func theSnippetIsPlainText() throws {
        let index = try FixtureIndex()
        let result = try index.search("alert")
        let row = SearchResultCSV.fields(of: try #require(result.results.first))
        // The passage holds `<script>alert(1)</script> & meer`: as text, without <mark>.
        #expect(row[8].contains("<script>alert(1)</script> & meer") && !row[8].contains("<mark>") && !row[8].contains("&amp;"))
        #expect(row[0] == "antwoord-dijk" && row[2] == "2025-01-20" && row[6] == "0")
    }

    @Test func sinceReadsADateAsDatumDoes() {
        #expect(DocumentFilter.since("2024-03-15") == .date(from: 2024_03_15, to: 9999_12_31))
        #expect(DocumentFilter.since("2024-03") == .date(from: 2024_03_01, to: 9999_12_31))
        #expect(DocumentFilter.since("2024") == .date(from: 2024_01_01, to: 9999_12_31))
        #expect(DocumentFilter.since("2024-02-29") != nil)
        for invalid in ["", "gisteren", "2023-02-29", "2024-13-01", "15-03-2024", "2024-03-15..", "2024..2025", "..2024", "24-03-15"] {
            #expect(DocumentFilter.since(invalid) == nil, "\(invalid)")
        }
    }

    /// `--since DATE` is the query's `datum:DATE..`, applied by the engine before ranking
    /// and the limit: the same documents, totals and order.
    @Test func sinceIsTheQuerysDateFilter() throws {
        let index = try FixtureIndex()
        for (query, since) in [("geweld", "2024-01-01"), ("huiselijk geweld", "2024-03-01"), ("onderwijs", "2023"), ("geweld", "2030")] {
            for sort in SortOrder.allCases {
                var filtered = try index.search(query) { options in
                    options.sort = sort
                    options.filters = [DocumentFilter.since(since)!]
                }
                let written = try index.search("\(query) datum:\(since)..") { $0.sort = sort }
                filtered.query = written.query
                filtered.took_ms = written.took_ms
                #expect(filtered == written, "\(query) since \(since), \(sort)")
            }
        }
        // Not a sieve over a capped list: with limit 1 the one result is the best document
        // that passes, and the counts are of the documents that pass.
        let first = try index.search("geweld") { options in
            options.limit = 1
            options.filters = [DocumentFilter.since("2025-01-01")!]
        }
        #expect(first.results.map(\.doc_id) == ["antwoord-dijk"] && first.documents == 1)
        let unfiltered = try index.search("geweld") { $0.limit = 1 }
        #expect(unfiltered.results.map(\.doc_id) != ["antwoord-dijk"] && unfiltered.documents > 1)
    }
}
