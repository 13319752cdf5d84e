import ArgumentParser
import Foundation
import IndexStore
import Indexer

/// `kamerzoek index [PATH…]`: brings the index in line with the files.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index text, Markdown and XML files: add new ones, redo changed ones, drop removed ones.",
        discussion: """
            Only files that changed since the last run are read again (size and modification \
            time first, then the content hash). Documents whose files are gone from the given \
            paths are removed unless --no-prune. Everything a run does becomes visible at once, \
            in one commit; an interrupted run leaves the previous index intact.
            """
    )

    @Argument(help: "Files or folders to index.")
    var paths: [String] = ["Corpus"]

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Keep documents whose files are gone.")
    var noPrune = false

    @Flag(name: .long, help: "Start over: index everything into a new, empty index.")
    var rebuild = false

    @Option(name: .long, help: ArgumentHelp("Memory for the in-memory segment, in MB.", valueName: "MB"))
    var ramBudget = 256

    @Option(name: .long, help: ArgumentHelp("Workers that extract, analyse and write segments at once (default: the cores).", valueName: "N"))
    var threads: Int?

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Flag(name: .shortAndLong, help: "List every warning, not just the first 20.")
    var verbose = false

    func validate() throws {
        guard ramBudget >= 16 else { throw ValidationError("--ram-budget must be at least 16 (MB).") }
        if let threads { guard (1 ... 64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64.") } }
    }

    func run() throws {
        var options = IndexOptions()
        options.prune = !noPrune
        options.ramBudgetBytes = ramBudget << 20
        if let threads { options.workerCount = threads }
        let progressBar = ProgressBar(quiet: json)
        let summary: IndexSummary
        do {
            let writer = try IndexWriter(directory: index.directory, rebuild: rebuild)
            summary = try writer.index(paths, options: options) { progressBar.update($0) }
            progressBar.finish()
        } catch {
            progressBar.finish()
            throw CommandFailure("\(error)")
        }
        let shown = verbose ? summary.warnings : Array(summary.warnings.prefix(20))
        for warning in shown { StandardError.write("warning: \(warning)") }
        if shown.count < summary.warnings.count {
            StandardError.write("… and \(summary.warnings.count - shown.count) more warnings (--verbose lists them all).")
        }
        if json {
            try JSONOutput.print(IndexSummaryJSON(summary))
        } else {
            print("added \(summary.added), updated \(summary.updated), removed \(summary.removed), unchanged \(summary.unchanged), skipped \(summary.skipped), failed \(summary.failed); "
                + String(format: "%.1f MB in %.2f s", Double(summary.bytes) / 1e6, summary.seconds) + "; index \(index.directory) at generation \(summary.generation)")
        }
        if summary.failed > 0 {
            throw CommandFailure("\(summary.failed) file(s) could not be indexed (see the warnings); everything else was committed.")
        }
    }
}

/// The `index --json` contract.
struct IndexSummaryJSON: Encodable {
    var added, updated, removed, unchanged, failed, skipped: Int
    var bytes: UInt64
    var seconds: Double
    var generation: UInt64
    var warnings: Int

    init(_ summary: IndexSummary) {
        added = summary.added
        updated = summary.updated
        removed = summary.removed
        unchanged = summary.unchanged
        failed = summary.failed
        skipped = summary.skipped
        bytes = summary.bytes
        seconds = (summary.seconds * 1000).rounded() / 1000
        generation = summary.generation
        warnings = summary.warnings.count
    }
}
