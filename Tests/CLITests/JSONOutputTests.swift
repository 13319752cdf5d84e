import Foundation
import Testing

/// Every command's `--json`, key by key with the kind of each value. What the API also
/// answers has the API's shape and names (`search`: `/api/search`; `show`:
/// `/api/documents/{id}`; `stats` and `optimize`: `/api/stats`; ``APISchemaTests`` holds
/// them to the OpenAPI document); `extract` names what it shares with `show` as `show`
/// does.
@Suite("--json output")
struct JSONOutputTests {
    static let searchResult: JSONShape = [
        "query": [.string], "total": [.integer], "total_is_exact": [.boolean], "documents": [.integer], "took_ms": [.number],
        "partial": [.boolean], "results": [.array],
    ]
    static let hit: JSONShape = [
        "doc_id": [.string], "passage": [.integer], "score": [.number], "title": [.string, .null], "date": [.string, .null],
        "type": [.string], "dossier": [.string, .null], "heading": [.string, .null], "source": [.string], "url": [.string, .null],
        "snippet": [.string], "similar": [.integer], "similar_passages": [.array], "all_words": [.boolean],
    ]
    static let similarPassage: JSONShape = [
        "doc_id": [.string], "passage": [.integer], "title": [.string, .null], "date": [.string, .null], "type": [.string],
        "url": [.string, .null],
    ]
    static let facetValue: JSONShape = ["value": [.string], "count": [.integer]]
    static let batchLine: JSONShape = [
        "query": [.string], "latency_us": [.integer], "total": [.integer], "partial": [.boolean], "results": [.array],
    ]
    static let batchHit: JSONShape = ["doc_id": [.string], "passage": [.integer], "score": [.number]]
    static let storedDocument: JSONShape = [
        "id": [.string], "title": [.string, .null], "date": [.string, .null], "type": [.string], "dossier": [.string, .null],
        "dossiers": [.array], "number": [.string, .null], "ministry": [.string, .null], "authors": [.array],
        "identifiers": [.array], "url": [.string, .null], "source": [.string], "content_hash": [.string], "format": [.string],
        "warnings": [.array], "passages": [.array],
    ]
    static let storedPassage: JSONShape = ["passage": [.integer], "heading": [.string, .null], "text": [.string]]
    static let extractedDocument = storedDocument.merging(["notes": [.array]]) { $1 }
    static let extractedPassage = storedPassage.merging(["start": [.integer], "end": [.integer]]) { $1 }
    static let note: JSONShape = ["label": [.string, .null], "text": [.string]]
    static let statistics: JSONShape = [
        "documents": [.integer], "passages": [.integer], "terms": [.integer], "segments": [.integer],
        "bytes_on_disk": [.integer], "analyzer": [.string], "generation": [.integer], "fingerprint": [.string],
    ]
    static let checkResult: JSONShape = ["ok": [.boolean], "segments_checked": [.integer], "problems": [.array]]
    static let indexSummary: JSONShape = [
        "added": [.integer], "updated": [.integer], "removed": [.integer], "unchanged": [.integer], "failed": [.integer],
        "skipped": [.integer], "bytes": [.integer], "seconds": [.number], "generation": [.integer], "warnings": [.integer],
    ]
    static let token: JSONShape = [
        "position": [.integer], "start": [.integer], "end": [.integer], "text": [.string], "exact": [.string], "stem": [.string],
        "stop": [.boolean], "flags": [.array],
    ]

    static let letter = "kamerstuk-28345-252-voortgang-huiselijk-geweld"

    @Test func search() throws {
        let run = try Kamerzoek.run(["search", "huiselijk geweld", "--index", try Workspace.shared().index, "--json", "--limit", "3", "--per-doc", "2"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let result = try run.object()
        expectShape(result, Self.searchResult, "search")
        #expect(result["query"] as? String == "huiselijk geweld" && result["documents"] as? Int == 5 && result["partial"] as? Bool == false)
        let hits = try objects(result, "results")
        #expect(Set(hits.map { $0["doc_id"] as? String }).count == 3 && hits.count == 6)
        for hit in hits {
            expectShape(hit, Self.hit, "search hit")
            #expect((hit["snippet"] as? String)?.contains("<mark>") == true)
            if let date = hit["date"] as? String { #expect(date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil) }
        }
    }

    @Test func searchWithFacetsAndASuggestion() throws {
        let index = try Workspace.shared().index
        let faceted = try Kamerzoek.run(["search", "huiselijk geweld", "--index", index, "--json", "--facets", "type,year,dossier"])
        #expect(faceted.status == 0, "\(faceted)")
        let result = try faceted.object()
        expectShape(result, Self.searchResult.merging(["facets": [.object], "facets_exact": [.boolean]]) { $1 }, "search --facets")
        let facets = try #require(result["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["type", "year", "dossier"])
        for (field, values) in facets {
            for value in try #require(values as? [[String: Any]], "\(field)") { expectShape(value, Self.facetValue, "facet \(field)") }
        }

        let misspelt = try Kamerzoek.run(["search", "huiselijk gewld", "--index", index, "--json"])
        #expect(misspelt.status == 0, "\(misspelt)")
        let suggested = try misspelt.object()
        expectShape(suggested, Self.searchResult.merging(["suggestion": [.string]]) { $1 }, "search with a suggestion")
        #expect(suggested["suggestion"] as? String == "huiselijk geweld")
    }

    /// A letter indexed twice under two names: the second copy's passage is folded into
    /// the first's result (`similar`, `similar_passages`).
    @Test func searchWithSimilarPassages() throws {
        let folder = try Kamerzoek.scratchFolder("similar")
        defer { Kamerzoek.removeScratchFolder(folder) }
        let letter = Kamerzoek.repository.appendingPathComponent("Corpus/\(Self.letter).txt").path
        try FileManager.default.createDirectory(atPath: folder + "/Corpus", withIntermediateDirectories: true)
        for name in ["eerste", "tweede"] { try FileManager.default.copyItem(atPath: letter, toPath: folder + "/Corpus/\(name).txt") }
        let indexed = try Kamerzoek.run(["index", folder + "/Corpus", "--index", folder + "/Index"])
        #expect(indexed.status == 0, "\(indexed)")

        let run = try Kamerzoek.run(["search", "huiselijk geweld", "--index", folder + "/Index", "--json"])
        #expect(run.status == 0, "\(run)")
        let hits = try objects(try run.object(), "results")
        let first = try #require(hits.first)
        expectShape(first, Self.hit, "search hit")
        #expect(hits.count == 1 && first["similar"] as? Int == 1, "\(hits)")
        let similar = try objects(first, "similar_passages")
        #expect(similar.count == 1 && similar.first?["doc_id"] as? String != first["doc_id"] as? String)
        for passage in similar { expectShape(passage, Self.similarPassage, "similar passage") }
    }

    /// One JSON object a line, a failed query's with `error`; the run itself succeeds.
    @Test func searchBatch() throws {
        let folder = try Kamerzoek.scratchFolder("batch")
        defer { Kamerzoek.removeScratchFolder(folder) }
        try "huiselijk geweld\ngeweld (\n\nfemicide\n".write(toFile: folder + "/vragen.txt", atomically: false, encoding: .utf8)
        let run = try Kamerzoek.run(["search", "--batch", folder + "/vragen.txt", "--index", try Workspace.shared().index, "--json"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let lines = try run.lines()
        #expect(lines.map { $0["query"] as? String } == ["huiselijk geweld", "geweld (", "femicide"])
        expectShape(lines[0], Self.batchLine, "batch line")
        expectShape(lines[1], Self.batchLine.merging(["error": [.string]]) { $1 }, "failed batch line")
        expectShape(lines[2], Self.batchLine, "batch line")
        #expect((lines[1]["error"] as? String)?.hasPrefix("This ( is never closed") == true)
        for hit in try objects(lines[0], "results") { expectShape(hit, Self.batchHit, "batch hit") }
    }

    @Test func show() throws {
        let run = try Kamerzoek.run(["show", Self.letter, "--index", try Workspace.shared().index, "--json"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let document = try run.object()
        expectShape(document, Self.storedDocument, "show")
        #expect(document["id"] as? String == Self.letter && document["number"] as? String == "252" && document["dossier"] as? String == "28345")
        let passages = try objects(document, "passages")
        for passage in passages { expectShape(passage, Self.storedPassage, "stored passage") }
        #expect(passages.map { $0["passage"] as? Int } == Array(0 ..< passages.count))
    }

    @Test func extract() throws {
        let file = Kamerzoek.repository.appendingPathComponent("Tests/IngestTests/Fixtures/koop/kst-34851-4.xml").path
        let run = try Kamerzoek.run(["extract", file, "--json"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let document = try run.object()
        expectShape(document, Self.extractedDocument, "extract")
        #expect(document["id"] as? String == "kst-34851-4" && document["number"] as? String == "4")
        let passages = try objects(document, "passages")
        for passage in passages { expectShape(passage, Self.extractedPassage, "extracted passage") }
        #expect(passages.map { $0["passage"] as? Int } == Array(0 ..< passages.count))
        let notes = try objects(document, "notes")
        #expect(notes.count == 2)
        for note in notes { expectShape(note, Self.note, "note") }

        // A file of several documents (a ParlSpeech export) gives an array of them.
        let export = Kamerzoek.repository.appendingPathComponent("Tests/IngestTests/Fixtures/corpus/parlspeech-nl-csv/parlspeech-head.csv").path
        let several = try Kamerzoek.run(["extract", export, "--json"])
        #expect(several.status == 0, "\(several)")
        let documents = try several.array()
        #expect(documents.count == 5)
        for document in documents { expectShape(try #require(document as? [String: Any]), Self.extractedDocument, "extract of an export") }
    }

    /// What an extracted document and the same document from the index both show has the
    /// same name and value in both, but for `source` (the path as given to `extract`, the
    /// path in the indexed folder for `show`); the stored document's passages are the
    /// extracted ones (without offsets), then one per note.
    @Test(arguments: ["antwoorden-kamervragen-grevio-2025Z19210", "kamerstuk-28345-252-voortgang-huiselijk-geweld", "verzamelbrief-zeden-en-onveiligheid-vrouwen-2024"])
    func extractAndShowAgree(id: String) throws {
        let workspace = try Workspace.shared()
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: workspace.corpus).first { $0.hasPrefix(id + ".") })
        let extracted = try Kamerzoek.run(["extract", workspace.corpus + "/" + file, "--root", workspace.corpus, "--json"]).object()
        let stored = try Kamerzoek.run(["show", id, "--index", workspace.index, "--json"]).object()
        #expect(Set(extracted.keys).subtracting(stored.keys) == ["notes"] && Set(stored.keys).isSubset(of: extracted.keys))
        for key in stored.keys where !["source", "passages"].contains(key) {
            #expect(try canonicalJSON(extracted[key] as Any) == canonicalJSON(stored[key] as Any), "\(key)")
        }
        #expect(stored["source"] as? String == file)
        let body = try objects(extracted, "passages").map { $0.filter { ["passage", "heading", "text"].contains($0.key) } }
        let storedPassages = try objects(stored, "passages")
        #expect(storedPassages.count == body.count + (try objects(extracted, "notes")).count)
        #expect(try canonicalJSON(Array(storedPassages.prefix(body.count))) == canonicalJSON(body))
    }

    @Test func statsAndOptimize() throws {
        let workspace = try Workspace.shared()
        let stats = try Kamerzoek.run(["stats", "--index", workspace.index, "--json"])
        #expect(stats.status == 0 && stats.errors.isEmpty, "\(stats)")
        let figures = try stats.object()
        expectShape(figures, Self.statistics, "stats")
        #expect(figures["documents"] as? Int == 5 && figures["generation"] as? Int == 1)
        #expect((figures["fingerprint"] as? String)?.range(of: "^[0-9a-f]{1,16}$", options: .regularExpression) != nil)

        // optimize --json prints the statistics of the optimized index, as stats does.
        let scratch = try Kamerzoek.scratchFolder("optimize")
        defer { Kamerzoek.removeScratchFolder(scratch) }
        let copy = try workspace.copyOfIndex(into: scratch)
        let optimized = try Kamerzoek.run(["optimize", "--index", copy, "--json"])
        #expect(optimized.status == 0 && optimized.errors.isEmpty, "\(optimized)")
        let after = try optimized.object()
        expectShape(after, Self.statistics, "optimize")
        #expect(try canonicalJSON(after) == canonicalJSON(try Kamerzoek.run(["stats", "--index", copy, "--json"]).object()))
        #expect(after["fingerprint"] as? String == figures["fingerprint"] as? String && after["segments"] as? Int == 1)
    }

    @Test func check() throws {
        let run = try Kamerzoek.run(["check", "--index", try Workspace.shared().index, "--json"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let result = try run.object()
        expectShape(result, Self.checkResult, "check")
        #expect(result["ok"] as? Bool == true && (result["problems"] as? [Any])?.isEmpty == true && result["segments_checked"] as? Int ?? 0 >= 1)
    }

    @Test func index() throws {
        let corpus = try Workspace.shared().corpus
        let scratch = try Kamerzoek.scratchFolder("index")
        defer { Kamerzoek.removeScratchFolder(scratch) }
        let folder = scratch + "/Index"
        let run = try Kamerzoek.run(["index", corpus, "--index", folder, "--json"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let summary = try run.object()
        expectShape(summary, Self.indexSummary, "index")
        #expect(summary["added"] as? Int == 5 && summary["failed"] as? Int == 0 && summary["generation"] as? Int == 1)
        // Nothing changed: nothing is redone.
        let again = try Kamerzoek.run(["index", corpus, "--index", folder, "--json"]).object()
        expectShape(again, Self.indexSummary, "index again")
        #expect(again["unchanged"] as? Int == 5 && again["added"] as? Int == 0)
    }

    @Test func analyze() throws {
        let run = try Kamerzoek.run(["analyze", "huiselijke geweldplegers", "--json"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        let tokens = try #require(try run.array() as? [[String: Any]])
        #expect(tokens.map { $0["exact"] as? String } == ["huiselijke", "geweldplegers"])
        for token in tokens { expectShape(token, Self.token, "token") }
        // `-` reads standard input: the same tokens.
        let piped = try Kamerzoek.run(["analyze", "-", "--json"], input: "huiselijke geweldplegers")
        #expect(piped.output == run.output, "\(piped)")
    }
}
