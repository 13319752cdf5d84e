import Foundation
import IndexStore
import Testing
@testable import Search

/// One article repeated in several laws takes one place on the page; the others are
/// listed with it (`similar`, `similar_passages`), and the page fills with other content.
@Suite struct SimilarFoldingTests {
    static let article = """
        Het bevoegd gezag stelt een meldcode vast waarin stapsgewijs wordt aangegeven hoe met signalen van \
        huiselijk geweld of kindermishandeling wordt omgegaan en die erop gericht is dat de beroepskracht die \
        beroepshalve in contact komt met jeugdigen en ouders zo snel mogelijk adequate hulp kan bieden.
        """

    static func document(_ id: String, date: String, _ texts: [String]) -> StoredDocument {
        StoredDocument(
            id: id, source: id + ".txt", contentHash: id, title: id, date: date, type: "wet",
            passages: texts.map { FixtureIndex.passage($0) })
    }

    /// Five laws with the article (one with a word changed, a few bits apart), two letters
    /// about the subject.
    static func makeIndex() throws -> (String, IndexSnapshot) {
        let directory = NSTemporaryDirectory() + "kamerzoek-folding-" + UUID().uuidString
        let changed = article.replacingOccurrences(of: "kindermishandeling", with: "ouderenmishandeling")
        let documents = [
            document("wet-jeugd", date: "2015-01-01", [article, "Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip."]),
            document("wet-onderwijs", date: "2016-01-01", [article]),
            document("wet-zorg", date: "2017-01-01", [changed]),
            document("wet-kinderopvang", date: "2018-01-01", [article, "De houder draagt zorg voor een verantwoorde kinderopvang."]),
            document("wet-wmo", date: "2019-01-01", [article]),
            document("brief-meldcode", date: "2024-01-01", ["De meldcode huiselijk geweld wordt dit jaar geëvalueerd; de evaluatie van de meldcode volgt in het najaar."]),
            document("brief-aanpak", date: "2023-01-01", ["Met gemeenten werken wij aan de aanpak van huiselijk geweld en kindermishandeling, en aan de meldcode."]),
        ]
        let writer = try IndexWriter(directory: directory)
        try writer.add(Array(documents.prefix(4)))
        try writer.add(Array(documents.dropFirst(4)))
        return (directory, try IndexSnapshot.open(directory: directory))
    }

    @Test func repeatedArticlesFoldIntoTheBestRankedOne() throws {
        let (directory, snapshot) = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(snapshot.segments.count == 2)
        let searcher = try Searcher(snapshot: snapshot)
        var options = SearchOptions()
        let unfoldedOptions = { () -> SearchOptions in var o = options; o.foldSimilar = false; return o }()
        let every = try searcher.search("meldcode", options: unfoldedOptions)
        #expect(every.results.count == 7)
        #expect(every.results.allSatisfy { $0.similar == 0 && $0.similar_passages.isEmpty })

        let folded = try searcher.search("meldcode", options: options)
        #expect(folded.documents == 7 && folded.total == every.total)
        #expect(folded.results.count == 3)
        let laws = folded.results.filter { $0.doc_id.hasPrefix("wet-") }
        #expect(laws.count == 1)
        let law = try #require(laws.first)
        #expect(law.similar == 4)
        #expect(Set(law.similar_passages.map(\.doc_id) + [law.doc_id]) == ["wet-jeugd", "wet-onderwijs", "wet-zorg", "wet-kinderopvang", "wet-wmo"])
        #expect(law.similar_passages.allSatisfy { $0.passage == 0 && $0.type == "wet" && $0.title == $0.doc_id })
        // The folded ones come in the order the unfolded ranking has them.
        let unfoldedLaws = every.results.map(\.doc_id).filter { $0.hasPrefix("wet-") }
        #expect([law.doc_id] + law.similar_passages.map(\.doc_id) == unfoldedLaws)

        // Pages are slices of the folded ranking.
        options.limit = 1
        var paged: [String] = []
        for offset in 0 ..< 4 {
            options.offset = offset
            paged += try searcher.search("meldcode", options: options).results.map(\.doc_id)
        }
        #expect(paged == folded.results.map(\.doc_id))

        // Date order folds too: the newest law is shown with the others.
        options.limit = 10
        options.offset = 0
        options.sort = .date
        let newest = try searcher.search("meldcode", options: options)
        #expect(newest.results.map(\.doc_id) == ["brief-meldcode", "brief-aanpak", "wet-wmo"])
        #expect(newest.results[2].similar_passages.map(\.doc_id) == ["wet-kinderopvang", "wet-zorg", "wet-onderwijs", "wet-jeugd"])
    }

    /// When most of the first window folds away, the search ranks further so that the
    /// page is still full.
    @Test func aPageStaysFullWhenMostResultsFold() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-folding-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var documents = (0 ..< 70).map { Self.document("wet-\($0)", date: "2015-01-01", [Self.article + " Meldcode."]) }
        documents += (0 ..< 12).map { Self.document("brief-\($0)", date: "2020-01-01", ["Brief \($0) over de meldcode en iets anders: onderwerp nummer \($0)."]) }
        try IndexWriter(directory: directory).add(documents)
        let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: directory))
        var options = SearchOptions()
        options.snippets = false
        options.limit = 10
        options.offset = 5
        let page = try searcher.search("meldcode", options: options)
        #expect(page.results.count == 8)  // 13 results in all: 12 letters and one law
        #expect(page.results.allSatisfy { $0.doc_id.hasPrefix("brief-") || $0.similar == 69 })
    }
}

/// An AND that finds fewer documents than the page reaches goes on with documents that
/// have some of the words, after every document with all of them.
@Suite struct SomeWordsTests {
    @Test func thePageGoesOnWithDocumentsThatHaveSomeOfTheWords() throws {
        let index = try FixtureIndex()
        // Only brief-geweld has both words; others have geweld alone.
        let strict = try index.search("femicide geweld") { $0.fillWithSomeWords = false }
        #expect(strict.results.map(\.doc_id) == ["brief-geweld"])
        let filled = try index.search("femicide geweld")
        #expect(filled.total == strict.total && filled.documents == strict.documents)
        #expect(filled.results.first?.doc_id == "brief-geweld" && filled.results.first?.all_words == true)
        let either = try index.search("femicide OR geweld") { $0.fillWithSomeWords = false }
        #expect(filled.results.count == either.results.count && filled.results.count > 1)
        #expect(filled.results.dropFirst().allSatisfy { !$0.all_words })
        // The second page starts where the first ended, in the same order.
        let second = try index.search("femicide geweld") { $0.offset = 1; $0.limit = 10 }
        #expect(second.results.map(\.doc_id) == Array(filled.results.dropFirst().map(\.doc_id)))
        // Filters hold for the documents with some of the words too.
        let filtered = try index.search("femicide geweld soort:brief")
        #expect(filtered.results.allSatisfy { $0.type == "brief" })
        // Exclusions, a single word and stop words alone mean exactly what they say.
        for query in ["femicide -geweld", "femicide", "de het", "titel:verslag wiskundeonderwijs"] {
            let result = try index.search(query)
            #expect(result.results.allSatisfy { $0.all_words }, "\(query)")
        }
    }
}
