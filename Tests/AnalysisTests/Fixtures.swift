import Foundation

/// Test data that ships with the repository, found relative to this source file so that
/// tests need neither bundle resources nor anything outside the clone.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func lines(_ name: String) throws -> [Substring] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    }

    static func corpusLetter(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(name), encoding: .utf8)
    }
}
