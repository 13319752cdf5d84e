import Foundation
import IndexStore
import Testing
@testable import Search

/// An AND of words is counted and ranked in one walk over the documents of its rarest
/// clause (``ConjunctionWalk``): it must give what the exhaustive search gives — the same
/// totals, documents, pages, passages and scores to the bit — for documents matched
/// through their titles alone, clauses found only in a title, deleted documents,
/// filters, and counts that stop at the limit part-way through a segment.
@Suite("Counting and ranking an AND in one walk")
struct ConjunctionWalkTests {
    @Test func takesConjunctionsOfWordsAndOfORsOfWordsOnly() {
        let (a, b, c) = (PlannedQuery.term(.bodyStem, "a"), PlannedQuery.term(.bodyStem, "b"), PlannedQuery.term(.bodyStem, "c"))
        let phrase = PlannedQuery.phrase(.bodyStem, terms: ["b", "c"], offsets: [0, 1], slop: 0)
        func applies(_ query: PlannedQuery) -> Bool { ConjunctionWalk.applies(to: TopLevelClauses(query)) }
        #expect(applies(.all([a, b])))
        #expect(applies(.all([a, b, c])))
        #expect(applies(.all([a, .any([b, c])])))
        #expect(!applies(a))
        #expect(!applies(.any([a, b])))
        #expect(!applies(.all([a, phrase])))
        #expect(!applies(.all([a, .any([b, phrase])])))
        #expect(!applies(.all([a, .prefix(.bodyExact, "b")])))
        #expect(!applies(.all([a, b, .title(.term(.titleStem, "c"))])))
        #expect(!applies(.exclude(included: .all([a, b]), excluded: c)))
        #expect(!applies(.all([a, .everything])))
    }

    /// 300 documents in two segments, the first with deletions (every seventh of its
    /// first hundred written again in the second). One in forty has `femicide` and
    /// `geweld` in its title and neither in a passage; one in forty `femicide` in its title
    /// and `geweld` in passages only; one in ten both words in one passage; `geweld` in
    /// passages nearly everywhere. One in six has `ammoniak` in its first passage, one in
    /// twelve of those `stikstof` in its third: a walk led by `ammoniak` that meets a
    /// document without `stikstof` must not jump past the `ammoniak` of the next one.
    static func makeIndex() throws -> (directory: String, snapshot: IndexSnapshot) {
        func document(_ number: Int) -> StoredDocument {
            let title: String? = switch number % 40 {
            case 3: "Femicide en geweld"
            case 5: "Femicide in de regio"
            case 7: nil
            default: "Stuk \(number)"
            }
            let passages = (0 ..< 3 + number % 4).map { passage -> StoredPassage in
                var text: String
                if number % 40 == 3 {
                    text = "Een stuk over de regio, deel \(passage)."
                } else if number % 10 == 0, passage == 1 {
                    text = "Geweld tegen vrouwen, femicide, in deel \(passage) van \(number)."
                } else if (number + passage) % 3 == 0 {
                    text = "Vrouwen in de regio, deel \(passage) van \(number)."
                } else {
                    text = String(repeating: "geweld ", count: 1 + (number + passage) % 4) + "in de regio, deel \(passage) van \(number)."
                }
                // `ammoniak` leads `ammoniak stikstof`; where a document lacks `stikstof`,
                // the next one with it may have `ammoniak` in an earlier passage.
                if number % 6 == 1, passage == 0 { text += " Ammoniak." }
                if number % 12 == 1, passage == 2 { text += " Stikstof." }
                if number % 12 == 3 || number % 12 == 5, passage == 0 { text += " Stikstof." }
                return FixtureIndex.passage(text)
            }
            return StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", title: title,
                date: String(format: "20%02d-03-01", 10 + number % 12), type: number % 3 == 0 ? "brief" : "motie",
                dossiers: ["\(36000 + number % 5)"], passages: passages)
        }
        let directory = NSTemporaryDirectory() + "kamerzoek-walk-" + UUID().uuidString
        let writer = try IndexWriter(directory: directory)
        try writer.add((0 ..< 200).map(document))
        try writer.add((200 ..< 300).map(document) + (0 ..< 100).filter { $0 % 7 == 0 }.map(document))
        return (directory, try IndexSnapshot.open(directory: directory))
    }

    static let queries = [
        "femicide geweld", "geweld femicide", "femicide geweld vrouwen", "femicide (geweld OR vrouwen)", "femicide regio",
        "geweld regio", "vrouwen regio deel", "soort:brief femicide geweld", "jaar:2015 geweld vrouwen",
        "dossier:36002 femicide regio", "(femicide OR vrouwen) (geweld OR regio)", "ammoniak stikstof", "stikstof ammoniak",
    ]

    static func options() -> SearchOptions {
        var options = SearchOptions()
        options.snippets = false
        options.foldSimilar = false  // the texts repeat on purpose
        options.fillWithSomeWords = false  // only documents with every word
        options.limit = 30
        return options
    }

    /// Without a limit, and with limits that stop counting in the first segment, in the
    /// second, and past every match: the page of the exhaustive search, passages and
    /// scores to the bit; the exact totals where the count is exact, a lower bound of at
    /// least the limit where it is not.
    @Test(arguments: [Int.max, 4, 40, 150, 100_000])
    func everyQueryGivesTheExhaustiveAnswer(limit: Int) throws {
        let index = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        #expect(index.snapshot.segments.count == 2 && index.snapshot.segments[0].deletions != nil)
        let searcher = try Searcher(snapshot: index.snapshot)
        searcher.countLimit = limit
        searcher.firstCountingWindow = 16
        var bounded = 0
        for query in Self.queries {
            for (offset, perDocument) in [(0, 1), (20, 1), (0, 3)] {
                var options = Self.options()
                options.offset = offset
                options.perDocument = perDocument
                let result = try searcher.search(query, options: options)
                options.exhaustive = true
                let full = try searcher.search(query, options: options)
                let context = "\(query) limit \(limit) offset \(offset) per document \(perDocument)"
                #expect(!result.partial, "\(context)")
                // Words alone add up in the same order both ways; an OR's alternatives are
                // added up inside its clause on the exhaustive side.
                #expect(result.results.map(\.doc_id) == full.results.map(\.doc_id), "\(context)")
                #expect(result.results.map(\.passage) == full.results.map(\.passage), "\(context)")
                for (a, b) in zip(result.results, full.results) {
                    let tolerance = query.contains("OR") ? 1e-4 * max(1, abs(b.score)) : 0
                    #expect(abs(a.score - b.score) <= tolerance, "\(context)")
                }
                if result.total_is_exact {
                    #expect(result.total == full.total && result.documents == full.documents, "\(context)")
                } else {
                    #expect(result.total >= limit && result.total <= full.total && result.documents <= full.documents, "\(context)")
                    bounded += 1
                }
                if full.total < limit { #expect(result.total_is_exact, "\(context)") }
            }
        }
        // The small limits stop counting part-way (and past every match none does).
        #expect(limit >= 100_000 ? bounded == 0 : limit < 100 ? bounded > 0 : true)
    }

    /// Documents with every word only in their titles count one passage each and are
    /// shown by their first passage; a word found only in a title counts for its
    /// document, whose passages with the other word are its matching passages.
    @Test func titlesCountForTheirDocuments() throws {
        let index = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        let searcher = try Searcher(snapshot: index.snapshot)
        var options = Self.options()
        options.limit = 300
        let result = try searcher.search("femicide geweld", options: options)
        let ids = Set(result.results.map(\.doc_id))
        let titleOnly = (0 ..< 300).filter { $0 % 40 == 3 }.map { "doc-\($0)" }
        let titleAndPassages = (0 ..< 300).filter { $0 % 40 == 5 }.map { "doc-\($0)" }
        let inPassages = (0 ..< 300).filter { $0 % 10 == 0 }.map { "doc-\($0)" }
        #expect(ids == Set(titleOnly + titleAndPassages + inPassages))
        for hit in result.results where titleOnly.contains(hit.doc_id) { #expect(hit.passage == 0, "\(hit.doc_id)") }
        options.exhaustive = true
        let full = try searcher.search("femicide geweld", options: options)
        #expect(result.total == full.total && result.documents == full.documents && result.documents == ids.count)
    }

    /// Facets count the documents the walk counted: those of the exhaustive search.
    @Test func facetsCountTheWalkedDocuments() throws {
        let index = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: index.directory) }
        let searcher = try Searcher(snapshot: index.snapshot)
        for query in Self.queries {
            var options = Self.options()
            options.facets = FacetField.allCases
            let result = try searcher.search(query, options: options)
            options.exhaustive = true
            let full = try searcher.search(query, options: options)
            #expect(result.facets_exact == true, "\(query)")
            #expect(result.facets == full.facets, "\(query)")
        }
    }
}
