// The larger evaluation of issue 20: every topic of `bench/eval/topics-full.tsv` over the
// whole shared corpus, one index, several ranking variants (docs/EVALUATION.md, "The full
// evaluation"). Run in release from the package root:
//
//     swift run -c release --package-path bench RelevanceEvaluation --full             # runs; scores when qrels-full.txt exists
//     swift run -c release --package-path bench RelevanceEvaluation --full --pool 10   # also writes pool-full.tsv to judge
//
// Options: `--corpus PATH` (default `../shared/corpus` beside the package), `--index-cache
// DIR` (default /tmp/kamerzoek-eval-full), `--rebuild` (index again even when the cache
// is current).
//
// The index is built once with the default analyzer into DIR/index and reused while
// DIR/fingerprint.txt still matches: the analyzer's identity, a hash of every source file
// of the modules that shape an index (Analysis, Ingest, IndexStore, Indexer), and every
// corpus file's path, size and modification time. It is built with one worker, so that
// its document order, and with it the order of tied scores, is the same on every rebuild.
//
// Each variant runs every topic as typed (kamerzoek's default AND), documents as the unit:
// the top 100 documents, one passage each (the document's best), no snippets. Outputs:
//
// - `bench/eval/runs-full/<variant>.run`: TREC (`topic Q0 doc_id rank score variant`);
// - with `--pool K`, `bench/eval/pool-full.tsv`: per topic the union of every variant's
//   top K documents, one row per (topic, document), sorted by topic and doc id (no trace
//   of which variant found it), with the text of the document's best passage; rows that
//   `qrels-full.txt` already grades say so in the `judged` column (bench/eval/JUDGING.md);
// - `bench/eval/results-full.tsv` and `results-full-topics.tsv`: per variant (and per topic)
//   nDCG@10, recall@100 and the share of judged documents in the top 10, from
//   `qrels-full.txt` when it exists, and always the diversity of the top 10 (distinct
//   best-passage texts).
import Analysis
import Foundation
import IndexStore
import Indexer
import Search

/// One ranking variant of the full evaluation: a name (the run file's and the tables'
/// column) and what it changes on a fresh ``Searcher`` of the shared index and on the
/// ``SearchOptions`` every topic runs with. The closure runs once per variant, before
/// its first topic; each variant gets a searcher of its own.
struct RankingVariant: Sendable {
    let name: String
    /// What the topic's query becomes for this variant (the `or` variant joins its words
    /// with OR, so that the pool also holds documents that lack a word).
    var rewrite: @Sendable (String) -> String = { $0 }
    let configure: @Sendable (Searcher, inout SearchOptions) -> Void
}

enum FullEvaluation {
    /// The variants, in the order of the tables. A new variant is one line here.
    static let variants: [RankingVariant] = [
        // The searcher as kamerzoek ships it: BM25, the rescoring (heading, proximity,
        // title) of the head in windows of 60, near-duplicates folded, and an AND that
        // finds fewer documents than the page continued with documents that have some of
        // the words (docs/SEARCH.md).
        RankingVariant(name: "default") { _, _ in },
        // The default when issue 20 started: nothing folded, nothing filled, title 0.3, no
        // coverage.
        RankingVariant(name: "before") { searcher, options in
            searcher.rescoringWeights.title = 0.3
            searcher.rescoringWeights.coverage = 0
            options.foldSimilar = false
            options.fillWithSomeWords = false
        },
        // One change of the default at a time.
        RankingVariant(name: "nofold") { _, options in options.foldSimilar = false },
        RankingVariant(name: "nofill") { _, options in options.fillWithSomeWords = false },
        RankingVariant(name: "nocoverage") { searcher, _ in searcher.rescoringWeights.coverage = 0 },
        // BM25 alone: windows of one document keep the BM25 order; nothing folded or filled.
        RankingVariant(name: "bm25") { searcher, options in
            searcher.rescoringWindow = 1
            options.foldSimilar = false
            options.fillWithSomeWords = false
        },
        // Document evidence and the rescoring's parts (issue 20, items 2 and 4):
        RankingVariant(name: "title0") { searcher, _ in searcher.rescoringWeights.title = 0 },
        RankingVariant(name: "title0.6") { searcher, _ in searcher.rescoringWeights.title = 0.6 },
        RankingVariant(name: "title0.3") { searcher, _ in searcher.rescoringWeights.title = 0.3 },
        RankingVariant(name: "title1.2") { searcher, _ in searcher.rescoringWeights.title = 1.2 },
        RankingVariant(name: "noproximity") { searcher, _ in searcher.rescoringWeights.proximity = 0 },
        RankingVariant(name: "recency") { searcher, _ in searcher.rescoringWeights.recency = 0.2 },
        // The share of a document's passages that hold a query word, or their number.
        RankingVariant(name: "coverage0.5") { searcher, _ in searcher.rescoringWeights.coverage = 0.5 },
        RankingVariant(name: "coverage1") { searcher, _ in searcher.rescoringWeights.coverage = 1 },
        RankingVariant(name: "smooth3") { searcher, _ in searcher.rescoringWeights.coverageSmoothing = 3 },
        RankingVariant(name: "coverage3+smooth3") { searcher, _ in
            searcher.rescoringWeights.coverage = 3
            searcher.rescoringWeights.coverageSmoothing = 3
        },
        RankingVariant(name: "count0.1") { searcher, _ in searcher.rescoringWeights.matchCount = 0.1 },
        RankingVariant(name: "count0.2") { searcher, _ in searcher.rescoringWeights.matchCount = 0.2 },
        // A closed compound also found with its parts written apart (issue 20, item 4).
        RankingVariant(name: "split") { searcher, _ in searcher.splitsCompounds = true },
        // For the pool: the topic's words ORed, folded, so that documents missing a word
        // (and different content past the folded copies) are judged too.
        RankingVariant(name: "or", rewrite: orQuery) { _, _ in },
    ]

    /// Documents per topic in a run.
    static let runDepth = 100
    /// The pool's passages are cut here (characters).
    static let passageLimit = 1_500

    struct Topic {
        let id: String
        let query: String
        let relevantWhen: String
    }

    /// One ranked document: its id and what the pool and the diversity figure read of it.
    struct RankedDocument {
        let id: String
        let passage: Int
        let score: Double
        let title: String?
        let date: String?
        let type: String
        let source: String
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("RelevanceEvaluation --full: \(message)\n".utf8))
        exit(1)
    }

    static func note(_ message: String) {
        print(message)
        fflush(nil)
    }

    // MARK: Entry

    static func main(arguments: [String], repository: String) {
        let evalFolder = repository + "/bench/eval"
        var corpus = URL(fileURLWithPath: repository + "/../shared/corpus").standardizedFileURL.path
        var cache = "/tmp/kamerzoek-eval-full"
        var poolDepth: Int?
        var rebuild = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--full":
                break
            case "--corpus":
                guard let value = rest.popFirst() else { fail("--corpus needs a path") }
                corpus = URL(fileURLWithPath: value).standardizedFileURL.path
            case "--index-cache":
                guard let value = rest.popFirst() else { fail("--index-cache needs a folder") }
                cache = URL(fileURLWithPath: value).standardizedFileURL.path
            case "--pool":
                guard let value = rest.popFirst(), let depth = Int(value), depth > 0 else { fail("--pool needs a positive number") }
                poolDepth = depth
            case "--rebuild":
                rebuild = true
            case "-h", "--help":
                print("usage: RelevanceEvaluation --full [--corpus PATH] [--index-cache DIR] [--pool K] [--rebuild]")
                exit(0)
            default:
                fail("unknown argument \(argument) (with --full: --corpus, --index-cache, --pool, --rebuild)")
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder), isFolder.boolValue else {
            fail("no corpus folder at \(corpus) (give one with --corpus)")
        }
        precondition(Set(variants.map(\.name)).count == variants.count, "two variants share a name")

        let topics = readTopics(evalFolder + "/topics-full.tsv")
        let clock = ContinuousClock()

        // The index, built or reused.
        let indexFolder = cache + "/index"
        let fingerprintPath = cache + "/fingerprint.txt"
        let fingerprint = makeFingerprint(corpus: corpus, repository: repository)
        let cached = (try? String(contentsOfFile: fingerprintPath, encoding: .utf8)) == fingerprint
        if cached, !rebuild {
            note("index: reusing \(indexFolder) (corpus, analyzer and index code unchanged)")
        } else {
            if !rebuild, let old = try? String(contentsOfFile: fingerprintPath, encoding: .utf8) {
                note("index: the cache in \(cache) is out of date (\(fingerprintDifference(old, fingerprint))); building again")
            }
            try? FileManager.default.removeItem(atPath: fingerprintPath)
            try? FileManager.default.removeItem(atPath: indexFolder)
            let started = clock.now
            do {
                var options = IndexOptions()
                options.workerCount = 1
                let writer = try IndexWriter(directory: indexFolder, rebuild: true, configuration: .standard)
                let summary = try writer.index([corpus], options: options)
                note("index: \(summary.added) documents from \(corpus) (\(String(format: "%.1f", Double(summary.bytes) / 1e6)) MB extracted, "
                    + "\(summary.skipped) skipped, \(summary.failed) failed, \(summary.warnings.count) warnings) in \(seconds(clock.now - started))")
            } catch {
                fail("indexing \(corpus) failed: \(error)")
            }
            do {
                try fingerprint.write(toFile: fingerprintPath, atomically: true, encoding: .utf8)
            } catch {
                fail("cannot write \(fingerprintPath): \(error)")
            }
        }
        let searchable: SearchableSnapshot
        var documentIDs = Set<String>()
        do {
            let snapshot = try IndexSnapshot.open(directory: indexFolder)
            snapshot.forEachLiveDocument { _, _, entry in documentIDs.insert(entry.id) }
            searchable = SearchableSnapshot(snapshot)
        } catch {
            fail("cannot open the index in \(indexFolder): \(error) (--rebuild builds it again)")
        }
        if let spaced = documentIDs.first(where: { $0.contains(where: \.isWhitespace) }) {
            fail("document id `\(spaced)` holds white space, which TREC files cannot carry")
        }
        note("index: \(documentIDs.count) documents, \(searchable.snapshot.segments.count) segment(s)")

        // The runs.
        let runsFolder = evalFolder + "/runs-full"
        try? FileManager.default.createDirectory(atPath: runsFolder, withIntermediateDirectories: true)
        /// variant → topic → ranking.
        var rankings: [String: [String: [RankedDocument]]] = [:]
        for variant in variants {
            let searcher: Searcher
            do {
                searcher = try Searcher(searchable: searchable, configuration: .standard)
            } catch {
                fail("\(variant.name): cannot make a searcher: \(error)")
            }
            var options = SearchOptions()
            options.limit = runDepth
            options.perDocument = 1
            options.snippets = false
            options.timeBudget = .seconds(30)
            variant.configure(searcher, &options)

            let started = clock.now
            var empty = 0
            for topic in topics {
                var ranking: [RankedDocument] = []
                do {
                    let result = try searcher.search(variant.rewrite(topic.query), options: options)
                    if result.partial { note("\(variant.name) \(topic.id): partial result (time budget)") }
                    // One row per document: with perDocument > 1 a document's further passages follow its best.
                    var seen = Set<String>()
                    for hit in result.results where seen.insert(hit.doc_id).inserted {
                        ranking.append(RankedDocument(
                            id: hit.doc_id, passage: hit.passage, score: hit.score, title: hit.title, date: hit.date, type: hit.type,
                            source: hit.source))
                    }
                } catch {
                    note("\(variant.name) \(topic.id): query \(topic.query) failed: \(error)")
                }
                if ranking.isEmpty { empty += 1 }
                rankings[variant.name, default: [:]][topic.id] = Array(ranking.prefix(runDepth))
            }
            let elapsed = clock.now - started
            writeRun(variant.name, topics: topics, rankings: rankings[variant.name] ?? [:], to: runsFolder + "/\(variant.name).run")
            note("\(variant.name): \(topics.count) topics run in \(seconds(elapsed)) (\(empty) with no result) → bench/eval/runs-full/\(variant.name).run")
        }

        // Passage texts: the top 10 of every variant (diversity) and the pooled documents.
        let passages = PassageTexts(snapshot: searchable.snapshot)
        let finishing = clock.now
        defer { note("pool, passages and scores in \(seconds(clock.now - finishing))") }

        let qrelsPath = evalFolder + "/qrels-full.txt"
        let qrels: [String: [String: Int]]? = FileManager.default.fileExists(atPath: qrelsPath) ? readQrels(qrelsPath) : nil
        if let qrels { checkQrels(qrels, topics: topics, documentIDs: documentIDs) }

        if let poolDepth {
            writePool(
                depth: poolDepth, topics: topics, rankings: rankings, qrels: qrels ?? [:], passages: passages,
                to: evalFolder + "/pool-full.tsv")
        }

        score(topics: topics, rankings: rankings, qrels: qrels, passages: passages, evalFolder: evalFolder)
    }

    // MARK: Topics and qrels

    static func readTopics(_ path: String) -> [Topic] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
        var topics: [Topic] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { fail("topics-full.tsv: not three tab-separated fields: \(line)") }
            topics.append(Topic(id: fields[0], query: fields[1], relevantWhen: fields[2]))
        }
        guard Set(topics.map(\.id)).count == topics.count else { fail("topics-full.tsv: a topic id occurs twice") }
        return topics
    }

    /// topic → doc id → grade, from TREC qrels (`topic 0 doc_id grade`, grades 0–2).
    static func readQrels(_ path: String) -> [String: [String: Int]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
        var qrels: [String: [String: Int]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count == 4, let grade = Int(fields[3]), (0 ... 2).contains(grade) else {
                fail("qrels-full.txt: expected `topic 0 doc_id grade` with grade 0, 1 or 2: \(line)")
            }
            if qrels[fields[0], default: [:]][fields[2]] != nil { fail("qrels-full.txt: \(fields[0]) \(fields[2]) judged twice") }
            qrels[fields[0], default: [:]][fields[2]] = grade
        }
        return qrels
    }

    /// Every judged topic is a topic and every judged document is in the index.
    static func checkQrels(_ qrels: [String: [String: Int]], topics: [Topic], documentIDs: Set<String>) {
        let topicIDs = Set(topics.map(\.id))
        var problems: [String] = []
        for (topic, judged) in qrels.sorted(by: { $0.key < $1.key }) {
            if !topicIDs.contains(topic) { problems.append("qrels-full.txt names topic \(topic), which topics-full.tsv does not have") }
            for id in judged.keys.sorted() where !documentIDs.contains(id) {
                problems.append("\(topic): judged document \(id) is not in the index")
            }
        }
        if !problems.isEmpty { fail("qrels-full.txt does not match the corpus:\n  " + problems.joined(separator: "\n  ")) }
    }

    // MARK: Index cache

    /// What the cached index depends on, one fact a line: the analyzer, the code that makes
    /// an index, the corpus files.
    static func makeFingerprint(corpus: String, repository: String) -> String {
        var lines = ["# kamerzoek RelevanceEvaluation --full: what the index in index/ was built from (one worker)"]
        do {
            lines.append("analyzer \(try Analyzer(configuration: .standard).identity.description)")
        } catch {
            fail("cannot make the default analyzer: \(error)")
        }
        for module in ["Analysis", "Ingest", "IndexStore", "Indexer"] {
            for (path, _, _) in listFiles(repository + "/Sources/" + module) {
                guard let data = FileManager.default.contents(atPath: repository + "/Sources/\(module)/\(path)") else { continue }
                lines.append("code Sources/\(module)/\(path) \(fnv1a(data))")
            }
        }
        lines.append("corpus \(corpus)")
        for (path, size, time) in listFiles(corpus) {
            lines.append("file \(path) \(size) \(time)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The regular files under `root`, recursively, as (relative path, size, modification
    /// time in nanoseconds), sorted by path.
    static func listFiles(_ root: String) -> [(String, UInt64, Int64)] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(String, UInt64, Int64)] = []
        while let path = enumerator.nextObject() as? String {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + path),
                  attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            let time = (attributes[.modificationDate] as? Date).map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) } ?? 0
            files.append((path, size, time))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// What changed between two fingerprints, in a few words.
    static func fingerprintDifference(_ old: String, _ new: String) -> String {
        let before = Set(old.split(separator: "\n")), after = Set(new.split(separator: "\n"))
        let changed = before.symmetricDifference(after)
        var kinds: [String] = []
        for (prefix, name) in [("analyzer ", "the analyzer"), ("code ", "source files of the index code"), ("corpus ", "the corpus folder"), ("file ", "corpus files"), ("# ", "the fingerprint's format")] {
            // A changed file is a line gone and a line come: count the names.
            let count = Set(changed.filter { $0.hasPrefix(prefix) }.map { $0.split(separator: " ").dropFirst().first ?? "" }).count
            if count > 0 { kinds.append(prefix == "analyzer " || prefix == "corpus " || prefix == "# " ? "\(name) changed" : "\(count) \(name) changed, added or removed") }
        }
        return kinds.isEmpty ? "differs" : kinds.joined(separator: ", ")
    }

    // MARK: Runs

    /// TREC: `topic Q0 doc_id rank score run`. Tools such as trec_eval order by the score
    /// column, not the rank; where a variant's scores do not fall with the rank (the
    /// rescoring rewrites scores even in windows of one, where it cannot reorder), the
    /// column holds 1000 − rank instead, so that such tools read the ranking as it is.
    static func writeRun(_ name: String, topics: [Topic], rankings: [String: [RankedDocument]], to path: String) {
        let scoresFollowRanks = rankings.values.allSatisfy { ranking in
            zip(ranking, ranking.dropFirst()).allSatisfy { $0.score >= $1.score }
        }
        if !scoresFollowRanks {
            note("\(name): its scores do not fall with the rank; the run's score column is 1000 − rank")
        }
        var run = ""
        for topic in topics {
            for (index, document) in (rankings[topic.id] ?? []).enumerated() {
                let score = scoresFollowRanks ? document.score : Double(1000 - (index + 1))
                run += "\(topic.id) Q0 \(document.id) \(index + 1) \(String(format: "%.4f", score)) \(name)\n"
            }
        }
        do {
            try run.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            fail("cannot write \(path): \(error)")
        }
    }

    /// Stored passage texts, read once per document.
    final class PassageTexts {
        let snapshot: IndexSnapshot
        private var units: [String: [StoredPassage]] = [:]

        init(snapshot: IndexSnapshot) {
            self.snapshot = snapshot
        }

        /// The text of `document`'s retrieval unit `passage` (passages, then footnotes, as
        /// the searcher numbers them).
        func text(_ document: String, passage: Int) -> String {
            if units[document] == nil {
                do {
                    units[document] = try snapshot.storedDocument(id: document)?.retrievalUnits ?? []
                } catch {
                    FullEvaluation.fail("cannot read the stored document \(document): \(error)")
                }
            }
            let list = units[document] ?? []
            return list.indices.contains(passage) ? list[passage].text : ""
        }
    }

    // MARK: Pool

    static func writePool(
        depth: Int, topics: [Topic], rankings: [String: [String: [RankedDocument]]], qrels: [String: [String: Int]],
        passages: PassageTexts, to path: String
    ) {
        var lines = "topic\tquery\trelevant_when\tdoc_id\ttitle\tdate\ttype\tsource\tjudged\tpassage\n"
        var rows = 0, alreadyJudged = 0
        var perTopic: [Int] = []
        for topic in topics {
            // Each pooled document with the passage of the variant that ranks it highest
            // (the earlier variant on a tie); variants may pick different passages.
            var pooled: [String: (rank: Int, document: RankedDocument)] = [:]
            for variant in variants {
                for (rank, document) in (rankings[variant.name]?[topic.id] ?? []).prefix(depth).enumerated() {
                    if let known = pooled[document.id], known.rank <= rank { continue }
                    pooled[document.id] = (rank, document)
                }
            }
            for id in pooled.keys.sorted() {
                let document = pooled[id]!.document
                let grade = qrels[topic.id]?[id]
                if grade != nil { alreadyJudged += 1 }
                let fields = [
                    topic.id, topic.query, topic.relevantWhen, id, collapsed(document.title ?? ""), document.date ?? "", document.type,
                    collapsed(document.source), grade.map { "yes: \($0)" } ?? "",
                    cut(collapsed(passages.text(id, passage: document.passage)), passageLimit),
                ]
                lines += fields.joined(separator: "\t") + "\n"
            }
            rows += pooled.count
            perTopic.append(pooled.count)
        }
        do {
            try lines.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            fail("cannot write \(path): \(error)")
        }
        let sorted = perTopic.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        note("pool: \(rows) (topic, document) rows from the top \(depth) of \(variants.count) variants over \(topics.count) topics "
            + "(per topic \(sorted.first ?? 0)–\(sorted.last ?? 0), median \(median), \(perTopic.filter { $0 == 0 }.count) topics empty); "
            + "\(alreadyJudged) already judged → bench/eval/pool-full.tsv")
    }

    /// White space (tabs and line breaks too) collapsed to single spaces, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// At most `limit` characters; a cut text ends in `…`.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A passage text as the diversity figure compares it: lower-cased, every run of
    /// characters that are not letters, marks or digits (white space, punctuation,
    /// symbols) made one space, trimmed.
    static func comparable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var gap = false
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if gap, !result.isEmpty { result.append(" ") }
                gap = false
                result.append(scalar)
            } else {
                gap = true
            }
        }
        return String(result)
    }

    // MARK: Scores

    static func ndcg(_ ranking: [String], _ judged: [String: Int], depth: Int = 10) -> Double? {
        let ideal = judged.values.sorted(by: >).prefix(depth)
        let idealGain = ideal.enumerated().reduce(0.0) { $0 + Double($1.element) / log2(Double($1.offset + 2)) }
        guard idealGain > 0 else { return nil }
        let gain = ranking.prefix(depth).enumerated().reduce(0.0) { $0 + Double(judged[$1.element] ?? 0) / log2(Double($1.offset + 2)) }
        return gain / idealGain
    }

    static func recall(_ ranking: [String], _ judged: [String: Int], depth: Int = 100) -> Double? {
        let relevant = Set(judged.filter { $0.value > 0 }.keys)
        guard !relevant.isEmpty else { return nil }
        return Double(relevant.intersection(ranking.prefix(depth)).count) / Double(relevant.count)
    }

    struct TopicScores {
        var ndcg: Double?
        var recall: Double?
        /// Documents in the top 10, and how many of them are judged.
        var returned = 0
        var judged = 0
        /// Distinct comparable best-passage texts in the top 10.
        var distinct = 0
    }

    static func score(
        topics: [Topic], rankings: [String: [String: [RankedDocument]]], qrels: [String: [String: Int]]?, passages: PassageTexts,
        evalFolder: String
    ) {
        var scores: [String: [String: TopicScores]] = [:]
        for variant in variants {
            for topic in topics {
                let ranking = rankings[variant.name]?[topic.id] ?? []
                let ids = ranking.map(\.id)
                var topicScores = TopicScores()
                let top = ranking.prefix(10)
                topicScores.returned = top.count
                topicScores.distinct = Set(top.map { comparable(passages.text($0.id, passage: $0.passage)) }).count
                if let qrels {
                    let judged = qrels[topic.id] ?? [:]
                    topicScores.ndcg = ndcg(ids, judged)
                    topicScores.recall = recall(ids, judged)
                    topicScores.judged = top.filter { judged[$0.id] != nil }.count
                }
                scores[variant.name, default: [:]][topic.id] = topicScores
            }
        }

        let names = variants.map(\.name)
        // Per topic.
        var perTopic = "topic\tquery\trelevant"
        for name in names { perTopic += "\tndcg10_\(name)\trecall100_\(name)\tjudged10_\(name)\treturned10_\(name)\tdistinct10_\(name)" }
        perTopic += "\n"
        for topic in topics {
            let relevant = qrels.map { String(($0[topic.id] ?? [:]).values.filter { $0 > 0 }.count) } ?? ""
            perTopic += "\(topic.id)\t\(topic.query)\t\(relevant)"
            for name in names {
                let s = scores[name]?[topic.id] ?? TopicScores()
                let judgedShare = qrels != nil && s.returned > 0 ? String(format: "%.4f", Double(s.judged) / Double(s.returned)) : ""
                perTopic += "\t\(formatted(s.ndcg))\t\(formatted(s.recall))\t\(judgedShare)\t\(s.returned)\t\(s.distinct)"
            }
            perTopic += "\n"
        }

        // Means. nDCG@10 and recall@100 over the topics with a relevant judged document;
        // the judged share over all documents in the top 10s; diversity over all topics.
        let scored = topics.filter { topic in (qrels?[topic.id] ?? [:]).values.contains { $0 > 0 } }
        var table = "variant\ttopics\tscored_topics\tndcg10\trecall100\tjudged10\tdistinct10\treturned10\tempty_topics\n"
        var lines: [String] = []
        for name in names {
            let all = topics.map { scores[name]?[$0.id] ?? TopicScores() }
            let meanNDCG = qrels == nil ? nil : scored.map { scores[name]?[$0.id]?.ndcg ?? 0 }.reduce(0, +) / Double(max(1, scored.count))
            let meanRecall = qrels == nil ? nil : scored.map { scores[name]?[$0.id]?.recall ?? 0 }.reduce(0, +) / Double(max(1, scored.count))
            let returned = all.map(\.returned).reduce(0, +)
            let judgedShare = qrels == nil ? nil : Double(all.map(\.judged).reduce(0, +)) / Double(max(1, returned))
            let distinct = Double(all.map(\.distinct).reduce(0, +)) / Double(max(1, topics.count))
            let meanReturned = Double(returned) / Double(max(1, topics.count))
            let empty = all.filter { $0.returned == 0 }.count
            table += "\(name)\t\(topics.count)\t\(qrels == nil ? "" : String(scored.count))\t\(formatted(meanNDCG))\t\(formatted(meanRecall))\t"
                + "\(formatted(judgedShare))\t\(String(format: "%.4f", distinct))\t\(String(format: "%.4f", meanReturned))\t\(empty)\n"
            lines.append(padded(name, 10) + column(meanNDCG, 9) + column(meanRecall, 12) + column(judgedShare, 11)
                + column(distinct, 13) + column(meanReturned, 12) + String(format: "%8d", empty))
        }
        do {
            try perTopic.write(toFile: evalFolder + "/results-full-topics.tsv", atomically: true, encoding: .utf8)
            try table.write(toFile: evalFolder + "/results-full.tsv", atomically: true, encoding: .utf8)
        } catch {
            fail("cannot write the results: \(error)")
        }
        print()
        if qrels == nil {
            print("no bench/eval/qrels-full.txt yet: nDCG@10, recall@100 and the judged share wait for judgments; diversity needs none")
        } else {
            print("\(scored.count) of \(topics.count) topics have a relevant judged document; nDCG@10 and recall@100 are means over those")
        }
        print("variant     nDCG@10  recall@100  judged@10  distinct@10  returned@10  empty")
        lines.forEach { print($0) }
        print("(distinct@10: distinct best-passage texts in the top 10, mean over all \(topics.count) topics; returned@10: documents in the top 10)")
        print("→ bench/eval/results-full.tsv, bench/eval/results-full-topics.tsv")
    }

    static func formatted(_ value: Double?) -> String {
        value.map { String(format: "%.4f", $0) } ?? ""
    }

    static func column(_ value: Double?, _ width: Int) -> String {
        let text = value.map { String(format: "%.3f", $0) } ?? "–"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return value < 1 ? String(format: "%.1f ms", value * 1e3) : String(format: "%.1f s", value)
    }
}
