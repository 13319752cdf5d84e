import Foundation
import IndexStore
import Testing
@testable import Search

/// The spelling dictionary read from the segments' spelling lists (format 9) is the one
/// gathered from their term dictionaries, list for list, level for level.
@Suite("Spelling lists")
struct SpellingListsTests {
    /// The texts of `Corpus/`, a document per paragraph block, in three commits (three
    /// segments), the last replacing two documents of the first (deleted there).
    static func makeIndex() throws -> String {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").path
        var documents: [StoredDocument] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() where file != "README.md" {
            let text = try String(contentsOfFile: "\(corpus)/\(file)", encoding: .utf8)
            let blocks = text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            // Some ten blocks a document, so that words are in a few documents each.
            for start in stride(from: 0, to: blocks.count, by: 10) {
                let passages = blocks[start ..< min(start + 10, blocks.count)].map { FixtureIndex.passage($0) }
                documents.append(StoredDocument(
                    id: "\(file)-\(start)", source: "\(file)-\(start).txt", contentHash: "\(file)\(start)", type: "brief", passages: passages))
            }
        }
        let directory = NSTemporaryDirectory() + "kamerzoek-spelling-lists-" + UUID().uuidString
        let writer = try IndexWriter(directory: directory)
        let third = documents.count / 3
        try writer.add(Array(documents[..<third]))
        try writer.add(Array(documents[third ..< 2 * third]))
        try writer.add(Array(documents[(2 * third)...]) + [documents[0], documents[1]])
        return directory
    }

    static func expectSameDictionaries(_ snapshot: IndexSnapshot) throws {
        #expect(snapshot.segments.allSatisfy { $0.reader.spellingLists != nil })
        let read = try SpellingDictionary(snapshot)
        let gathered = try SpellingDictionary(snapshot, readingSpellingLists: false)
        #expect(read.count > 200)
        #expect(read.lists == gathered.lists)
        for word in ["geweld", "gewelt", "huiselik", "femicide", "kinderen", "kindren", "maatregel", "zzzz"] {
            for minimum in [0, 5, 40, 400] {
                let found = read.candidates(near: Array(word.utf8), maximumDistance: 2, minimumDocuments: minimum)
                let expected = gathered.candidates(near: Array(word.utf8), maximumDistance: 2, minimumDocuments: minimum)
                #expect(found.map { "\($0.term) \($0.distance) \($0.documents)" }.sorted()
                    == expected.map { "\($0.term) \($0.distance) \($0.documents)" }.sorted(), "\(word) \(minimum)")
            }
        }
    }

    @Test func severalSegmentsWithADeletion() throws {
        let directory = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let snapshot = try IndexSnapshot.open(directory: directory)
        #expect(snapshot.segments.count == 3 && snapshot.segments.contains { $0.deletions != nil })
        try Self.expectSameDictionaries(snapshot)
    }

    @Test func oneMergedSegment() throws {
        let directory = try Self.makeIndex()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try IndexWriter(directory: directory).optimize()
        let snapshot = try IndexSnapshot.open(directory: directory)
        #expect(snapshot.segments.count == 1)
        try Self.expectSameDictionaries(snapshot)
        try snapshot.segments[0].reader.verify()
    }
}
