import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing
@testable import Server

/// Facets (`facets=type,year,dossier`) and "did you mean" over HTTP, on the page and in
/// the command line's output.
@Suite("Facets and suggestions")
struct FacetsAndSuggestionTests {
    /// `stikstof` in eight documents of three types, years and dossiers; `natuur` in all.
    static func index() throws -> TestIndex {
        let specs: [(type: String, date: String?, dossiers: [String])] = [
            ("brief", "2024-03-01", ["36001"]), ("brief", "2024-05-01", ["36001", "36002"]), ("brief", "2022-01-01", ["36002"]),
            ("motie", "2022-06-01", ["36002"]), ("motie", "2020-01-01", []), ("wet", nil, ["36600-VI"]),
            ("brief", "2020-02-02", ["36001"]), ("motie", "2024-09-09", ["36003"]),
        ]
        return try TestIndex(documents: specs.enumerated().map { number, spec in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", title: "Stuk \(number)", date: spec.date,
                type: spec.type, dossiers: spec.dossiers, passages: [TestIndex.passage("Stikstof en natuur, stuk \(number).")])
        })
    }

    @Test func theAPICountsFacetsWhenAsked() async throws {
        let index = try Self.index()
        try await withLiveServer(index) { client in
            let result = try await client.getJSON("/api/search?q=natuur&facets=type,year,dossier", as: SearchResult.self)
            #expect(result.facets_exact == true)
            let facets = try #require(result.facets)
            #expect(facets["type"] == [FacetValue(value: "brief", count: 4), FacetValue(value: "motie", count: 3), FacetValue(value: "wet", count: 1)])
            #expect(facets["year"] == [FacetValue(value: "2024", count: 3), FacetValue(value: "2022", count: 2), FacetValue(value: "2020", count: 2)])
            #expect(facets["dossier"]?.first == FacetValue(value: "36001", count: 3))
            // Each count is the documents of the search with that filter.
            for value in facets["type"]! {
                let filtered = try await client.getJSON("/api/search?q=natuur&type=\(value.value)", as: SearchResult.self)
                #expect(filtered.documents == value.count)
            }
            let years = try await client.getJSON("/api/search?q=natuur&facets=year&from=2022-01-01", as: SearchResult.self)
            #expect(years.facets.map { Array($0.keys) } == ["year"])
            #expect(years.facets?["year"] == [FacetValue(value: "2024", count: 3), FacetValue(value: "2022", count: 2)])

            let (_, plain, _) = try await client.get("/api/search?q=natuur")
            #expect(!plain.contains("\"facets\"") && !plain.contains("facets_exact"))
            let (status, body, _) = try await client.get("/api/search?q=natuur&facets=type,soort")
            #expect(status == .badRequest && body.contains("facets must be"))
        }
    }

    @Test func thePageShowsFacetsAsLinksAndTheYearsAsAChart() async throws {
        let index = try Self.index()
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/?q=natuur&sort=date&limit=20")
            #expect(body.contains(#"<nav class="facets" aria-label="Verfijnen">"#))
            // A type link sets the form's type and keeps the rest.
            #expect(body.contains(#"<a href="/?q=natuur&amp;type=brief&amp;sort=date&amp;limit=20">brief</a> <span class="count">4</span>"#))
            #expect(body.contains(#"<a href="/?q=natuur&amp;dossier=36600-VI&amp;sort=date&amp;limit=20">36600-VI</a>"#))
            // A bar per year with documents (2020 to 2024: three bars, 2021 and 2023 empty),
            // each a link named by its year and count.
            #expect(body.components(separatedBy: "<rect ").count - 1 == 3)
            #expect(body.contains(#"<a href="/?q=natuur&amp;from=2022-01-01&amp;to=2022-12-31&amp;sort=date&amp;limit=20" aria-label="2022: 2 documenten"><title>2022: 2 documenten</title><rect"#))
            #expect(body.contains(#"role="group" aria-label="Documenten per jaar""#))
            // Five years wide enough for a label each, the empty ones too.
            #expect((2020 ... 2024).allSatisfy { body.contains("aria-hidden=\"true\">\($0)</text>") })
            #expect(!body.contains("<script"))

            // Within dates already asked for, a year narrows them; the active type is marked
            // and can be taken off.
            let (_, narrowed, _) = try await client.get("/?q=natuur&type=brief&from=2024-04-01")
            #expect(narrowed.contains(#"href="/?q=natuur&amp;type=brief&amp;from=2024-04-01&amp;to=2024-12-31" aria-label="2024: 1 document""#))
            #expect(narrowed.contains(#"<a href="/?q=natuur&amp;type=brief&amp;from=2024-04-01" aria-current="true">brief</a>"#))
            #expect(narrowed.contains(#"<a class="remove" href="/?q=natuur&amp;from=2024-04-01">alle soorten</a>"#))
            #expect(narrowed.contains(#"<a class="remove" href="/?q=natuur&amp;type=brief">alle jaren</a>"#))
        }
    }

    @Test func aMisspeltWordGetsASuggestion() async throws {
        let index = try Self.index()
        try await withLiveServer(index) { client in
            let result = try await client.getJSON("/api/search?q=stiksof", as: SearchResult.self)
            #expect(result.documents == 0 && result.suggestion == "stikstof")
            let (_, plain, _) = try await client.get("/api/search?q=stikstof")
            #expect(!plain.contains("\"suggestion\""))
            let (_, page, _) = try await client.get("/?q=%22stiksof+natuur%22&type=brief")
            #expect(page.contains(#"<p class="suggestion">Bedoelde u: <a href="/?q=%22stikstof+natuur%22&amp;type=brief">&quot;stikstof natuur&quot;</a>?</p>"#))
        }
    }

    /// A bad `facets` is a 400 naming the parameter everywhere it is read (in Dutch on the
    /// page); the feed and the export check it but count no facets.
    @Test func facetsIsCheckedEverywhereAndCountedOnlyWhereShown() async throws {
        let index = try Self.index()
        try await withLiveServer(index) { client in
            let (pageStatus, page, _) = try await client.get("/?q=natuur&facets=kleur")
            #expect(pageStatus == .badRequest && page.contains("De parameter facets moet een door komma"), "\(page)")
            for path in ["/api/search.csv", "/feeds/search.atom"] {
                let (status, body, _) = try await client.get("\(path)?q=natuur&facets=kleur")
                #expect(status == .badRequest && body.contains("facets must be"), "\(path)")
                let (fine, text, _) = try await client.get("\(path)?q=natuur&facets=type,year")
                #expect(fine == .ok && !text.contains("facets"), "\(path)")
            }
            // The page's feed and CSV links stay without facets.
            let (_, shown, _) = try await client.get("/?q=natuur&facets=year")
            #expect(shown.contains(#"href="/feeds/search.atom?q=natuur""#) && shown.contains(#"href="/api/search.csv?q=natuur""#))
        }
    }

    /// The spelling dictionary is built while the commit is prepared, before any search.
    @Test func theCommitIsServedWithItsSpellingDictionary() throws {
        let index = try Self.index()
        let holder = CurrentCommit(directory: index.directory, logger: quietLogger())
        let loaded = try holder.current()
        #expect(loaded.searchers.isSuggestionPrepared)
    }

    /// `kamerzoek search` prints the suggestion and, with `--facets`, the facets, in its
    /// text and in `--json`.
    @Test func theCommandLinePrintsThem() throws {
        let index = try Self.index()
        let binary = try #require(Self.kamerzoekBinary(), "the kamerzoek executable is built with the tests")
        let (status, text) = try OpenAPIConformanceTests.run([binary, "search", "stiksof", "--index", index.directory])
        #expect(status == 0, "\(text)")
        #expect(text.contains("Did you mean: stikstof?"))
        let (_, facets) = try OpenAPIConformanceTests.run([binary, "search", "natuur", "--facets", "type,year", "--index", index.directory])
        #expect(facets.contains("type: brief 4 · motie 3 · wet 1"))
        #expect(facets.contains("year: 2024 3 · 2022 2 · 2020 2"))
        #expect(!facets.contains("dossier:"))
        let (_, json) = try OpenAPIConformanceTests.run([binary, "search", "natuur", "--facets", "dossier", "--json", "--index", index.directory])
        let result = try JSONDecoder().decode(SearchResult.self, from: Data(json.utf8))
        #expect(result.facets?["dossier"]?.first == FacetValue(value: "36001", count: 3) && result.facets_exact == true)
        let (bad, message) = try OpenAPIConformanceTests.run([binary, "search", "natuur", "--facets", "kleur", "--index", index.directory])
        #expect(bad != 0 && message.contains("--facets must be"))
    }

    /// The `kamerzoek` built beside the test bundle.
    static func kamerzoekBinary() -> String? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.hasSuffix(".xctest") } ?? "")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [bundle.deletingLastPathComponent().appendingPathComponent("kamerzoek").path, root.appendingPathComponent(".build/debug/kamerzoek").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
