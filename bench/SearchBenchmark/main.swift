// Search latency: runs a list of queries many times against an index in one process and
// reports per-query latency percentiles, with and without snippets.
//
//   swift run -c release SearchBenchmark [--index DIR] [--queries FILE] [--rounds N]
//
// Defaults: the index in Index/ (build it with `kamerzoek index Corpus`), the queries in
// bench/queries.txt, 200 rounds. A new Searcher per query would include the analyzer's set-up;
// this measures one searcher reused, as a server's pool would.
import Foundation
import IndexStore
import Search

var indexDirectory = "Index"
var queryFile = "bench/queries.txt"
var rounds = 200
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--index": indexDirectory = arguments.removeFirst()
    case "--queries": queryFile = arguments.removeFirst()
    case "--rounds": rounds = Int(arguments.removeFirst()) ?? rounds
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}
guard let data = FileManager.default.contents(atPath: queryFile) else {
    FileHandle.standardError.write(Data("cannot read \(queryFile)\n".utf8))
    exit(1)
}
let queries = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
let searcher = try Searcher(snapshot: try IndexSnapshot.open(directory: indexDirectory))
let clock = ContinuousClock()

@MainActor
func measure(snippets: Bool) throws -> [Double] {
    var options = SearchOptions()
    options.snippets = snippets
    var samples: [Double] = []
    for _ in 0 ..< rounds {
        for query in queries {
            let started = clock.now
            _ = try searcher.search(query, options: options)
            let elapsed = clock.now - started
            samples.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
        }
    }
    return samples.sorted()
}

for snippets in [false, true] {
    let samples = try measure(snippets: snippets)
    func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    let mean = samples.reduce(0, +) / Double(samples.count)
    print(String(
        format: "%@: %d searches, mean %.0f µs, p50 %.0f µs, p99 %.0f µs, %.0f searches/s on one core",
        snippets ? "with snippets   " : "without snippets", samples.count, mean, percentile(0.5), percentile(0.99), 1e6 / mean))
}
