import ArgumentParser
import IndexStore

/// `kamerzoek check`: reads every byte of the index and checks every invariant.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every checksum and invariant of the index; exit non-zero on damage.")

    @OptionGroup var index: IndexLocation

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        var problems: [String] = []
        var checked = 0
        do {
            let snapshot = try IndexSnapshot.open(directory: index.directory)
            for segment in snapshot.segments {
                do {
                    try segment.reader.verify()
                    checked += 1
                } catch {
                    problems.append("segment \(segment.commit.name): \(error)")
                }
            }
        } catch let missing as IndexSnapshot.OpenError {
            // No index there: nothing was checked, which is a failure to run, not damage.
            throw CommandFailure("\(missing)")
        } catch {
            problems.append("\(error)")
        }
        if json {
            try JSONOutput.print(CheckResult(ok: problems.isEmpty, segments_checked: checked, problems: problems))
        } else if problems.isEmpty {
            print("ok: \(checked) segment(s) in \(index.directory) verified")
        }
        if !problems.isEmpty {
            throw CommandFailure("the index in \(index.directory) is damaged:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
    }
}

/// The `check --json` contract (snake_case names are part of it): printed for a sound
/// index and for a damaged one alike.
struct CheckResult: Encodable {
    var ok: Bool
    var segments_checked: Int
    var problems: [String]
}
