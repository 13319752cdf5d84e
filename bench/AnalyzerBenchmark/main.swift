// Analyzer throughput: how many MB of Dutch text one analyzer (one core) turns into terms
// per second. The analyzer is the indexer's inner loop, so this bounds indexing speed.
//
//   swift run -c release --package-path bench AnalyzerBenchmark [FOLDER…]
//
// Default folder: ../shared/corpus when it exists, else Corpus/. Text files (.txt, .md,
// .csv) are read into memory first; only analysis is timed. Each pass analyses every file
// once; the best of the passes is reported (the machines here are shared and noisy).
import Analysis
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let folders = arguments.isEmpty
    ? [FileManager.default.fileExists(atPath: "../shared/corpus") ? "../shared/corpus" : "Corpus"]
    : arguments
let passes = Int(ProcessInfo.processInfo.environment["PASSES"] ?? "3") ?? 3

var texts: [[UInt8]] = []
for folder in folders {
    guard let walker = FileManager.default.enumerator(atPath: folder) else {
        FileHandle.standardError.write(Data("No such folder: \(folder)\n".utf8))
        exit(1)
    }
    for case let path as String in walker where ["txt", "md", "csv"].contains((path as NSString).pathExtension) {
        if let data = FileManager.default.contents(atPath: "\(folder)/\(path)") { texts.append([UInt8](data)) }
    }
}
let totalBytes = texts.reduce(0) { $0 + $1.count }
guard totalBytes > 0 else {
    FileHandle.standardError.write(Data("No .txt, .md or .csv files under \(folders)\n".utf8))
    exit(1)
}

let analyzer = try Analyzer()
var tokens: [Token] = []
var best = Double.infinity
var tokenCount = 0
for pass in 1 ... passes {
    let clock = ContinuousClock()
    var count = 0
    let elapsed = try clock.measure {
        for text in texts {
            tokens.removeAll(keepingCapacity: true)
            try analyzer.analyze(utf8: text.span, into: &tokens)
            count += tokens.count
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(String(format: "pass %d: %.2f s, %.1f MB/s", pass, seconds, Double(totalBytes) / 1e6 / seconds))
    best = min(best, seconds)
    tokenCount = count
}
print(String(
    format: "analyzer: %d files, %.1f MB, %d tokens; best pass %.2f s = %.1f MB/s, %.2f M tokens/s (one core)",
    texts.count, Double(totalBytes) / 1e6, tokenCount, best, Double(totalBytes) / 1e6 / best, Double(tokenCount) / 1e6 / best))
print("identity: \(analyzer.identity)")
