import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing

/// The results page's numbered pages, and its order "oudste eerst".
@Suite("Pages of results")
struct ResultsNavigationTests {
    /// 95 briefs with the word: ten pages of ten.
    static let many = (0 ..< 95).map { number in
        StoredDocument(
            id: "d\(number)", source: "d\(number)", contentHash: "\(number)", date: "2020-01-\(String(format: "%02d", number % 28 + 1))",
            type: "brief", passages: [TestIndex.passage("geweld \(number)")])
    }

    /// The `<nav>` of the page at `uri`, nil when it has none.
    static func navigation(_ client: some TestClientProtocol, _ uri: String) async throws -> String? {
        let (status, body, _) = try await client.get(uri)
        #expect(status == .ok, "\(uri)")
        guard let start = body.range(of: "<nav class=\"pages\" aria-label=\"Pagina's\">"),
              let end = body.range(of: "</nav>", range: start.upperBound ..< body.endIndex) else { return nil }
        return String(body[start.upperBound ..< end.lowerBound])
    }

    /// `/?q=geweld&type=brief` at `offset`, as a page link writes it.
    static func page(_ offset: Int) -> String {
        "/?q=geweld&amp;type=brief" + (offset > 0 ? "&amp;offset=\(offset)" : "")
    }

    @Test func theFirstMiddleAndLastPages() async throws {
        let index = try TestIndex(documents: Self.many)
        try await withLiveServer(index) { client in
            let first = try await Self.navigation(client, "/?q=geweld&type=brief")
            #expect(first == """
                <span aria-current="page">1</span> <a href="\(Self.page(10))">2</a> <a href="\(Self.page(20))">3</a> \
                <span class="gap">…</span> <a href="\(Self.page(90))">10</a> <a rel="next" href="\(Self.page(10))">Volgende</a>
                """)
            let third = try await Self.navigation(client, "/?q=geweld&type=brief&offset=20")
            #expect(third == """
                <a rel="prev" href="\(Self.page(10))">Vorige</a> <a href="\(Self.page(0))">1</a> <a href="\(Self.page(10))">2</a> \
                <span aria-current="page">3</span> <a href="\(Self.page(30))">4</a> <a href="\(Self.page(40))">5</a> \
                <span class="gap">…</span> <a href="\(Self.page(90))">10</a> <a rel="next" href="\(Self.page(30))">Volgende</a>
                """)
            let middle = try await Self.navigation(client, "/?q=geweld&type=brief&offset=50")
            #expect(middle == """
                <a rel="prev" href="\(Self.page(40))">Vorige</a> <a href="\(Self.page(0))">1</a> <span class="gap">…</span> \
                <a href="\(Self.page(30))">4</a> <a href="\(Self.page(40))">5</a> <span aria-current="page">6</span> \
                <a href="\(Self.page(60))">7</a> <a href="\(Self.page(70))">8</a> <span class="gap">…</span> \
                <a href="\(Self.page(90))">10</a> <a rel="next" href="\(Self.page(60))">Volgende</a>
                """)
            // The last page: five documents, no link past it.
            let last = try await Self.navigation(client, "/?q=geweld&type=brief&offset=90")
            #expect(last == """
                <a rel="prev" href="\(Self.page(80))">Vorige</a> <a href="\(Self.page(0))">1</a> <span class="gap">…</span> \
                <a href="\(Self.page(70))">8</a> <a href="\(Self.page(80))">9</a> <span aria-current="page">10</span>
                """)
            // Past the end (a shared URL): back to the last page there is.
            let (_, beyond, _) = try await client.get("/?q=geweld&type=brief&offset=200")
            #expect(beyond.contains("Geen resultaten op deze pagina"))
            #expect(beyond.contains(#"<a rel="prev" href="/?q=geweld&amp;type=brief&amp;offset=90">Vorige</a>"#))
            #expect(!beyond.contains("Volgende"))
            // One page: no navigation.
            #expect(try await Self.navigation(client, "/?q=geweld&type=brief&limit=100") == nil)
        }
    }

    @Test func pageLinksKeepQueryFiltersAndOrder() async throws {
        let index = try TestIndex(documents: Self.many)
        try await withLiveServer(index) { client in
            let uri = "/?q=geweld&sort=date_asc&limit=20&per_doc=2&fold=false&some_words=false&from=2020&offset=40"
            let navigation = try #require(try await Self.navigation(client, uri))
            let kept = "/?q=geweld&amp;from=2020&amp;sort=date_asc&amp;limit=20&amp;per_doc=2&amp;fold=false&amp;some_words=false"
            #expect(navigation == """
                <a rel="prev" href="\(kept)&amp;offset=20">Vorige</a> <a href="\(kept)">1</a> <a href="\(kept)&amp;offset=20">2</a> \
                <span aria-current="page">3</span> <a href="\(kept)&amp;offset=60">4</a> <a href="\(kept)&amp;offset=80">5</a> \
                <a rel="next" href="\(kept)&amp;offset=60">Volgende</a>
                """)
        }
    }

    /// Counting stops at 10,000 matching passages: the pages counted are numbered, and
    /// "Volgende" stays while the page is full.
    @Test func aLowerBoundTotalShowsThePagesKnownAndMore() async throws {
        let documents = (0 ..< 700).map { number in
            StoredDocument(
                id: "g\(number)", source: "g\(number)", contentHash: "\(number)", type: "brief",
                passages: (0 ..< 30).map { TestIndex.passage("huiselijk geweld \(number) \($0)") })
        }
        let index = try TestIndex(documents: documents)
        try await withLiveServer(index) { client in
            let api = try await client.getJSON("/api/search?q=huiselijk+geweld&fold=false", as: SearchResult.self)
            try #require(!api.total_is_exact && !api.partial)
            #expect(api.documents < 700)
            let counted = (api.documents + 9) / 10
            let link = { (offset: Int) in "/?q=huiselijk+geweld&amp;fold=false" + (offset > 0 ? "&amp;offset=\(offset)" : "") }
            let first = try #require(try await Self.navigation(client, "/?q=huiselijk+geweld&fold=false"))
            #expect(first.hasSuffix("""
                <span class="gap">…</span> <a href="\(link((counted - 1) * 10))">\(counted)</a> \
                <span class="gap">…</span> <a rel="next" href="\(link(10))">Volgende</a>
                """))
            // The last page counted is full: more may follow.
            let lastCounted = try #require(try await Self.navigation(client, "/?q=huiselijk+geweld&fold=false&offset=\((counted - 1) * 10)"))
            #expect(lastCounted.hasSuffix("""
                <span aria-current="page">\(counted)</span> <span class="gap">…</span> \
                <a rel="next" href="\(link(counted * 10))">Volgende</a>
                """))
            // Counting everything: the pages are known.
            let exact = try #require(try await Self.navigation(client, "/?q=huiselijk+geweld&fold=false&exact_total=true"))
            #expect(exact.hasSuffix("""
                <span class="gap">…</span> <a href="\(link(690).replacingOccurrences(of: "fold=false", with: "fold=false&amp;exact_total=true"))">70</a> \
                <a rel="next" href="/?q=huiselijk+geweld&amp;fold=false&amp;exact_total=true&amp;offset=10">Volgende</a>
                """))
        }
    }

    @Test func oldestFirstIsAnOrderOfThePage() async throws {
        let index = try TestIndex()
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/?q=geweld&sort=date_asc")
            #expect(body.contains(#"<option value="relevance">relevantie</option><option value="date">nieuwste eerst</option><option value="date_asc" selected>oudste eerst</option>"#))
            // Oldest first, the undated document last.
            let order = ["Wet &quot;huiselijk&quot;", "Motie over wiskunde-onderwijs", "Voortgang aanpak huiselijk geweld", ">zonder-datum</a>"]
            let positions = order.compactMap { body.range(of: $0)?.lowerBound }
            #expect(positions.count == 4 && positions == positions.sorted())
            // The export keeps the order.
            #expect(body.contains(#"href="/api/search.csv?q=geweld&amp;sort=date_asc""#))
        }
    }
}
