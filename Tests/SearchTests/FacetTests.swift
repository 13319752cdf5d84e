import Foundation
import IndexStore
import Testing
@testable import Search

/// Facets count the documents a search's `documents` counts, per type, year and dossier:
/// each count is the `documents` of the same search with that value as a filter.
@Suite("Facets")
struct FacetTests {
    /// Single words (counted by the dictionary, or by walking in segments with deletions
    /// and under filters), ANDs, ORs, phrases, exclusions, prefixes, titles and filters.
    static let queries = [
        "minister", "cassatie", "de", "minister gemeente", "minister OR gemeente", "stikstof OR ammoniak",
        "\"de minister\"", "\"gemeente provincie\"~3", "minister -gemeente", "(minister OR kabinet) kamer",
        "minist*", "titel:minister", "titel:minister gemeente", "soort:brief minister", "jaar:2020 gemeente",
        "dossier:36003 wet", "soort:brief", "minister titel:kamer -geweld", "datum:2019-05-01..2019-05-31 minister gemeente",
    ]

    static func options(sort: Search.SortOrder = .relevance) -> SearchOptions {
        var options = SearchOptions()
        options.snippets = false
        options.sort = sort
        options.facets = FacetField.allCases
        return options
    }

    /// The query with one more filter: the query as a group, so that its ORs stay inside.
    static func filtered(_ query: String, _ filter: String) -> String { "(\(query)) \(filter)" }

    @Test func eachCountIsTheDocumentsOfTheQueryWithThatFilter() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            for query in Self.queries {
                for sort in SortOrder.allCases {
                    let result = try searcher.search(query, options: Self.options(sort: sort))
                    #expect(result.total_is_exact && result.facets_exact == true, "\(query)")
                    let facets = try #require(result.facets, "\(query)")
                    #expect(Set(facets.keys) == ["type", "year", "dossier"], "\(query)")
                    // Every document has a type (and here one dossier): the counts add up.
                    #expect(facets["type"]!.reduce(0) { $0 + $1.count } == result.documents, "\(query)")
                    #expect(facets["dossier"]!.reduce(0) { $0 + $1.count } == result.documents, "\(query)")
                    #expect(facets["year"]!.reduce(0) { $0 + $1.count } <= result.documents, "\(query)")
                    var plain = SearchOptions()
                    plain.snippets = false
                    plain.limit = 1
                    for (field, name) in [("type", "soort"), ("year", "jaar"), ("dossier", "dossier")] {
                        for value in facets[field]! {
                            let filtered = try searcher.search(Self.filtered(query, "\(name):\(value.value)"), options: plain)
                            #expect(filtered.documents == value.count, "\(query) \(name):\(value.value) \(sort)")
                        }
                    }
                    // Undated documents have no year: the years count the dated documents.
                    let dated = try searcher.search(Self.filtered(query, "datum:..9999"), options: plain)
                    #expect(facets["year"]!.reduce(0) { $0 + $1.count } == dated.documents, "\(query)")
                    if sort == .relevance { #expect(result.suggestion == nil || result.documents < SearchOptions.suggestionBelow) }
                }
            }
        }
    }

    /// The pruned path, the exhaustive path and several threads count the same facets.
    @Test func everyWayOfCollectingCountsTheSame() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            searcher.threads = 3
            searcher.postingsWorthThreads = 1
            for query in Self.queries {
                let result = try searcher.search(query, options: Self.options())
                var exhaustive = Self.options()
                exhaustive.exhaustive = true
                let full = try searcher.search(query, options: exhaustive)
                #expect(result.facets == full.facets, "\(query)")
                #expect(full.facets_exact == true)
                let byDate = try searcher.search(query, options: Self.options(sort: .date))
                #expect(byDate.facets == full.facets, "\(query)")
            }
        }
    }

    /// Without `facets`, none are counted or shown.
    @Test func noFacetsUnlessAskedFor() throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            var options = Self.options()
            options.facets = []
            let result = try searcher.search("minister gemeente", options: options)
            #expect(result.facets == nil && result.facets_exact == nil)
            options.facets = [.year]
            let years = try searcher.search("minister gemeente", options: options)
            #expect(years.facets.map { Array($0.keys) } == ["year"])
        }
    }

    /// With the count limit lowered, counting stops: the facets then count the documents
    /// counted so far (they add up to `documents`, each at most the exact count) and say
    /// they are not exact; below the limit they are exact.
    @Test(arguments: [600, 30])
    func atTheCountLimitFacetsCountWhatWasCounted(limit: Int) throws {
        try PruningEquivalenceTests.withSearcher { searcher, _ in
            var bounded = 0
            for query in Self.queries + BoundedCountTests.queries {
                for sort in SortOrder.allCases {
                    searcher.countLimit = SearchOptions.countLimit
                    searcher.firstCountingWindow = SegmentMatches.firstWindow
                    let exact = try searcher.search(query, options: Self.options(sort: sort))
                    searcher.countLimit = limit
                    searcher.firstCountingWindow = 64
                    let result = try searcher.search(query, options: Self.options(sort: sort))
                    let facets = try #require(result.facets)
                    #expect(result.facets_exact == result.total_is_exact, "\(query)")
                    #expect(facets["type"]!.reduce(0) { $0 + $1.count } == result.documents, "\(query)")
                    if result.total_is_exact {
                        #expect(result.facets == exact.facets, "\(query)")
                    } else {
                        bounded += 1
                        for field in ["type", "year", "dossier"] {
                            let full = Dictionary(uniqueKeysWithValues: exact.facets![field]!.map { ($0.value, $0.count) })
                            for value in facets[field]! {
                                #expect(value.count <= full[value.value] ?? 0, "\(query) \(field) \(value.value)")
                            }
                        }
                    }
                }
            }
            #expect(bounded > 0)
        }
    }

    /// Values in order (types and dossiers by count, then value; years newest first),
    /// documents in several dossiers counted in each, undated documents in no year.
    @Test func valuesAndOrder() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-facets-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let specs: [(type: String, date: String?, dossiers: [String])] = [
            ("brief", "2024-03-01", ["36001"]), ("brief", "2024-05-01", ["36001", "36002"]), ("motie", "2023-01-01", ["36002"]),
            ("motie", nil, ["36003"]), ("wet", "2020-07-01", []), ("brief", "2020-02-02", ["36600-VI"]),
        ]
        let documents = specs.enumerated().map { number, spec in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", date: spec.date, type: spec.type,
                dossiers: spec.dossiers, passages: [FixtureIndex.passage("Stikstof en natuur, stuk \(number).")])
        }
        try IndexWriter(directory: directory).add(documents)
        let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: directory))
        let result = try searcher.search("stikstof", options: Self.options())
        let facets = try #require(result.facets)
        #expect(facets["type"] == [FacetValue(value: "brief", count: 3), FacetValue(value: "motie", count: 2), FacetValue(value: "wet", count: 1)])
        #expect(facets["year"] == [FacetValue(value: "2024", count: 2), FacetValue(value: "2023", count: 1), FacetValue(value: "2020", count: 2)])
        #expect(facets["dossier"] == [
            FacetValue(value: "36001", count: 2), FacetValue(value: "36002", count: 2), FacetValue(value: "36003", count: 1), FacetValue(value: "36600-VI", count: 1),
        ])
        let filtered = try searcher.search("stikstof dossier:36002", options: Self.options())
        #expect(filtered.facets?["dossier"] == [FacetValue(value: "36002", count: 2), FacetValue(value: "36001", count: 1)])
        #expect(FacetField.list("dossier, type,,year") == [.type, .year, .dossier])
        #expect(FacetField.list("type,soort") == nil)
    }

    /// At most 20 dossiers: the most frequent, ties by value.
    @Test func dossiersAreCappedByCountThenValue() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-facets-cap-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Dossier 36099 in three documents, 36098 in two, 30 more in one each, listed in
        // reverse order of their numbers.
        let dossiers = (0 ..< 30).reversed().map { [String(36_000 + $0)] } + [["36099"], ["36099"], ["36099"], ["36098"], ["36098"]]
        let documents = dossiers.enumerated().map { number, dossiers in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", type: "brief", dossiers: dossiers,
                passages: [FixtureIndex.passage("Stikstof, stuk \(number).")])
        }
        try IndexWriter(directory: directory).add(documents)
        let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: directory))
        let values = try #require(try searcher.search("stikstof", options: Self.options()).facets?["dossier"])
        #expect(values.count == FacetField.dossier.valueLimit)
        #expect(values.prefix(2) == [FacetValue(value: "36099", count: 3), FacetValue(value: "36098", count: 2)])
        #expect(values.dropFirst(2).map(\.value) == (0 ..< 18).map { String(36_000 + $0) })
    }
}
