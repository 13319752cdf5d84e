import Foundation
import Testing

/// The built `kamerzoek`, run as a user runs it: arguments in; exit status, standard
/// output and standard error out, kept apart.
enum Kamerzoek {
    struct Run: CustomStringConvertible {
        var status: Int32
        var output: String
        var errors: String

        /// Standard output as one JSON object.
        func object() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(self)")
        }

        /// Standard output as one JSON array.
        func array() throws -> [Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Any], "\(self)")
        }

        /// Standard output as one JSON object a line (`search --batch`).
        func lines() throws -> [[String: Any]] {
            try output.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            }
        }

        var description: String { "exit \(status); standard output: \(output.prefix(400)); standard error: \(errors.prefix(400))" }
    }

    /// The repository, whose `Corpus/`, fixtures and sources the tests read.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Test bundles and executables share a build folder.
    static func executable() throws -> String {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("kamerzoek").path }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "kamerzoek is not built in \(folder.path)")
    }

    /// Runs `kamerzoek` with `arguments` and `input` on standard input (empty without it).
    static func run(_ arguments: [String], input: String = "") throws -> Run {
        try run(executable: try executable(), arguments, input: input)
    }

    /// Runs any program (the tests' helper scripts too) as ``run(_:input:)`` runs `kamerzoek`.
    static func run(executable: String, _ arguments: [String], input: String = "") throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
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

    /// A new, empty folder under the temporary folder, for what a test writes; the test
    /// removes it (``removeScratchFolder(_:)``) when it ends.
    static func scratchFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "kamerzoek-cli-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func removeScratchFolder(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// A copy of the bundled `Corpus/` and its index, made once for every suite (by the
/// first test that asks) and only read after that; a test that writes to an index copies
/// it first. Removed when the test process exits.
struct Workspace: Sendable {
    let folder: String
    let corpus: String
    let index: String

    struct SetupFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func shared() throws -> Workspace { try made.get() }

    private static let made: Result<Workspace, SetupFailure> = {
        let folder: String
        do {
            folder = try Kamerzoek.scratchFolder("workspace")
        } catch {
            return .failure(SetupFailure(description: "\(error)"))
        }
        let workspace = Workspace(folder: folder, corpus: folder + "/Corpus", index: folder + "/Index")
        do {
            try FileManager.default.copyItem(atPath: Kamerzoek.repository.appendingPathComponent("Corpus").path, toPath: workspace.corpus)
            let run = try Kamerzoek.run(["index", workspace.corpus, "--index", workspace.index])
            guard run.status == 0 else { throw SetupFailure(description: "indexing Corpus/ failed: \(run)") }
        } catch {
            Kamerzoek.removeScratchFolder(folder)
            return .failure(SetupFailure(description: "\(error)"))
        }
        atexit { Kamerzoek.removeScratchFolder((try? Workspace.made.get())?.folder ?? "") }
        return .success(workspace)
    }()

    /// A copy of the index in `folder`, for a test that changes it.
    func copyOfIndex(into folder: String, name: String = "Index") throws -> String {
        let copy = folder + "/" + name
        try FileManager.default.copyItem(atPath: index, toPath: copy)
        return copy
    }
}
