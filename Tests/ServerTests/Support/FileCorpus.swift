import Foundation
import IndexStore
import Indexer

/// Text files in a temporary folder, indexed by `IndexWriter.index` as `kamerzoek index`
/// does: the writer for the hot-reload tests, which commit again and again.
///
/// (Not `IndexWriter.add`: it commits a manifest whose next segment number was read before
/// its own flush, so the next writer reuses the live segment's name and overwrites its
/// files. Reported; `add` is fine for the single-commit indexes of the other tests.)
final class FileCorpus: @unchecked Sendable {
    // Unchecked: paths never change, and the tests call `commit` from one task at a time.
    let root: String
    var folder: String { root + "/docs" }
    var directory: String { root + "/index" }

    init() throws {
        root = NSTemporaryDirectory() + "kamerzoek-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Writes `files` (name without extension → text) and commits them in one indexing run.
    @discardableResult
    func commit(_ files: [String: String]) throws -> IndexSummary {
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).txt"))
        }
        var options = IndexOptions()
        options.workerCount = 1
        return try IndexWriter(directory: directory).index([folder], options: options)
    }

    /// The server reads `directory`; `TestIndex` gives `withLiveServer` only that.
    var index: TestIndex { TestIndex(existing: directory) }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}
