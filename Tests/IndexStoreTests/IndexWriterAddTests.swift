import Testing
@testable import IndexStore

@Suite("IndexWriter.add")
struct IndexWriterAddTests {
    @Test func successiveAddsNeverReuseASegmentName() throws {
        let index = TemporaryDirectory()
        do {
            // The first writer (and its lock) goes away at the end of this block.
            let writer = try IndexWriter(directory: index.path)
            try writer.add([StoredDocument(id: "a", source: "a", contentHash: "1", passages: [StoredPassage(heading: nil, text: "eerste", start: 0, end: 6)])])
            try writer.add([StoredDocument(id: "b", source: "b", contentHash: "2", passages: [StoredPassage(heading: nil, text: "tweede", start: 0, end: 6)])])
        }
        let again = try IndexWriter(directory: index.path)
        try again.add([StoredDocument(id: "c", source: "c", contentHash: "3", passages: [StoredPassage(heading: nil, text: "derde", start: 0, end: 5)])])
        let snapshot = try IndexSnapshot.open(directory: index.path)
        #expect(Set(snapshot.segments.map(\.commit.name)).count == snapshot.segments.count)
        #expect(snapshot.documentCount == 3)
        for id in ["a", "b", "c"] { #expect(try snapshot.storedDocument(id: id) != nil) }
        for segment in snapshot.segments { try segment.reader.verify() }
    }

    @Test func addReplacesADocumentWithTheSameID() throws {
        let index = TemporaryDirectory()
        let writer = try IndexWriter(directory: index.path)
        try writer.add([StoredDocument(id: "a", source: "a", contentHash: "1", passages: [StoredPassage(heading: nil, text: "oud", start: 0, end: 3)])])
        try writer.add([StoredDocument(id: "a", source: "a", contentHash: "2", passages: [StoredPassage(heading: nil, text: "nieuw", start: 0, end: 5)])])
        let snapshot = try IndexSnapshot.open(directory: index.path)
        #expect(snapshot.documentCount == 1)
        #expect(try snapshot.storedDocument(id: "a")?.passages.first?.text == "nieuw")
    }
}
