import Foundation
import Ingest

// Opt-in throughput benchmark for Ingest: `swift run -c release --package-path bench ExtractBenchmark [ROOT]`.
// Reads every file under ROOT (default ../shared/corpus, else Corpus/) once to warm the
// page cache, then extracts each file on one thread and reports MB/s over the raw bytes,
// with counts of documents, warned documents, skipped files and thrown errors.
// `--coverage` adds, per top-level folder, how many documents have a date, a title that
// is not just their first paragraph, a type other than `overig` and an official URL (the
// figures docs/INGEST.md reports); `--list FILE` writes one TSV row per document (path,
// type, date, title) to read the results by eye.

let arguments = Array(CommandLine.arguments.dropFirst())
let defaultRoot = FileManager.default.fileExists(atPath: "../shared/corpus") ? "../shared/corpus" : "Corpus"
let listPath = arguments.firstIndex(of: "--list").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
let root = arguments.first { !$0.hasPrefix("--") && $0 != listPath } ?? defaultRoot

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
var coverage: [String: Coverage] = [:]
var listing = ""

/// Metadata coverage of one folder's documents.
struct Coverage {
    var documents = 0, dated = 0, titled = 0, typed = 0, linked = 0

    mutating func add(_ document: Document) {
        documents += 1
        if document.date != nil { dated += 1 }
        if document.type != .overig { typed += 1 }
        if document.url != nil { linked += 1 }
        if let title = document.title, !Self.isFirstParagraph(title, of: document) { titled += 1 }
    }

    /// The fallback title is the first paragraph, shortened with an ellipsis.
    static func isFirstParagraph(_ title: String, of document: Document) -> Bool {
        guard let first = document.passages.first?.text else { return false }
        let stem = title.hasSuffix(" …") ? String(title.dropLast(2)) : title
        return first.hasPrefix(stem)
    }
}
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
            let outcome = try extractor.extract(fileAt: path, relativeTo: root)
            let extracted: [Document]
            switch outcome {
            case .document(let document): extracted = [document]
            case .documents(let several): extracted = several
            case .skipped(let reason):
                skipped += 1
                skipReasons[reason, default: 0] += 1
                extracted = []
            }
            for document in extracted {
                documents += 1
                passages += document.passages.count
                let relative = path.dropFirst(root.count + 1)
                let folder = relative.contains("/") ? String(relative.prefix { $0 != "/" }) : "."
                coverage[folder, default: Coverage()].add(document)
                if listPath != nil {
                    let title = (document.title ?? "").replacingOccurrences(of: "\t", with: " ")
                    listing += "\(relative)\t\(document.type.rawValue)\t\(document.date ?? "-")\t\(title)\n"
                }
                if !document.warnings.isEmpty {
                    warned += 1
                    if warningSamples.count < 40 { warningSamples.append(document.warnings[0]) }
                }
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
if arguments.contains("--coverage") {
    print("\nfolder                documents   dated   titled   typed   url")
    var total = Coverage()
    for (folder, counts) in coverage.sorted(by: { $0.key < $1.key }) {
        print(folder.padding(toLength: 20, withPad: " ", startingAt: 0), String(format: "%10d %7d %8d %7d %5d", counts.documents, counts.dated, counts.titled, counts.typed, counts.linked))
        total.documents += counts.documents
        total.dated += counts.dated
        total.titled += counts.titled
        total.typed += counts.typed
        total.linked += counts.linked
    }
    print("all".padding(toLength: 20, withPad: " ", startingAt: 0), String(format: "%10d %7d %8d %7d %5d", total.documents, total.dated, total.titled, total.typed, total.linked))
}
if let listPath {
    FileManager.default.createFile(atPath: listPath, contents: Data(listing.utf8))
}
if arguments.contains("--warnings") {
    for sample in warningSamples { print("warning: \(sample)") }
}
