import Foundation
import HummingbirdTesting
import IndexStore
import Testing

/// `GET /documents/{id}` reached from a result: the query's words marked, the passage the
/// result pointed at current, the way back to the results, the official publication, and
/// the title shown once.
@Suite("The document page from a result")
struct DocumentPageTests {
    static let publication = "https://zoek.officielebekendmakingen.nl/kst-28345-252.html?a=1&b=2"

    static let documents: [StoredDocument] = [
        StoredDocument(
            id: "brieven/kst 252", source: "Corpus/brieven/kst 252.xml", contentHash: "1", title: "Voortgang aanpak huiselijk geweld",
            date: "2024-03-01", type: "brief", dossiers: ["28345"], url: publication,
            passages: [
                // The title again, in other case and punctuation: not shown twice.
                TestIndex.passage("VOORTGANG aanpak huiselijk-geweld."),
                TestIndex.passage("De maatregelen tegen huiselijk geweld & <script>alert(1)</script> werken."),
                TestIndex.passage("Een maatregel van gemeenten tegen huiselijke geweld.", heading: "Maatregel <kop>"),
            ]),
        StoredDocument(
            id: "motie-onderwijs", source: "Corpus/motie-onderwijs.txt", contentHash: "2", title: "Motie over onderwijs",
            date: "2023-06-15", type: "motie",
            passages: [
                // A heading that is the title: only the heading goes.
                TestIndex.passage("Verzoekt de regering het onderwijs te versterken.", heading: "Motie over  onderwijs:"),
                TestIndex.passage("Motie over onderwijs"),
            ]),
        StoredDocument(
            id: "bijlage", source: "Corpus/bijlage.md", contentHash: "3", title: "Bijlage 1. Voortgang aanpak",
            passages: [TestIndex.passage("Bijlage 1 – voortgang aanpak\nIn deze bijlage wordt u geïnformeerd over de aanpak.")]),
    ]

    let index: TestIndex

    init() throws { index = try TestIndex(documents: Self.documents) }

    @Test func aWordIsMarkedInAnyInflectionAndThePassageIsCurrent() async throws {
        try await withLiveServer(index) { client in
            let (status, body, _) = try await client.get("/documents/brieven/kst%20252?q=maatregel&p=2")
            #expect(status == .ok)
            #expect(body.contains("<section id=\"p1\"><p class=\"text\">De <mark>maatregelen</mark> tegen huiselijk geweld &amp; &lt;script&gt;alert(1)&lt;/script&gt; werken.</p></section>"))
            // The passage the result pointed at, headings marked too.
            #expect(body.contains("<section id=\"p2\" class=\"current\"><h3><mark>Maatregel</mark> &lt;kop&gt;</h3><p class=\"text\">Een <mark>maatregel</mark> van gemeenten tegen huiselijke geweld.</p></section>"))
            #expect(body.components(separatedBy: "class=\"current\"").count == 2)
            #expect(!body.contains("<script>"))
        }
    }

    @Test func aPhraseIsMarkedAsOneAndOnlyInItsExactForm() async throws {
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/documents/brieven/kst%20252?q=%22huiselijk+geweld%22+-gemeenten&p=1")
            #expect(body.contains("<h2>Voortgang aanpak <mark>huiselijk geweld</mark></h2>"))
            #expect(body.contains("<section id=\"p1\" class=\"current\"><p class=\"text\">De maatregelen tegen <mark>huiselijk geweld</mark> &amp; "))
            // Another inflection is not the phrase; an excluded word is not marked.
            #expect(body.contains("Een maatregel van gemeenten tegen huiselijke geweld.</p>"))
            // Filters, prefixes and words together.
            let (_, mixed, _) = try await client.get("/documents/brieven/kst%20252?q=soort%3Abrief+gemeente*+script")
            #expect(mixed.contains("Een maatregel van <mark>gemeenten</mark> tegen"))
            #expect(mixed.contains("&amp; &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; werken."))
        }
    }

    @Test func theQueryIsEscapedAndAnUnreadableOneMarksNothing() async throws {
        try await withLiveServer(index) { client in
            // An unclosed phrase: the document is shown all the same, without marks.
            let (status, body, _) = try await client.get("/documents/brieven/kst%20252?q=%22%3E%3Cb%3Egeweld&p=x")
            #expect(status == .ok)
            #expect(!body.contains("<mark>") && !body.contains("<b>") && !body.contains("class=\"current\""))
            #expect(body.contains(#"<a class="back" rel="search" href="/?q=%22%3E%3Cb%3Egeweld">Terug naar de resultaten</a>"#))
            // Markup in a text is escaped around the marks, never taken over.
            let (_, marked, _) = try await client.get("/documents/brieven/kst%20252?q=alert")
            #expect(marked.contains("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"))
        }
    }

    @Test func theWayBackCarriesTheSearchAndItsPage() async throws {
        try await withLiveServer(index) { client in
            let search = "/?q=werken&type=brief&sort=date_asc&limit=20&per_doc=2&fold=false"
            let (_, results, _) = try await client.get(search)
            // The result links to the document with the search and the passage.
            let link = "/documents/brieven/kst%20252?q=werken&type=brief&sort=date_asc&limit=20&per_doc=2&fold=false&p=1#p1"
            #expect(results.contains("<a href=\"\(link.replacingOccurrences(of: "&", with: "&amp;"))\">Voortgang aanpak huiselijk geweld</a>"))
            let (_, page, _) = try await client.get(String(link.prefix { $0 != "#" }))
            #expect(page.contains("<a class=\"back\" rel=\"search\" href=\"\(search.replacingOccurrences(of: "&", with: "&amp;"))\">Terug naar de resultaten</a>"))
            #expect(page.contains("<section id=\"p1\" class=\"current\">"))
            // From a later page, back to that page.
            let (_, later, _) = try await client.get("/documents/motie-onderwijs?q=onderwijs&offset=10&dossier=36+658&from=2020&to=2024-12&p=0")
            #expect(later.contains(#"href="/?q=onderwijs&amp;dossier=36+658&amp;from=2020&amp;to=2024-12&amp;offset=10">Terug naar de resultaten</a>"#))
            // Opened on its own: no way back to results that were never asked for.
            let (_, alone, _) = try await client.get("/documents/motie-onderwijs")
            #expect(!alone.contains("Terug naar de resultaten") && !alone.contains("class=\"current\""))
            let (_, blank, _) = try await client.get("/documents/motie-onderwijs?q=+&p=0")
            #expect(!blank.contains("Terug naar de resultaten"))
        }
    }

    @Test func theOfficialPublicationOpensElsewhere() async throws {
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/documents/brieven/kst%20252")
            #expect(body.contains(#"<nav class="document-links"><a class="publication" href="https://zoek.officielebekendmakingen.nl/kst-28345-252.html?a=1&amp;b=2" target="_blank" rel="noopener">Officiële publicatie</a></nav>"#))
            let (_, searched, _) = try await client.get("/documents/brieven/kst%20252?q=geweld")
            #expect(searched.contains(#"<nav class="document-links"><a class="back" rel="search" href="/?q=geweld">Terug naar de resultaten</a> · <a class="publication" "#))
            // No address known: no link.
            let (_, without, _) = try await client.get("/documents/motie-onderwijs?q=onderwijs")
            #expect(!without.contains("Officiële publicatie") && !without.contains("noopener"))
        }
    }

    @Test func theTitleIsNotRepeatedAsTheFirstPassage() async throws {
        try await withLiveServer(index) { client in
            let (_, body, _) = try await client.get("/documents/brieven/kst%20252")
            // The page title and the heading; the first passage keeps its anchor only.
            #expect(body.components(separatedBy: "Voortgang aanpak huiselijk geweld").count == 3)
            #expect(!body.contains("VOORTGANG"))
            #expect(body.contains("<section id=\"p0\"></section>\n<section id=\"p1\">"))
            // A heading that is the title goes, its text stays; a later passage that is
            // the title stays too.
            let (_, motie, _) = try await client.get("/documents/motie-onderwijs")
            #expect(motie.contains("<section id=\"p0\"><p class=\"text\">Verzoekt de regering het onderwijs te versterken.</p></section>"))
            #expect(motie.contains("<section id=\"p1\"><p class=\"text\">Motie over onderwijs</p></section>"))
            // A first line that is the title goes, the rest of the passage stays.
            let (_, bijlage, _) = try await client.get("/documents/bijlage?q=aanpak")
            #expect(bijlage.contains("<section id=\"p0\"><p class=\"text\">In deze bijlage wordt u geïnformeerd over de <mark>aanpak</mark>.</p></section>"))
            #expect(bijlage.contains("<h2>Bijlage 1. Voortgang <mark>aanpak</mark></h2>"))
            // A result pointing at the first passage still finds its anchor.
            let (_, current, _) = try await client.get("/documents/brieven/kst%20252?q=voortgang&p=0")
            #expect(current.contains("<section id=\"p0\" class=\"current\"></section>"))
            #expect(current.contains("<h2><mark>Voortgang</mark> aanpak huiselijk geweld</h2>"))
        }
    }
}
