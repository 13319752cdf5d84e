import Foundation
@testable import Ingest

/// Locates fixtures next to this file, so tests need no bundled resources.
enum Fixtures {
    static let root: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Fixtures").path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// Extracts a fixture with ids relative to `Fixtures/corpus` (or `Fixtures`).
    static func document(_ relative: String, root: String? = nil) throws -> Document {
        let outcome = try Extractor().extract(fileAt: path(relative), relativeTo: root ?? Fixtures.root + "/corpus")
        guard case .document(let document) = outcome else {
            throw FixtureError(message: "\(relative) was skipped: \(outcome)")
        }
        return document
    }

    /// Extracts bytes made in the test, under a made-up path.
    static func outcome(_ bytes: [UInt8], path: String = "test/input.txt") -> ExtractionOutcome {
        Extractor().extract(bytes: bytes, path: path, relativeTo: "test")
    }

    static func document(_ bytes: [UInt8], path: String = "test/input.txt") throws -> Document {
        guard case .document(let document) = outcome(bytes, path: path) else {
            throw FixtureError(message: "\(path) was skipped")
        }
        return document
    }

    static func document(text: String, path: String = "test/input.txt") throws -> Document {
        try document(Array(text.utf8), path: path)
    }

    /// A fresh temporary directory for files a test writes.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "ingest-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
