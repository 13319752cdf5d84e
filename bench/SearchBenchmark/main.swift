// Search latency: runs a list of queries many times against an index in one process and
// reports latency percentiles.
//
//   swift run -c release --package-path bench SearchBenchmark [--index DIR] [--queries FILE] [--rounds N]
//   swift run -c release --package-path bench SearchBenchmark [--index DIR] --by-type FILE.tsv [--rounds N] [--json]
//
// Defaults: the index in Index/ (build it with `kamerzoek index Corpus`), the queries in
// bench/queries.txt, 200 rounds. A new Searcher per query would include the analyzer's set-up;
// this measures one searcher reused, as a server's pool would.
//
// `--by-type` reads `type<TAB>query` lines (bench/queries-by-type.tsv, the mix bench/peers
// runs on every engine) and reports p50/p95/p99 per type, without snippets, after one
// warm-up round; `--json` prints the same JSON shape as the peers' `search` command.
// `--exhaustive` scores every match (no MaxScore), to measure what the pruning saves;
// `--verify` first checks that both ways give the same totals and the same first pages.
// `--threads N` caps the threads a search may share its segments out to (default: the
// cores, up to 8; 1 = every search on one thread, as the peers run).
// `--no-fold` lists every document (``SearchOptions/foldSimilar`` off) and `--every-word`
// shows only documents with every word (``SearchOptions/fillWithSomeWords`` off), to
// measure what folding near-duplicates and continuing short ANDs cost. `--rescoring-window N` sets ``Searcher/rescoringWindow``; `--pages` prints, instead of
// timing, each query's first page (type, query, doc ids of the top 10), to compare windows.
// `--facets type,year,dossier` counts facets in every search (``SearchOptions/facets``);
// `--no-suggest` never looks for a "did you mean"; `--spelling` builds the spelling
// dictionary of "did you mean" once, prints its size and build time, and exits;
// `--suggestions FILE` times only the looking for a suggestion of each line (p50 of
// `--rounds`), and prints it.
// Heap allocations are counted per search (bench/AllocationCounter: the executable's own
// malloc family) and reported beside the latency: the median per query, and per type.
import AllocationCounter
import Foundation
import IndexStore
import Search

var indexDirectory = "Index"
var queryFile = "bench/queries.txt"
var typedQueryFile: String?
var json = false
var exhaustive = false
var verify = false
var rounds = 200
var threads: Int?
var rescoringWindow: Int?
var fold = true
var someWords = true
var printPages = false
var facets: [FacetField] = []
var suggest = true
var spelling = false
var suggestionFile: String?
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--index": indexDirectory = arguments.removeFirst()
    case "--queries": queryFile = arguments.removeFirst()
    case "--by-type": typedQueryFile = arguments.removeFirst()
    case "--json": json = true
    case "--exhaustive": exhaustive = true
    case "--verify": verify = true
    case "--rounds": rounds = Int(arguments.removeFirst()) ?? rounds
    case "--threads": threads = Int(arguments.removeFirst())
    case "--rescoring-window": rescoringWindow = Int(arguments.removeFirst())
    case "--pages": printPages = true
    case "--no-fold": fold = false
    case "--every-word": someWords = false
    case "--facets": facets = FacetField.list(arguments.removeFirst()) ?? []
    case "--no-suggest": suggest = false
    case "--spelling": spelling = true
    case "--suggestions": suggestionFile = arguments.removeFirst()
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

func readLines(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
}

let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: indexDirectory))
if let threads { searcher.threads = max(1, threads) }
if let rescoringWindow { searcher.rescoringWindow = max(1, rescoringWindow) }
let clock = ContinuousClock()
if spelling {
    let started = clock.now
    let size = try searcher.searchable.spellingDictionarySize()
    let elapsed = clock.now - started
    print("spelling dictionary: \(size.terms) terms, \(size.bytes) bytes, built in \(elapsed)")
    exit(0)
}
if let suggestionFile {
    for line in readLines(suggestionFile) {
        var samples: [Double] = []
        var suggestion: String?
        for _ in 0 ... rounds {
            let started = clock.now
            suggestion = try searcher.suggestion(for: line)
            samples.append(microseconds(clock.now - started))
        }
        samples.sort()
        print(String(format: "%8.1f µs  %@ -> %@", samples[samples.count / 2], line, suggestion ?? "-"))
    }
    exit(0)
}

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// Sorted samples → the value at fraction `p` (index ⌊n·p⌋, as the peers compute it).
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

if let typedQueryFile {
    let lines = readLines(typedQueryFile).map { line -> (type: String, query: String) in
        let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
        guard fields.count == 2 else {
            FileHandle.standardError.write(Data("expected type<TAB>query: \(line)\n".utf8))
            exit(1)
        }
        return (fields[0], fields[1])
    }
    var options = SearchOptions()
    options.snippets = false
    options.exhaustive = exhaustive
    options.foldSimilar = fold
    options.fillWithSomeWords = someWords
    options.facets = facets
    options.suggest = suggest
    if printPages {
        for line in lines {
            let result = try searcher.search(line.query, options: options)
            print(([line.type, line.query, String(result.total)] + result.results.map(\.doc_id)).joined(separator: "\t"))
        }
        exit(0)
    }
    if verify {
        var differences = 0
        for line in lines {
            for sort in [SortOrder.relevance, .date] {
                var pruned = options, full = options
                pruned.exhaustive = false
                full.exhaustive = true
                pruned.sort = sort
                full.sort = sort
                let a = try searcher.search(line.query, options: pruned), b = try searcher.search(line.query, options: full)
                let same = a.total == b.total && a.documents == b.documents
                    && a.results.map(\.doc_id) == b.results.map(\.doc_id) && a.results.map(\.passage) == b.results.map(\.passage)
                    && zip(a.results, b.results).allSatisfy { abs($0.score - $1.score) <= 1e-3 * max(1, abs($1.score)) }
                if !same {
                    differences += 1
                    print("DIFFERENT (\(sort)): \(line.query): total \(a.total) vs \(b.total), documents \(a.documents) vs \(b.documents)")
                    print("  pruned:     \(a.results.map { "\($0.doc_id)#\($0.passage) \($0.score)" })")
                    print("  exhaustive: \(b.results.map { "\($0.doc_id)#\($0.passage) \($0.score)" })")
                }
            }
        }
        print("verify: \(lines.count * 2 - differences) of \(lines.count * 2) searches agree")
        if differences > 0 { exit(1) }
    }
    var samples = Array(repeating: [Double](), count: lines.count)
    var totals = Array(repeating: 0, count: lines.count)
    var exact = Array(repeating: true, count: lines.count)
    var allocations = Array(repeating: [Double](), count: lines.count)
    for round in 0 ... rounds {
        for (index, line) in lines.enumerated() {
            let allocationsBefore = kz_allocation_count()
            let started = clock.now
            let result = try searcher.search(line.query, options: options)
            let elapsed = microseconds(clock.now - started)
            let allocated = Double(kz_allocation_count() - allocationsBefore)
            if round > 0 {  // round 0 warms up
                samples[index].append(elapsed)
                allocations[index].append(allocated)
            }
            totals[index] = result.total
            exact[index] = result.total_is_exact
        }
    }
    var types: [String] = []
    for line in lines where !types.contains(line.type) { types.append(line.type) }
    var byType: [String: [String: Double]] = [:]
    for type in types {
        let sorted = lines.indices.filter { lines[$0].type == type }.flatMap { samples[$0] }.sorted()
        let allocated = lines.indices.filter { lines[$0].type == type }.flatMap { allocations[$0] }.sorted()
        byType[type] = [
            "n": Double(sorted.count), "mean_us": sorted.reduce(0, +) / Double(sorted.count),
            "p50_us": percentile(sorted, 0.5), "p95_us": percentile(sorted, 0.95), "p99_us": percentile(sorted, 0.99),
            "allocations_p50": percentile(allocated, 0.5), "allocations_max": allocated.last ?? 0,
        ]
    }
    if json {
        let queries: [[String: Any]] = lines.indices.map { index in
            ["type": lines[index].type, "query": lines[index].query, "hits": totals[index], "hits_exact": exact[index],
             "p50_us": percentile(samples[index].sorted(), 0.5), "allocations": percentile(allocations[index].sorted(), 0.5)]
        }
        let object: [String: Any] = ["engine": "kamerzoek", "rounds": rounds, "by_type": byType, "queries": queries]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    } else {
        print("type             n      mean µs   p50 µs   p95 µs   p99 µs   allocations p50 / max")
        for type in types {
            let row = byType[type]!
            print(type.padding(toLength: 15, withPad: " ", startingAt: 0) + String(
                format: " %5.0f %10.0f %8.0f %8.0f %8.0f   %8.0f / %.0f", row["n"]!, row["mean_us"]!, row["p50_us"]!, row["p95_us"]!,
                row["p99_us"]!, row["allocations_p50"]!, row["allocations_max"]!))
        }
        for index in lines.indices {
            print(String(
                format: "  %8.0f µs  %8d hits  %6.0f allocations  %@", percentile(samples[index].sorted(), 0.5), totals[index],
                percentile(allocations[index].sorted(), 0.5), lines[index].query))
        }
    }
    exit(0)
}

let queries = readLines(queryFile)

@MainActor
func measure(snippets: Bool) throws -> [Double] {
    var options = SearchOptions()
    options.snippets = snippets
    options.foldSimilar = fold
    options.fillWithSomeWords = someWords
    options.facets = facets
    options.suggest = suggest
    var samples: [Double] = []
    for _ in 0 ..< rounds {
        for query in queries {
            let started = clock.now
            _ = try searcher.search(query, options: options)
            samples.append(microseconds(clock.now - started))
        }
    }
    return samples.sorted()
}

for snippets in [false, true] {
    let samples = try measure(snippets: snippets)
    let mean = samples.reduce(0, +) / Double(samples.count)
    print(String(
        format: "%@: %d searches, mean %.0f µs, p50 %.0f µs, p99 %.0f µs, %.0f searches/s on one core",
        snippets ? "with snippets   " : "without snippets", samples.count, mean, percentile(samples, 0.5), percentile(samples, 0.99), 1e6 / mean))
}
