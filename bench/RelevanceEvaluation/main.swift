// Relevance evaluation of the three stemming variants (docs/EVALUATION.md). Run in release:
//
//     swift run -c release --package-path bench RelevanceEvaluation            # runs, and scores when qrels exist
//     swift run -c release --package-path bench RelevanceEvaluation --pool 10  # also writes the pool to judge
//     swift run -c release --package-path bench RelevanceEvaluation --or       # supplementary: the words ORed
//     swift run -c release --package-path bench RelevanceEvaluation --full     # the whole shared corpus (FullEvaluation.swift)
//
// For each variant (no stemming, Porter, Porter with our rules) it indexes `Corpus/` and
// `bench/eval/corpus/kamervragen/` into a temporary folder, runs every topic of
// `bench/eval/topics.tsv` (documents as the unit: the top 100 documents, one passage each)
// and writes `bench/eval/runs/<variant>.run` in TREC format
// (`topic Q0 doc_id rank score variant`). With `--pool K` it writes `bench/eval/pool.tsv`:
// the union of every variant's top K documents per topic, sorted by topic and doc id, with
// no trace of which variant found what (the assessor judges blind). With
// `bench/eval/qrels.txt` present it checks that every judged document exists and reports
// nDCG@10 (gains 0/1/2, log2 discount, ideal from the qrels) and recall@100 per variant.
//
// `--rescoring-window N` runs with ``Searcher/rescoringWindow`` N (files suffixed `-wN`),
// to measure how many documents the rescoring must see.
//
// `--or` is a supplementary run: every topic's words (phrases kept whole, stop words left
// out) are joined with OR instead of kamerzoek's default AND, so that documents holding
// only some of the words, or holding them in different passages, are ranked too. Its files
// carry the suffix `-or` (`runs/<variant>-or.run`, `pool-or.tsv`, `results-or.tsv`).
import Analysis
import Foundation
import IndexStore
import Indexer
import Search

// MARK: Paths and arguments

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let evalFolder = repository + "/bench/eval"
let roots = [repository + "/Corpus", evalFolder + "/corpus/kamervragen"]

// `--full`: the larger evaluation over the whole shared corpus (FullEvaluation.swift).
if CommandLine.arguments.dropFirst().contains("--full") {
    FullEvaluation.main(arguments: Array(CommandLine.arguments.dropFirst()), repository: repository)
    exit(0)
}

var poolDepth: Int?
var orMode = false
var rescoringWindow: Int?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--pool":
        guard let value = arguments.popFirst(), let depth = Int(value), depth > 0 else {
            FileHandle.standardError.write(Data("--pool needs a positive number\n".utf8))
            exit(2)
        }
        poolDepth = depth
    case "--or":
        orMode = true
    case "--rescoring-window":
        guard let value = arguments.popFirst(), let window = Int(value), window > 0 else {
            FileHandle.standardError.write(Data("--rescoring-window needs a positive number\n".utf8))
            exit(2)
        }
        rescoringWindow = window
    case "-h", "--help":
        print("usage: RelevanceEvaluation [--pool K] [--or] [--rescoring-window N]\n       RelevanceEvaluation --full [--corpus PATH] [--index-cache DIR] [--pool K] [--rebuild]")
        exit(0)
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("RelevanceEvaluation: \(message)\n".utf8))
    exit(1)
}

let suffix = (orMode ? "-or" : "") + (rescoringWindow.map { "-w\($0)" } ?? "")

// MARK: Topics and qrels

struct Topic {
    let id: String
    let query: String
    let description: String
}

func readLines(_ path: String) throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
}

let topics: [Topic] = {
    do {
        return try readLines(evalFolder + "/topics.tsv").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { fail("topics.tsv: not three tab-separated fields: \(line)") }
            return Topic(id: fields[0], query: fields[1], description: fields[2])
        }
    } catch {
        fail("cannot read topics.tsv: \(error)")
    }
}()

/// topic → doc id → grade.
func readQrels(_ path: String) throws -> [String: [String: Int]] {
    var qrels: [String: [String: Int]] = [:]
    for line in try readLines(path) where !line.hasPrefix("#") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 4, let grade = Int(fields[3]), (0 ... 2).contains(grade) else {
            fail("qrels.txt: expected `topic 0 doc_id grade` with grade 0, 1 or 2: \(line)")
        }
        if qrels[fields[0], default: [:]][fields[2]] != nil { fail("qrels.txt: \(fields[0]) \(fields[2]) judged twice") }
        qrels[fields[0], default: [:]][fields[2]] = grade
    }
    return qrels
}

/// The topic's words joined with OR: quoted phrases stay whole, stop words are left out
/// (alone in an OR they would match almost every passage).
func orQuery(_ query: String) -> String {
    var parts: [String] = []
    var current = ""
    var inPhrase = false
    for character in query {
        if character == "\"" { inPhrase.toggle() }
        if character == " ", !inPhrase {
            parts.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    parts.append(current)
    let kept = parts.filter { !$0.isEmpty && !DutchStopWords.contains($0.lowercased()) }
    return kept.joined(separator: " OR ")
}

// MARK: Runs

struct Variant {
    let name: String
    let configuration: AnalyzerConfiguration
}

let variants = AnalyzerConfiguration.Stemming.allCases.map { Variant(name: $0.rawValue, configuration: AnalyzerConfiguration(stemming: $0)) }

/// variant → topic → ranked doc ids (at most 100).
var rankings: [String: [String: [String]]] = [:]
/// doc id → source path, from the first index; every index must hold the same ids.
var corpus: [String: String] = [:]

let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kamerzoek-eval-\(ProcessInfo.processInfo.processIdentifier)").path
defer { try? FileManager.default.removeItem(atPath: temporary) }
try? FileManager.default.createDirectory(atPath: evalFolder + "/runs", withIntermediateDirectories: true)

let clock = ContinuousClock()
for variant in variants {
    let directory = temporary + "/" + variant.name
    let started = clock.now
    do {
        let writer = try IndexWriter(directory: directory, rebuild: true, configuration: variant.configuration)
        let summary = try writer.index(roots)
        if summary.failed > 0 || !summary.warnings.isEmpty {
            print("\(variant.name): \(summary.failed) files failed; warnings: \(summary.warnings)")
        }
    } catch {
        fail("\(variant.name): indexing failed: \(error)")
    }
    let snapshot: IndexSnapshot
    let searcher: Searcher
    do {
        snapshot = try IndexSnapshot.open(directory: directory)
        searcher = try Searcher(snapshot: snapshot, configuration: variant.configuration)
        if let rescoringWindow { searcher.rescoringWindow = rescoringWindow }
    } catch {
        fail("\(variant.name): cannot open the index: \(error)")
    }
    var documents: [String: String] = [:]
    snapshot.forEachLiveDocument { _, _, entry in documents[entry.id] = entry.source }
    if corpus.isEmpty {
        corpus = documents
    } else if Set(corpus.keys) != Set(documents.keys) {
        fail("\(variant.name): the index holds other document ids than the first variant's")
    }

    var options = SearchOptions()
    options.limit = 100
    options.perDocument = 1
    options.snippets = false
    options.timeBudget = .seconds(30)
    var run = ""
    for topic in topics {
        do {
            let result = try searcher.search(orMode ? orQuery(topic.query) : topic.query, options: options)
            if result.partial { print("\(variant.name) \(topic.id): partial result (time budget)") }
            rankings[variant.name, default: [:]][topic.id] = result.results.map(\.doc_id)
            for (index, hit) in result.results.enumerated() {
                run += "\(topic.id) Q0 \(hit.doc_id) \(index + 1) \(String(format: "%.4f", hit.score)) \(variant.name)\(suffix)\n"
            }
        } catch {
            print("\(variant.name) \(topic.id): query \(topic.query) failed: \(error)")
            rankings[variant.name, default: [:]][topic.id] = []
        }
    }
    do {
        try run.write(toFile: evalFolder + "/runs/\(variant.name)\(suffix).run", atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write the run file: \(error)")
    }
    let elapsed = clock.now - started
    print("\(variant.name): \(documents.count) documents indexed and \(topics.count) topics run in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds])))")
}

// MARK: Pool

if let depth = poolDepth {
    var lines = "# topic\tdoc_id\tsource (union of the top \(depth) documents of every variant, sorted by doc id)\n"
    var size = 0
    for topic in topics {
        var pooled = Set<String>()
        for variant in variants { pooled.formUnion(rankings[variant.name]?[topic.id]?.prefix(depth) ?? []) }
        for id in pooled.sorted() {
            let source = corpus[id].map { $0.hasPrefix(repository + "/") ? String($0.dropFirst(repository.count + 1)) : $0 } ?? "?"
            lines += "\(topic.id)\t\(id)\t\(source)\n"
        }
        size += pooled.count
    }
    do {
        try lines.write(toFile: evalFolder + "/pool\(suffix).tsv", atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write pool.tsv: \(error)")
    }
    print("pool: \(size) (topic, document) pairs from the top \(depth) of \(variants.count) variants over \(topics.count) topics → bench/eval/pool\(suffix).tsv")
}

// MARK: Scores

let qrelsPath = evalFolder + "/qrels.txt"
guard FileManager.default.fileExists(atPath: qrelsPath) else {
    print("no bench/eval/qrels.txt yet: runs written, nothing to score")
    exit(0)
}
let qrels: [String: [String: Int]]
do {
    qrels = try readQrels(qrelsPath)
} catch {
    fail("cannot read qrels.txt: \(error)")
}

// Variant-independent sanity check: every judged document exists, every judged topic is a topic.
let topicIDs = Set(topics.map(\.id))
var problems: [String] = []
for (topic, judged) in qrels.sorted(by: { $0.key < $1.key }) {
    if !topicIDs.contains(topic) { problems.append("qrels name topic \(topic), which topics.tsv does not have") }
    for id in judged.keys.sorted() where corpus[id] == nil { problems.append("\(topic): judged document \(id) is not in the corpus") }
}
if !problems.isEmpty { fail("qrels do not match the corpus:\n  " + problems.joined(separator: "\n  ")) }

func ndcg(_ ranking: [String], _ judged: [String: Int], depth: Int = 10) -> Double? {
    let ideal = judged.values.sorted(by: >).prefix(depth)
    let idealGain = ideal.enumerated().reduce(0.0) { $0 + Double($1.element) / log2(Double($1.offset + 2)) }
    guard idealGain > 0 else { return nil }
    let gain = ranking.prefix(depth).enumerated().reduce(0.0) { $0 + Double(judged[$1.element] ?? 0) / log2(Double($1.offset + 2)) }
    return gain / idealGain
}

func recall(_ ranking: [String], _ judged: [String: Int], depth: Int = 100) -> Double? {
    let relevant = Set(judged.filter { $0.value > 0 }.keys)
    guard !relevant.isEmpty else { return nil }
    return Double(relevant.intersection(ranking.prefix(depth)).count) / Double(relevant.count)
}

func fixed(_ value: Double?, _ width: Int = 7) -> String {
    let text = value.map { String(format: "%.3f", $0) } ?? "–"
    return String(repeating: " ", count: max(0, width - text.count)) + text
}

func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

struct Scores {
    var ndcg: [String: Double] = [:]
    var recall: [String: Double] = [:]
    var unjudgedInTop10 = 0
}

var scores: [String: Scores] = [:]
for variant in variants {
    var variantScores = Scores()
    for topic in topics {
        let ranking = rankings[variant.name]?[topic.id] ?? []
        let judged = qrels[topic.id] ?? [:]
        variantScores.ndcg[topic.id] = ndcg(ranking, judged)
        variantScores.recall[topic.id] = recall(ranking, judged)
        variantScores.unjudgedInTop10 += ranking.prefix(10).filter { judged[$0] == nil }.count
    }
    scores[variant.name] = variantScores
}

let scored = topics.filter { topic in (qrels[topic.id] ?? [:]).values.contains { $0 > 0 } }
let names = variants.map(\.name)
var perTopic = "topic\tquery\trelevant\t" + names.map { "ndcg10_\($0)" }.joined(separator: "\t") + "\t" + names.map { "recall100_\($0)" }.joined(separator: "\t") + "\n"
print()
print("per topic: nDCG@10 | recall@100 (" + names.joined(separator: ", ") + ")")
for topic in topics {
    let judged = qrels[topic.id] ?? [:]
    let relevant = judged.values.filter { $0 > 0 }.count
    let n = names.map { scores[$0]?.ndcg[topic.id] }
    let r = names.map { scores[$0]?.recall[topic.id] }
    print("\(padded(topic.id, 4)) \(padded(orMode ? orQuery(topic.query) : topic.query, 36)) rel \(String(format: "%2d", relevant)) " + n.map { fixed($0) }.joined() + "  |" + r.map { fixed($0) }.joined())
    perTopic += "\(topic.id)\t\(topic.query)\t\(relevant)\t" + n.map { $0.map { String(format: "%.4f", $0) } ?? "" }.joined(separator: "\t") + "\t" + r.map { $0.map { String(format: "%.4f", $0) } ?? "" }.joined(separator: "\t") + "\n"
}
try? perTopic.write(toFile: evalFolder + "/results\(suffix).tsv", atomically: true, encoding: .utf8)

/// Topics on which a variant's nDCG@10 is strictly the highest, and ties.
var wins: [String: Int] = [:]
var ties = 0
for topic in scored {
    let values = names.map { scores[$0]?.ndcg[topic.id] ?? 0 }
    let best = values.max() ?? 0
    let leaders = names.indices.filter { abs(values[$0] - best) < 1e-9 }
    if leaders.count == 1 { wins[names[leaders[0]], default: 0] += 1 } else { ties += 1 }
}

print()
print("\(scored.count) of \(topics.count) topics have a relevant document; means are over those")
print("variant         nDCG@10  recall@100  wins(nDCG@10)  unjudged in top 10")
for name in names {
    let variantScores = scores[name] ?? Scores()
    let meanNDCG = scored.map { variantScores.ndcg[$0.id] ?? 0 }.reduce(0, +) / Double(max(1, scored.count))
    let meanRecall = scored.map { variantScores.recall[$0.id] ?? 0 }.reduce(0, +) / Double(max(1, scored.count))
    print("\(padded(name, 14)) \(fixed(meanNDCG, 8)) \(fixed(meanRecall, 11)) \(String(format: "%14d", wins[name] ?? 0)) \(String(format: "%19d", variantScores.unjudgedInTop10))")
}
print("ties (no single best nDCG@10): \(ties)")
