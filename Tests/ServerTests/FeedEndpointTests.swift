import Foundation
import HummingbirdTesting
import IndexStore
import Search
import Testing
@testable import Server

/// `GET /feeds/search.atom`, over real HTTP, read back with `XMLParser` as a feed
/// reader would read it.
@Suite("GET /feeds/search.atom")
struct FeedEndpointTests {
    static func passage(_ text: String, heading: String? = nil) -> StoredPassage { TestIndex.passage(text, heading: heading) }

    /// Dated out of index order, one undated, one with an official address, and text that
    /// XML must escape or cannot hold at all (a form feed, a U+0001, a CR).
    static let documents: [StoredDocument] = [
        StoredDocument(
            id: "b-oud", source: "Corpus/b-oud.txt", contentHash: "1", title: "Oude brief over geweld", date: "2021-01-04",
            type: "brief", passages: [passage("Een oude brief over geweld.")]),
        StoredDocument(
            id: "a-nieuw", source: "Corpus/a-nieuw.txt", contentHash: "2", title: "R&D <nieuw> \"geweld\"\u{0C}pagina 2",
            date: "2025-05-01", type: "kamerstuk", url: "https://zoek.officielebekendmakingen.nl/kst-36600-1",
            passages: [passage("Geweld & <b>zo</b>\u{0C}verder\u{01} met \"quotes\" en 'apostrofs'\r\nop een nieuwe regel.")]),
        StoredDocument(
            id: "wetten/BWBR0001 art 1", source: "Corpus/wetten/BWBR0001 art 1.md", contentHash: "3", title: nil, date: "2023-02-02",
            type: "wet", passages: [passage("Geweld is strafbaar.", heading: "Artikel 1")]),
        StoredDocument(
            id: "zonder-datum", source: "Corpus/zonder-datum.txt", contentHash: "4", title: "Zonder datum", date: nil,
            type: "overig", passages: [passage("Geweld zonder datum, het meest over geweld van allemaal: geweld.")]),
    ]

    func feed(_ client: any TestClientProtocol, _ uri: String) async throws -> (AtomReading, String) {
        let (status, body, headers) = try await client.get(uri)
        #expect(status == .ok, "\(uri): \(body)")
        #expect(headers[.contentType] == "application/atom+xml; charset=utf-8")
        #expect(headers[.init("Kamerzoek-Generation")!] != nil)
        return (try AtomReading(body), body)
    }

    @Test func listsTheDatedDocumentsNewestFirst() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let (feed, _) = try await feed(client, "/feeds/search.atom?q=geweld")
            // Date order, one entry per document; the undated document, which matches,
            // is left out.
            #expect(feed.entries.map(\.id) == ["a-nieuw", "wetten/BWBR0001%20art%201", "b-oud"].map { "tag:kamerzoek,2026:document:" + $0 })
            #expect(feed.entries.map(\.updated) == ["2025-05-01T00:00:00Z", "2023-02-02T00:00:00Z", "2021-01-04T00:00:00Z"])
            #expect(feed.entries.map(\.published) == feed.entries.map { Optional($0.updated) })
            #expect(feed.updated == "2025-05-01T00:00:00Z")
            #expect(feed.id == "tag:kamerzoek,2026:search?q=geweld")
            #expect(feed.title == "kamerzoek: geweld")
            // A document without title is named by its id; its type is its category.
            #expect(feed.entries[1].title == "wetten/BWBR0001 art 1" && feed.entries[1].category == "wet")
            let relevance = try await client.getJSON("/api/search?q=geweld", as: SearchResult.self)
            #expect(relevance.results.map(\.doc_id).contains("zonder-datum"))
        }
    }

    @Test func takesTheSearchParameters() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let typed = try await feed(client, "/feeds/search.atom?q=geweld&type=brief").0
            #expect(typed.entries.map(\.id) == ["tag:kamerzoek,2026:document:b-oud"])
            #expect(typed.title == "kamerzoek: geweld (soort brief)")
            let dated = try await feed(client, "/feeds/search.atom?q=geweld&from=2022-01-01&to=2024-12-31").0
            #expect(dated.entries.map(\.title) == ["wetten/BWBR0001 art 1"])
            let written = try await feed(client, "/feeds/search.atom?q=geweld+datum:2022..").0
            #expect(written.entries.count == 2)
            // The page's own parameters do not change a feed: always the newest, by date.
            let paged = try await feed(client, "/feeds/search.atom?q=geweld&limit=1&offset=2&sort=relevance&per_doc=3").0
            #expect(paged.entries.map(\.id) == (try await feed(client, "/feeds/search.atom?q=geweld").0).entries.map(\.id))
            // Nothing matches yet: a valid feed without entries, dated by the index's commit.
            let none = try await feed(client, "/feeds/search.atom?q=bestaatniet").0
            #expect(none.entries.isEmpty && none.updated.hasSuffix("Z") && none.updated.count == 20)

            _ = try await client.getError("/feeds/search.atom?q=geweld&from=2024-02-30", status: .badRequest)
            _ = try await client.getError("/feeds/search.atom?type=brief", status: .badRequest)
            let position = try await client.getError("/feeds/search.atom?q=geweld+(huiselijk", status: .badRequest)
            #expect(position.position == 7)
        }
    }

    @Test func aFeedIsOneSearchHoweverItsURLIsWritten() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let one = try await feed(client, "/feeds/search.atom?q=geweld&type=brief&from=2020-01-01").0
            let other = try await feed(client, "/feeds/search.atom?from=2020-01-01&limit=20&q=geweld&type=brief&fold=true").0
            #expect(one.id == other.id && one.link("self") == other.link("self"))
            #expect(one.id == "tag:kamerzoek,2026:search?q=geweld&type=brief&from=2020-01-01")
            let self_ = try #require(one.link("self"))
            #expect(self_.hasPrefix("http://") && self_.hasSuffix("/feeds/search.atom?q=geweld&type=brief&from=2020-01-01"))
            // The self link is the feed; the alternate link the same search as a page.
            let path = String(self_[self_.range(of: "/feeds/")!.lowerBound...])
            let fetched = try await feed(client, path).0
            #expect(fetched.id == one.id)
            let page = try #require(one.link("alternate"))
            #expect(page.hasSuffix("/?q=geweld&type=brief&from=2020-01-01&sort=date"))
            // Behind a proxy that speaks TLS, the links say https.
            let proxied = try await client.execute(
                uri: "/feeds/search.atom?q=geweld", method: .get, headers: [.init("X-Forwarded-Proto")!: "https"])
            let proxiedFeed = try AtomReading(String(buffer: proxied.body))
            #expect(proxiedFeed.link("self")?.hasPrefix("https://") == true)
            #expect(proxiedFeed.entries.allSatisfy { $0.link("alternate")?.hasPrefix("https://") == true })
        }
    }

    @Test func entryIDsStayTheSameAcrossRequestsAndReindexing() async throws {
        let first = try TestIndex(documents: Self.documents)
        let ids = try await withLiveServer(first) { client in
            let one = try await feed(client, "/feeds/search.atom?q=geweld").0.entries.map(\.id)
            let two = try await feed(client, "/feeds/search.atom?q=geweld").0.entries.map(\.id)
            #expect(one == two)
            return one
        }
        // The same documents indexed again, in another order and with a newer one: the
        // same ids for the same documents, the new one on top.
        let newer = StoredDocument(
            id: "c-nieuwst", source: "Corpus/c-nieuwst.txt", contentHash: "5", title: "Nieuwste", date: "2026-01-05",
            type: "brief", passages: [Self.passage("Nieuw geweld.")])
        let second = try TestIndex(documents: [newer] + Self.documents.reversed())
        try await withLiveServer(second) { client in
            let again = try await feed(client, "/feeds/search.atom?q=geweld").0.entries.map(\.id)
            #expect(again == ["tag:kamerzoek,2026:document:c-nieuwst"] + ids)
        }

        // Files re-indexed by `kamerzoek index` runs: unchanged files keep their entries'
        // ids and dates across commits, and a new file's entry joins them.
        let corpus = try FileCorpus()
        try corpus.commit([
            "brief-a": "Datum 3 maart 2024\n\nBetreft: geweld\n\nDe minister schrijft over geweld.",
            "brief-b": "Datum 5 juni 2023\n\nBetreft: geweld op school\n\nOok hier gaat het om geweld.",
        ])
        try await withLiveServer(corpus.index) { client in
            let before = try await feed(client, "/feeds/search.atom?q=geweld").0.entries
            #expect(before.map(\.id) == ["tag:kamerzoek,2026:document:brief-a", "tag:kamerzoek,2026:document:brief-b"])
            #expect(before.map(\.updated) == ["2024-03-03T00:00:00Z", "2023-06-05T00:00:00Z"])
            try corpus.commit(["brief-c": "Datum 1 oktober 2025\n\nBetreft: geweld\n\nNieuw over geweld."])
            // Served once prepared in the background.
            _ = try await client.waitForGeneration(2, uri: "/health")
            let after = try await feed(client, "/feeds/search.atom?q=geweld").0.entries
            #expect(after.map(\.id) == ["tag:kamerzoek,2026:document:brief-c"] + before.map(\.id))
            #expect(Array(after.dropFirst().map(\.updated)) == before.map(\.updated))
        }
    }

    @Test func escapesTextAndReplacesWhatXMLCannotHold() async throws {
        let index = try TestIndex(documents: Self.documents)
        let directory = index.directory
        try await withLiveServer(index) { client in
            let (feed, body) = try await feed(client, "/feeds/search.atom?q=geweld+OR+%22R%26D+%3Cnieuw%3E%22")
            // Escaped in the bytes; no control character XML 1.0 forbids is sent at all.
            #expect(body.contains("R&amp;D &lt;nieuw&gt; &quot;geweld&quot; pagina 2"))
            #expect(!body.unicodeScalars.contains { $0.value < 0x20 && !["\t", "\n"].contains($0) })
            #expect(feed.title == "kamerzoek: geweld OR \"R&D <nieuw>\"")
            #expect(feed.id == "tag:kamerzoek,2026:search?q=geweld+OR+%22R%26D+%3Cnieuw%3E%22")
            let entry = try #require(feed.entries.first)
            #expect(entry.id == "tag:kamerzoek,2026:document:a-nieuw")
            #expect(entry.title == "R&D <nieuw> \"geweld\" pagina 2")
            // The summary is the snippet as text: what the engine gives, with the form
            // feed and U+0001 as spaces, and the CR kept (sent as a reference).
            let searched = try Searcher(snapshot: IndexSnapshot.open(directory: directory)).search("geweld")
            let snippet = try #require(searched.results.first { $0.doc_id == "a-nieuw" }?.plainSnippet?.text)
            #expect(snippet.contains("\u{0C}") && snippet.contains("\r\n"))
            let expected = String(String.UnicodeScalarView(snippet.unicodeScalars.map {
                $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) ? " " : $0
            }))
            #expect(entry.summary == expected)
            #expect(entry.summary.contains("Geweld & <b>zo</b> verder  met \"quotes\" en 'apostrofs'\r\nop een nieuwe regel."))
        }
    }

    @Test func xmlEscapingCoversWhatXML10Forbids() {
        #expect(XMLText.escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'")
        #expect(XMLText.escape("]]>") == "]]&gt;")
        // Tab and LF stay, CR is a reference, the other C0 controls are spaces.
        #expect(XMLText.escape("a\tb\nc\rd") == "a\tb\nc&#xD;d")
        #expect(XMLText.escape("\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}x") == "       x")
        // Noncharacters XML cannot hold; other characters beyond ASCII as they are.
        #expect(XMLText.escape("\u{FFFE}\u{FFFF}ë€\u{1F600}\u{7F}\u{85}") == "\u{FFFD}\u{FFFD}ë€\u{1F600}\u{7F}\u{85}")
    }

    @Test func linksToTheDocumentPageAndTheOfficialPublication() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let (feed, _) = try await feed(client, "/feeds/search.atom?q=geweld")
            let newest = feed.entries[0], law = feed.entries[1]
            #expect(newest.link("related") == "https://zoek.officielebekendmakingen.nl/kst-36600-1")
            #expect(law.link("related") == nil)
            let page = try #require(law.link("alternate"))
            #expect(page.hasPrefix("http://") && page.hasSuffix("/documents/wetten/BWBR0001%20art%201#p0"))
            // The link leads to the document's page on this server.
            let path = String(page[page.range(of: "/documents/")!.lowerBound ..< page.firstIndex(of: "#")!])
            let (status, html, _) = try await client.get(path)
            #expect(status == .ok && html.contains("Geweld is strafbaar."))
        }
    }

    @Test func theSearchPageLinksToTheFeedAndTheCSV() async throws {
        let index = try TestIndex(documents: Self.documents)
        try await withLiveServer(index) { client in
            let (_, html, _) = try await client.get("/?q=geweld&type=brief&limit=20&per_doc=2")
            let head = String(html[..<html.range(of: "</head>")!.lowerBound])
            #expect(head.contains(#"<link rel="alternate" type="application/atom+xml" title="kamerzoek: geweld" href="/feeds/search.atom?q=geweld&amp;type=brief">"#))
            #expect(html.contains(#"<a class="feed" type="application/atom+xml" href="/feeds/search.atom?q=geweld&amp;type=brief">"#))
            #expect(html.contains(#"<a class="csv" type="text/csv" href="/api/search.csv?q=geweld&amp;type=brief&amp;per_doc=2" download>CSV</a>"#))
            // Both links answer.
            let linked = try await feed(client, "/feeds/search.atom?q=geweld&type=brief").0
            #expect(linked.entries.count == 1)
            let csv = try await client.get("/api/search.csv?q=geweld&type=brief&per_doc=2")
            #expect(csv.status == .ok)

            // No results yet: the feed (an alert for what is to come), no CSV.
            let (_, empty, _) = try await client.get("/?q=bestaatniet")
            #expect(empty.contains("application/atom+xml") && empty.contains("/feeds/search.atom?q=bestaatniet") && !empty.contains("search.csv"))
            // No search, no feed.
            let (_, blank, _) = try await client.get("/")
            #expect(!blank.contains("search.atom"))
        }
    }
}
