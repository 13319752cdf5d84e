import Foundation
import Ingest

// Opt-in throughput benchmark for Ingest: `swift run -c release ExtractBenchmark [ROOT]`.
// Reads every file under ROOT (default ../shared/corpus, else Corpus/) once to warm the
// page cache, then extracts each file on one thread and reports MB/s over the raw bytes,
// with counts of documents, warned documents, skipped files and thrown errors.

let arguments = CommandLine.arguments.dropFirst()
let defaultRoot = FileManager.default.fileExists(atPath: "../shared/corpus") ? "../shared/corpus" : "Corpus"
let root = arguments.first ?? defaultRoot

var paths: [String] = []
guard let walker = FileManager.default.enumerator(atPath: root) else {
    FileHandle.standardError.write(Data("cannot walk '\(root)'\n".utf8))
    exit(1)
}
for case let relative as String in walker {
    var isDirectory: ObjCBool = false
    let path = root + "/" + relative
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        paths.append(path)
    }
}
paths.sort()

var totalBytes = 0
for path in paths { totalBytes += (try? Data(contentsOf: URL(fileURLWithPath: path)).count) ?? 0 }

let extractor = Extractor()
var documents = 0, warned = 0, skipped = 0, failed = 0, passages = 0
var skipReasons: [String: Int] = [:]
var warningSamples: [String] = []
/// CPU time of this process: on a shared machine wall time also counts other people's
/// builds, CPU time only ours.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

let clock = ContinuousClock()
let cpuBefore = processCPUSeconds()
let elapsed = clock.measure {
    for path in paths {
        do {
            switch try extractor.extract(fileAt: path, relativeTo: root) {
            case .document(let document):
                documents += 1
                passages += document.passages.count
                if !document.warnings.isEmpty {
                    warned += 1
                    if warningSamples.count < 40 { warningSamples.append(document.warnings[0]) }
                }
            case .skipped(let reason):
                skipped += 1
                skipReasons[reason, default: 0] += 1
            }
        } catch {
            failed += 1
            print("error: \(error)")
        }
    }
}
let cpuSeconds = processCPUSeconds() - cpuBefore
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let megabytes = Double(totalBytes) / 1_000_000
print("root          \(root)")
print("files         \(paths.count)")
print("bytes         \(totalBytes)")
print("documents     \(documents) (\(warned) with warnings, \(passages) passages)")
print("skipped       \(skipped)")
print("errors        \(failed)")
print(String(format: "time          %.2f s wall, %.2f s CPU", seconds, cpuSeconds))
print(String(format: "throughput    %.1f MB/s wall clock, %.1f MB/s per CPU second (one thread)", megabytes / seconds, megabytes / cpuSeconds))
for (reason, count) in skipReasons.sorted(by: { $0.value > $1.value }) { print("skip \(count)x: \(reason)") }
if arguments.contains("--warnings") || arguments.dropFirst().first == "--warnings" {
    for sample in warningSamples { print("warning: \(sample)") }
}
