import Foundation
import HummingbirdTesting
import Testing
import IndexStore

@Suite("GET / (the search page)")
struct PageTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func withoutAQueryItIsTheFormAlone() async throws {
        try await withLiveServer(index) { client in
            let (status, body, headers) = try await client.get("/")
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/html; charset=utf-8")
            #expect(body.contains(#"<form method="get" action="/" role="search">"#))
            #expect(body.contains(#"<input type="search" name="q" value="""#))
            // The type filter offers the types in the index.
            #expect(body.contains(#"<select name="type"><option value="" selected>alle soorten</option><option value="brief">brief</option><option value="motie">motie</option><option value="overig">overig</option><option value="wet">wet</option></select>"#))
            #expect(!body.contains(#"class="results""#))
        }
    }

    @Test func resultsAreGroupedPerDocumentWithHighlights() async throws {
        try await withLiveServer(index) { client in
            let (status, body, _) = try await client.get("/?q=maatregel&per_doc=2")
            #expect(status == .ok)
            #expect(body.contains("<p class=\"summary\">2 passages in 1 document · "))
            #expect(body.components(separatedBy: "<li class=\"document\">").count == 2)
            #expect(body.contains("<p class=\"heading\">Femicide</p><p class=\"snippet\">Het kabinet neemt een <mark>maatregel</mark> tegen femicide.</p>"))
            // The title links to the document's page, at the best passage shown.
            #expect(body.contains(#"<a href="/documents/brief-geweld#p0">Voortgang aanpak huiselijk geweld</a>"#))
            #expect(body.contains(#"<option value="2" selected>2</option>"#))
            // A value that the form does not offer stays selected.
            let (_, seven, _) = try await client.get("/?q=maatregel&limit=7")
            #expect(seven.contains(#"<option value="100">100</option><option value="7" selected>7</option></select>"#))
        }
    }

    @Test func everythingShownIsEscaped() async throws {
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/?q=strafbaar")
            #expect(body.contains("Wet &quot;huiselijk&quot; &lt;geweld&gt; &amp; zo</a>"))
            #expect(body.contains("<p class=\"heading\">Artikel 1 &lt;kop&gt;</p>"))
            #expect(body.contains("is <mark>strafbaar</mark> &lt;b&gt;echt&lt;/b&gt; &amp; zo."))
            #expect(body.contains(#"href="/documents/wetten/BWBR0001%20art%201#p0""#))
            #expect(!body.contains("<geweld>") && !body.contains("<b>echt"))

            // The query itself, in the title, the form and the error message.
            let (status, hostile, _) = try await client.get("/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(status == .badRequest)
            #expect(!hostile.contains("<script>"))
            #expect(hostile.contains(#"value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#))
            #expect(hostile.contains("<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; – kamerzoek</title>"))
            #expect(hostile.contains("<p class=\"error\" role=\"alert\">De zoekvraag kan niet gelezen worden: deze woordgroep heeft geen afsluitend aanhalingsteken"))
        }
    }

    @Test func filtersAndSortStayInTheFormAndInPageLinks() async throws {
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/?q=geweld&sort=date&limit=10&from=2020-01-01&to=&type=&dossier=")
            #expect(body.contains(#"<input type="date" name="from" value="2020-01-01">"#))
            #expect(body.contains(#"<option value="date" selected>nieuwste eerst</option>"#))
            #expect(body.contains("<ol class=\"results\" start=\"1\">"))
            // Three dated documents, newest first.
            let order = ["Voortgang aanpak huiselijk geweld", "Motie over wiskunde-onderwijs", "Wet &quot;huiselijk&quot;"]
            let positions = order.compactMap { body.range(of: $0)?.lowerBound }
            #expect(positions.count == 3 && positions == positions.sorted())
            #expect(!body.contains("class=\"pages\""))  // one page

            let (_, first, _) = try await client.get("/?q=geweld&limit=10&per_doc=1&sort=date&from=2020-01-01&offset=0")
            #expect(!first.contains("class=\"pages\""))
        }
    }

    @Test func paginationLinksCarryEveryOption() async throws {
        let many = try TestIndex(documents: (0 ..< 25).map { number in
            .init(id: "d\(number)", source: "d\(number)", contentHash: "\(number)", type: "brief", passages: [TestIndex.passage("geweld \(number)")])
        })
        try await withLiveServer(many) { client in
            let (_, first, _) = try await client.get("/?q=geweld&type=brief&limit=10")
            #expect(first.contains("<span>pagina 1 van 3</span>"))
            #expect(first.contains(#"<a rel="next" href="/?q=geweld&amp;type=brief&amp;offset=10">volgende »</a>"#))
            #expect(!first.contains("rel=\"prev\""))
            let (_, last, _) = try await client.get("/?q=geweld&type=brief&offset=20")
            #expect(last.contains(#"<a rel="prev" href="/?q=geweld&amp;type=brief&amp;offset=10">« vorige</a> <span>pagina 3 van 3</span></nav>"#))
            #expect(last.contains("<ol class=\"results\" start=\"21\">"))
        }
    }

    @Test func badParametersShowOnThePageWith400() async throws {
        try await withLiveServer(index) { client in
            let (status, body, headers) = try await client.get("/?q=geweld&limit=1000")
            #expect(status == .badRequest)
            #expect(headers[.contentType] == "text/html; charset=utf-8")
            #expect(body.contains("<p class=\"error\" role=\"alert\">Per pagina moet een geheel getal van 1 tot en met 100 zijn.</p>"))
            let (_, parse, _) = try await client.get("/?q=geweld+(huiselijk")
            #expect(parse.contains("<pre class=\"error\">geweld (huiselijk\n       ^</pre>"))
        }
    }

    @Test func theDocumentPageShowsEveryPassageEscapedWithAnchors() async throws {
        try await withLiveServer(index) { client in
            let (status, body, headers) = try await client.get("/documents/wetten/BWBR0001%20art%201")
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/html; charset=utf-8")
            #expect(body.contains("<title>Wet &quot;huiselijk&quot; &lt;geweld&gt; &amp; zo – kamerzoek</title>"))
            #expect(body.contains("<section id=\"p0\"><h3>Artikel 1 &lt;kop&gt;</h3><p class=\"text\">Geweld in huiselijke kring is strafbaar &lt;b&gt;echt&lt;/b&gt; &amp; zo.</p></section>"))
            #expect(body.contains(#"<a href="/api/documents/wetten/BWBR0001%20art%201">JSON</a>"#))
            let (_, brief, _) = try await client.get("/documents/brief-geweld")
            #expect(brief.contains("<section id=\"p2\"><h3>Noot 1</h3><p class=\"text\">Zie de monitor.</p></section>"))

            let (missing, page, _) = try await client.get("/documents/bestaat-niet")
            #expect(missing == .notFound)
            #expect(page.contains("<p class=\"error\" role=\"alert\">Document niet gevonden: er is geen document met id &#39;bestaat-niet&#39;.</p>"))
        }
    }
}

/// One article repeated in laws is one result on the page and in the API, listing the
/// others; `fold=false` shows every document.
@Suite("Folded results")
struct FoldedResultsTests {
    static let article = "Het bevoegd gezag stelt een meldcode vast waarin stapsgewijs wordt aangegeven hoe met signalen van huiselijk geweld of kindermishandeling wordt omgegaan en hoe hulp volgt."

    static let documents = ["wet-a", "wet-b", "wet-c"].enumerated().map { number, id in
        StoredDocument(
            id: id, source: "Corpus/\(id).md", contentHash: id, title: "Wet \(number + 1) <over> zorg", date: "202\(number)-01-01", type: "wet",
            passages: [TestIndex.passage(article)])
    } + [StoredDocument(
        id: "brief-meldcode", source: "Corpus/brief-meldcode.txt", contentHash: "b", title: "Evaluatie meldcode", date: "2024-05-01",
        type: "brief", passages: [TestIndex.passage("De meldcode wordt geëvalueerd.")])]

    @Test func theOthersAreListedWithTheFirst() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let (_, page, _) = try await client.get("/?q=meldcode")
            #expect(page.components(separatedBy: "<li class=\"document\">").count == 3)
            #expect(page.contains(#"<details class="similar"><summary>en 2 vergelijkbare passages in andere documenten</summary>"#))
            #expect(page.contains(#"<li><a href="/documents/wet-b#p0">Wet 2 &lt;over&gt; zorg</a> <span class="meta">wet · 2021-01-01</span></li>"#))

            let (_, json, _) = try await client.get("/api/search?q=meldcode")
            let result = try JSONDecoder().decode(SearchResultShape.self, from: Data(json.utf8))
            #expect(result.results.map(\.similar).sorted() == [0, 2])
            #expect(result.results.flatMap(\.similar_passages).count == 2)

            let (_, all, _) = try await client.get("/api/search?q=meldcode&fold=false")
            let every = try JSONDecoder().decode(SearchResultShape.self, from: Data(all.utf8))
            #expect(every.results.count == 4 && every.results.allSatisfy { $0.similar == 0 })
            let (status, _, _) = try await client.get("/api/search?q=meldcode&fold=misschien")
            #expect(status == .badRequest)
        }
    }

    struct SearchResultShape: Decodable {
        struct Hit: Decodable {
            var doc_id: String
            var similar: Int
            var similar_passages: [Similar]
        }
        struct Similar: Decodable { var doc_id: String }
        var results: [Hit]
    }
}
