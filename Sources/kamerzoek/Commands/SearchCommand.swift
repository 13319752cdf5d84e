import ArgumentParser
import Foundation
import IndexStore
import Search

/// `kamerzoek search QUERY`: ranked passages, grouped per document.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index: best passages first, grouped per document.",
        discussion: """
            QUERY language (docs/QUERY.md):
              huiselijk geweld            both words in a document, any inflection
              a OR b, -a, NOT a, ( … )    either, without, grouping
              "huiselijk geweld"          the exact phrase (not stemmed; stop words count)
              "huiselijk geweld"~3        in this order, at most 3 words apart in all
              kindermis*                  words starting with kindermis
              titel:femicide              in the document title
              soort:brief  type:motie     document type
              dossier:36658  dossier:36 658
              datum:2024-01-01..2024-12-31  datum:2024-03  jaar:2024  jaar:2020..2022
            Hyphens: wiskunde-onderwijs finds wiskundeonderwijs and "wiskunde onderwijs" too.
            """
    )

    @Argument(help: "The query (see above). Not needed with --batch.")
    var query: String?

    @OptionGroup var index: IndexLocation

    @Option(name: .long, help: "Documents per page (default 10; 1000 with --csv).")
    var limit: Int?

    @Option(name: .long, help: "Documents to skip (for the next page).")
    var offset = 0

    @Option(name: .long, help: "relevance; date or newest (newest first); date_asc or oldest (oldest first). Undated documents come last in both date orders.")
    var sort = "relevance"

    @Option(name: .long, help: "Passages shown per document.")
    var perDoc = 1

    @OptionGroup var timeBudget: TimeBudget

    @Option(name: .long, help: ArgumentHelp("Run one query per line of FILE in one process; prints one JSON line per query.", valueName: "FILE"))
    var batch: String?

    @Flag(name: .long, help: "Count every matching passage (by default counting may stop past 10,000; the total is then a lower bound).")
    var exactTotal = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Fold results whose passage is (nearly) the same text as a better one's into it (--no-fold lists every document).")
    var fold = true

    @Flag(name: .long, help: "Only documents with every word (by default, when those are fewer than the page, it goes on with documents that have some of the words).")
    var everyWord = false

    @Option(name: .long, help: ArgumentHelp("Only documents dated on or after DATE (yyyy-mm-dd; yyyy-mm or yyyy: from the first day), as the query's datum:DATE.. would; undated documents are left out.", valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Count the matching documents per value of these fields: type, year, dossier (comma-separated), shown after the summary and in --json as facets.", valueName: "FIELDS"))
    var facets: String?

    @Flag(name: .long, help: "Print JSON, as GET /api/search answers: query, total, total_is_exact, documents, took_ms, partial, results (and facets, facets_exact, suggestion).")
    var json = false

    @Flag(name: .long, help: "Print CSV (RFC 4180, the columns of GET /api/search.csv): doc_id,title,date,type,dossier,url,passage,score,snippet, a row per passage shown.")
    var csv = false

    @OptionGroup var threads: SearchThreads

    func validate() throws {
        if let limit { guard (1 ... 1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") } }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative.") }
        guard (1 ... 100).contains(perDoc) else { throw ValidationError("--per-doc must be between 1 and 100.") }
        guard SortOrder(name: sort) != nil else {
            throw ValidationError("--sort must be relevance, date (or newest) or date_asc (or oldest).")
        }
        guard (query == nil) != (batch == nil) else { throw ValidationError("Give either a QUERY or --batch FILE.") }
        guard !(json && csv) else { throw ValidationError("Give --json or --csv, not both.") }
        guard !(csv && batch != nil) else { throw ValidationError("--csv prints one query's results; --batch prints JSON lines.") }
        if let facets, FacetField.list(facets) == nil {
            throw ValidationError("--facets must be a comma-separated list of type, year and dossier; '\(facets)' is not.")
        }
        if let since, DocumentFilter.since(since) == nil {
            throw ValidationError("--since must be a date that exists, written yyyy-mm-dd (such as 2024-03-15), yyyy-mm or yyyy; '\(since)' is not.")
        }
    }

    func run() throws {
        var options = SearchOptions()
        // An export wants every result, as GET /api/search.csv gives by default.
        options.limit = limit ?? (csv ? 1000 : 10)
        options.offset = offset
        options.sort = SortOrder(name: sort)!
        options.perDocument = perDoc
        options.exactTotal = exactTotal
        options.foldSimilar = fold
        options.fillWithSomeWords = !everyWord
        options.timeBudget = timeBudget.duration
        options.facets = facets.flatMap(FacetField.list) ?? []
        // The engine's date filter, applied before ranking and the limit (datum:DATE..).
        if let since { options.filters.append(DocumentFilter.since(since)!) }
        let searcher: Searcher
        do {
            searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: index.directory))
        } catch {
            throw CommandFailure("\(error)")
        }
        if let count = threads.count { searcher.threads = count }
        if let batch {
            try runBatch(batch, searcher: searcher, options: options)
            return
        }
        let result: SearchResult
        do {
            result = try searcher.search(query!, options: options)
        } catch {
            throw CommandFailure("\(error)")
        }
        if csv {
            print(SearchResultCSV.text(result), terminator: "")
        } else if json {
            try JSONOutput.print(result)
        } else {
            print(SearchResultText.render(result, color: TerminalStyle.useColor))
        }
    }

    /// One query per line; blank lines are skipped. `latency_us` covers parsing, matching
    /// and ranking, not snippets (they are switched off here).
    private func runBatch(_ path: String, searcher: Searcher, options: SearchOptions) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("Cannot read the query file \(path).")
        }
        var options = options
        options.snippets = false
        let clock = ContinuousClock()
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let query = String(line)
            guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let started = clock.now
            do {
                let result = try searcher.search(query, options: options)
                let elapsed = clock.now - started
                let microseconds = Int64(elapsed / .microseconds(1))
                try JSONOutput.print(BatchLine(
                    query: query, latency_us: microseconds, total: result.total, partial: result.partial,
                    results: result.results.map { BatchLine.Hit(doc_id: $0.doc_id, passage: $0.passage, score: $0.score) }, error: nil))
            } catch {
                try JSONOutput.print(BatchLine(query: query, latency_us: 0, total: 0, partial: false, results: [], error: "\(error)"))
            }
        }
    }
}

/// One line of `search --batch` output.
struct BatchLine: Encodable {
    struct Hit: Encodable {
        var doc_id: String
        var passage: Int
        var score: Double
    }

    var query: String
    var latency_us: Int64
    var total: Int
    var partial: Bool
    var results: [Hit]
    var error: String?
}
