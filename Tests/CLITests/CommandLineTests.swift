import Foundation
import Testing

/// `kamerzoek` run as a user runs it (the binary built next to these tests, on a copy of
/// the bundled `Corpus/`): its help, and how it ends. Exit codes are 0 for success, 64 for
/// a command line that cannot be read (usage), 1 for a command that could not do its work;
/// messages go to standard error, results (and nothing else) to standard output. The
/// `--json` shapes are in ``JSONOutputTests``.
@Suite("Command line")
struct CommandLineTests {
    static let commands = ["index", "search", "stats", "check", "show", "optimize", "extract", "analyze", "serve"]

    @Test func helpListsEveryCommand() throws {
        let run = try Kamerzoek.run(["--help"])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        for command in Self.commands {
            #expect(run.output.contains("  \(command) "), "\(command) missing from --help")
        }
        let search = try Kamerzoek.run(["search", "--help"])
        #expect(search.status == 0)
        for option in ["--index", "--limit", "--offset", "--sort", "--json", "--csv", "--since", "--exact-total", "--no-fold", "--every-word", "--time-budget", "--facets"] {
            #expect(search.output.contains(option), "\(option) missing from search --help")
        }
    }

    /// Every command but `serve` (whose answers are HTTP) prints machine output with --json.
    @Test(arguments: commands.filter { $0 != "serve" })
    func everyCommandTakesJSON(command: String) throws {
        let run = try Kamerzoek.run([command, "--help"])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
        #expect(run.output.contains("--json"), "\(command) --help")
    }

    @Test func versionIsOneLine() throws {
        let run = try Kamerzoek.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.output)")
    }

    /// A command line that cannot be read, for every command: 64, the reason on standard
    /// error, nothing on standard output. Nothing is opened or written first (`--index`
    /// names a folder that is not there).
    @Test(arguments: [
        ["bogus"], ["search"], ["search", "geweld", "--limit", "0"], ["search", "geweld", "--per-doc", "0"],
        ["search", "geweld", "--offset", "-1"], ["search", "geweld", "--sort", "alfabet"],
        ["search", "geweld", "--since", "2024-02-30"], ["search", "geweld", "--since", "2024..2025"],
        ["search", "geweld", "--facets", "kleur"], ["search", "geweld", "--json", "--csv"], ["search", "geweld", "--batch", "q.txt"],
        ["search", "geweld", "--time-budget", "0"], ["search", "geweld", "--threads", "0"],
        ["index", "--threads", "nul"], ["index", "--ram-budget", "8"],
        ["stats", "extra"], ["check", "--bogus"], ["show"], ["show", "a", "b"], ["optimize", "extra"],
        ["extract"], ["extract", "--root"], ["analyze"], ["analyze", "a", "b"],
        ["serve", "--time-budget", "-5"], ["serve", "--port", "70000"], ["serve", "--cors-origin", "a, b"],
        ["serve", "--max-searches-per-client", "0"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let takesAnIndex = ["search", "index", "stats", "check", "show", "optimize", "serve"].contains(arguments[0])
        let run = try Kamerzoek.run(arguments + (takesAnIndex ? ["--index", "/nonexistent/kamerzoek-index"] : []))
        #expect(run.status == 64, "\(arguments): \(run)")
        #expect(run.output.isEmpty, "\(arguments)")
        #expect(run.errors.hasPrefix("Error: "), "\(arguments): \(run.errors)")
        #expect(run.errors.contains("Usage: kamerzoek"), "\(arguments): \(run.errors)")
    }

    /// A command that cannot do its work, for every command that can fail: 1, a message on
    /// standard error that says what is wrong (and what to do), nothing on standard output,
    /// even with --json.
    @Test func failuresExit1() throws {
        let workspace = try Workspace.shared()
        let scratch = try Kamerzoek.scratchFolder("failures")
        defer { Kamerzoek.removeScratchFolder(scratch) }
        let missing = scratch + "/Index"
        let binary = scratch + "/plaatje.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: binary))
        let noIndex = "There is no index in \(missing). Build one with `kamerzoek index PATH… --index \(missing)`."
        let cases: [([String], String)] = [
            (["search", "geweld", "--index", missing, "--json"], noIndex),
            (["search", "geweld (", "--index", workspace.index, "--json"], "This ( is never closed (at position 8)\n  geweld (\n         ^"),
            (["search", "--batch", scratch + "/geen-vragen.txt", "--index", workspace.index, "--json"], "Cannot read the query file \(scratch)/geen-vragen.txt."),
            (["stats", "--index", missing, "--json"], noIndex),
            (["check", "--index", missing, "--json"], noIndex),
            (["show", "bestaat-niet", "--index", workspace.index, "--json"], "There is no document with id 'bestaat-niet' in \(workspace.index)."),
            (["show", "bestaat-niet", "--index", missing, "--json"], noIndex),
            (["optimize", "--index", missing, "--json"], noIndex),
            (["extract", scratch + "/geen-bestand.txt", "--json"], "cannot read '\(scratch)/geen-bestand.txt'"),
            (["extract", binary, "--json"], "skipped '\(binary)': "),
            (["index", scratch + "/geen-map", "--index", scratch + "/Nieuw", "--json"], "Cannot index \(scratch)/geen-map: no such file or folder."),
        ]
        for (arguments, message) in cases {
            let run = try Kamerzoek.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run)")
            #expect(run.output.isEmpty, "\(arguments): \(run)")
            #expect(run.errors.hasPrefix("Error: ") && run.errors.contains(message), "\(arguments): \(run.errors)")
        }
        // Failing on a missing index leaves nothing behind where it was looked for.
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// The one failure that has a result: `check` on a damaged index prints what it found
    /// (with --json, as JSON on standard output) and fails, naming the damage on standard error.
    @Test func checkOnADamagedIndexExits1() throws {
        let scratch = try Kamerzoek.scratchFolder("damaged")
        defer { Kamerzoek.removeScratchFolder(scratch) }
        let index = try Workspace.shared().copyOfIndex(into: scratch)
        let postings = try #require(try FileManager.default.contentsOfDirectory(atPath: index).first { $0.hasSuffix(".pst") })
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: index + "/" + postings))
        let middle = try file.seekToEnd() / 2
        try file.seek(toOffset: middle)
        let byte = try #require(try file.read(upToCount: 1)?.first)
        try file.seek(toOffset: middle)
        try file.write(contentsOf: [byte ^ 0xFF])
        try file.close()

        let json = try Kamerzoek.run(["check", "--index", index, "--json"])
        #expect(json.status == 1, "\(json)")
        let result = try json.object()
        #expect(result["ok"] as? Bool == false && result["segments_checked"] as? Int == 0)
        let problems = try #require(result["problems"] as? [String])
        #expect(problems.count == 1 && problems[0].contains("\(postings) is damaged") && problems[0].contains("kamerzoek index --rebuild"), "\(problems)")
        #expect(json.errors.hasPrefix("Error: the index in \(index) is damaged:\n  - ") && json.errors.contains(problems[0]), "\(json.errors)")

        let text = try Kamerzoek.run(["check", "--index", index])
        #expect(text.status == 1 && text.output.isEmpty && text.errors == json.errors, "\(text)")
    }

    /// What succeeds says nothing on standard error (warnings aside, which the sample
    /// letters do not cause).
    @Test func successExits0Quietly() throws {
        let workspace = try Workspace.shared()
        let scratch = try Kamerzoek.scratchFolder("success")
        defer { Kamerzoek.removeScratchFolder(scratch) }
        for arguments in [
            ["search", "huiselijk geweld", "--index", workspace.index], ["stats", "--index", workspace.index],
            ["check", "--index", workspace.index], ["show", "kamerstuk-28345-252-voortgang-huiselijk-geweld", "--index", workspace.index],
            ["extract", workspace.corpus + "/kamerstuk-28345-252-voortgang-huiselijk-geweld.txt"], ["analyze", "huiselijk geweld"],
            ["index", workspace.corpus, "--index", try workspace.copyOfIndex(into: scratch, name: "Index1")],
            ["optimize", "--index", try workspace.copyOfIndex(into: scratch, name: "Index2")],
        ] {
            let run = try Kamerzoek.run(arguments)
            #expect(run.status == 0 && run.errors.isEmpty && !run.output.isEmpty, "\(arguments): \(run)")
        }
    }

    @Test func csvHasItsHeader() throws {
        let run = try Kamerzoek.run(["search", "femicide", "--index", try Workspace.shared().index, "--csv"])
        #expect(run.status == 0, "\(run)")
        #expect(run.output.hasPrefix("doc_id,title,date,type,dossier,url,passage,score,snippet\r\n"))
    }
}
