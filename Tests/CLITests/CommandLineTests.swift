import Foundation
import Testing

/// `kamerzoek` run as a user runs it: the binary built next to these tests, on a copy of
/// the bundled `Corpus/`. Exit codes are 0 for success, 64 for a command line that cannot
/// be read (usage), 1 for a command that could not do its work; messages go to standard
/// error, results (and nothing else) to standard output; `--json` prints one object with
/// the keys below.
@Suite("Command line", .serialized)
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String

        /// Standard output as one JSON object.
        func object() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `kamerzoek`: test bundles and executables share a build folder.
    static func executable() throws -> String {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("kamerzoek").path }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "kamerzoek is not built in \(folder.path)")
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error is read on another thread while this one reads standard output, so
        // that neither pipe fills up and blocks the command.
        nonisolated(unsafe) var errorData = Data()
        let errorsRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// A copy of Corpus/ indexed once into `index` for the whole suite.
    static let workspace: (corpus: String, index: String) = {
        let folder = NSTemporaryDirectory() + "kamerzoek-cli-" + UUID().uuidString
        let corpus = folder + "/Corpus", index = folder + "/Index"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(atPath: root.appendingPathComponent("Corpus").path, toPath: corpus)
        return (corpus, index)
    }()

    static func indexed() throws -> (corpus: String, index: String) {
        let (corpus, index) = workspace
        if !FileManager.default.fileExists(atPath: index) {
            let run = try run(["index", corpus, "--index", index])
            #expect(run.status == 0, "\(run.errors)")
        }
        return workspace
    }

    @Test func helpListsEveryCommand() throws {
        let run = try Self.run(["--help"])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        for command in ["index", "search", "stats", "check", "show", "optimize", "extract", "analyze", "serve"] {
            #expect(run.output.contains("  \(command) "), "\(command) missing from --help")
        }
        let search = try Self.run(["search", "--help"])
        #expect(search.status == 0)
        for option in ["--index", "--limit", "--offset", "--sort", "--json", "--csv", "--since", "--exact-total", "--no-fold", "--every-word", "--time-budget", "--facets"] {
            #expect(search.output.contains(option), "\(option) missing from search --help")
        }
    }

    @Test func versionIsOneLine() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.output)")
    }

    /// A command line that cannot be read: 64, the reason on standard error, nothing on
    /// standard output.
    @Test(arguments: [["search"], ["bogus"], ["search", "geweld", "--limit", "0"], ["search", "geweld", "--since", "2024-02-30"], ["search", "geweld", "--facets", "kleur"], ["index", "--threads", "nul"], ["search", "geweld", "--time-budget", "0"], ["serve", "--time-budget", "-5"]])
    func usageErrorsExit64(arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.status) \(run.errors)")
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("Error: "))
    }

    /// A command that cannot do its work: 1, and a message that says what to do.
    @Test func failuresExit1() throws {
        let (_, index) = try Self.indexed()
        let missing = try Self.run(["search", "geweld", "--index", index + "-bestaat-niet"])
        #expect(missing.status == 1)
        #expect(missing.output.isEmpty)
        #expect(missing.errors.contains("There is no index in") && missing.errors.contains("kamerzoek index"))

        // A query that cannot be read points at the problem.
        let query = try Self.run(["search", "geweld (", "--index", index])
        #expect(query.status == 1)
        #expect(query.output.isEmpty)
        #expect(query.errors.contains("This ( is never closed (at position 8)") && query.errors.contains("^"))

        let unknown = try Self.run(["show", "bestaat-niet", "--index", index])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("There is no document with id 'bestaat-niet'"))
    }

    @Test func indexPrintsItsSummaryAsJSON() throws {
        let (corpus, _) = try Self.indexed()
        let folder = NSTemporaryDirectory() + "kamerzoek-cli-index-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["index", corpus, "--index", folder, "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let summary = try run.object()
        #expect(Set(summary.keys) == ["added", "bytes", "failed", "generation", "removed", "seconds", "skipped", "unchanged", "updated", "warnings"])
        #expect(summary["added"] as? Int == 5 && summary["failed"] as? Int == 0 && summary["generation"] as? Int == 1)
        // Nothing changed: nothing is redone.
        let again = try Self.run(["index", corpus, "--index", folder, "--json"]).object()
        #expect(again["unchanged"] as? Int == 5 && again["added"] as? Int == 0)
    }

    @Test func searchJSON() throws {
        let (_, index) = try Self.indexed()
        let run = try Self.run(["search", "huiselijk geweld", "--index", index, "--json", "--limit", "3"])
        #expect(run.status == 0, "\(run.errors)")
        let result = try run.object()
        #expect(Set(result.keys) == ["documents", "partial", "query", "results", "took_ms", "total", "total_is_exact"])
        #expect(result["query"] as? String == "huiselijk geweld" && result["documents"] as? Int == 5)
        let hits = try #require(result["results"] as? [[String: Any]])
        #expect(hits.count == 3)
        for hit in hits {
            #expect(Set(hit.keys).isSuperset(of: ["all_words", "doc_id", "passage", "score", "snippet", "source", "title", "type"]), "\(hit.keys)")
        }
        #expect(run.errors.isEmpty)
    }

    @Test func searchJSONWithFacets() throws {
        let (_, index) = try Self.indexed()
        let run = try Self.run(["search", "huiselijk geweld", "--index", index, "--json", "--facets", "type,year"])
        #expect(run.status == 0, "\(run.errors)")
        let result = try run.object()
        #expect(Set(result.keys) == ["documents", "facets", "facets_exact", "partial", "query", "results", "took_ms", "total", "total_is_exact"])
        let facets = try #require(result["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["type", "year"])
        #expect(result["facets_exact"] as? Bool == true)
    }

    @Test func csvHasItsHeader() throws {
        let (_, index) = try Self.indexed()
        let run = try Self.run(["search", "femicide", "--index", index, "--csv"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("doc_id,title,date,type,dossier,url,passage,score,snippet\r\n"))
    }

    @Test func statsCheckShowAnalyzeAndExtractJSON() throws {
        let (corpus, index) = try Self.indexed()
        let stats = try Self.run(["stats", "--index", index, "--json"])
        #expect(stats.status == 0)
        #expect(Set(try stats.object().keys) == ["analyzer", "bytes_on_disk", "documents", "fingerprint", "generation", "passages", "segments", "terms"])

        let check = try Self.run(["check", "--index", index, "--json"])
        #expect(check.status == 0)
        let checked = try check.object()
        #expect(checked["ok"] as? Bool == true && (checked["problems"] as? [Any])?.isEmpty == true)

        let show = try Self.run(["show", "kamerstuk-28345-252-voortgang-huiselijk-geweld", "--index", index, "--json"])
        #expect(show.status == 0, "\(show.errors)")
        let document = try show.object()
        #expect(document["id"] as? String == "kamerstuk-28345-252-voortgang-huiselijk-geweld")
        #expect(Set(document.keys).isSuperset(of: ["date", "dossiers", "id", "passages", "source", "title", "type", "url"]))

        let analyze = try Self.run(["analyze", "huiselijke geweldplegers", "--json"])
        #expect(analyze.status == 0)
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(analyze.output.utf8)) as? [[String: Any]])
        #expect(tokens.map { $0["exact"] as? String } == ["huiselijke", "geweldplegers"])
        #expect(Set(tokens[0].keys) == ["end", "exact", "flags", "position", "start", "stem", "stop", "text"])

        let extract = try Self.run(["extract", corpus + "/kamerstuk-28345-252-voortgang-huiselijk-geweld.txt", "--json"])
        #expect(extract.status == 0, "\(extract.errors)")
        let extracted = try extract.object()
        #expect(Set(extracted.keys).isSuperset(of: ["content_hash", "date", "id", "passages", "source", "title", "type", "warnings"]))
    }
}
