import Foundation
import Testing
@testable import IndexStore

/// A merge copies postings instead of analysing the text again, so its result must be
/// what indexing the same live documents into one segment gives: every term's postings
/// (renumbered, deleted documents gone), stop-word pairs included (found from the words'
/// positions where a source did not keep them), and the stored records.
@Suite("Segment merger")
struct SegmentMergerTests {
    static func document(_ id: String, title: String?, _ texts: [String]) -> StoredDocument {
        storedDocument(id, title: title, texts)
    }

    /// 300 documents of two passages in which `de` and `minister` are common, so their
    /// segment keeps the pair `de minister`.
    static let common: [StoredDocument] = (0 ..< 300).map { number in
        document("a\(number)", title: number % 3 == 0 ? "Brief van de minister \(number)" : nil, [
            "De minister schrijft de Kamer over de gemeente en het beleid nummer \(number).",
            number % 2 == 0 ? "Van de minister van Financiën, in het kader van de begroting." : "Het is niet zo dat de gemeente betaalt.",
        ])
    }

    /// A few documents where the same pair occurs, too few for their segment to keep it.
    static let rare: [StoredDocument] = (0 ..< 12).map { number in
        document("b\(number)", title: "Nota \(number)", ["Zeldzaam: de minister antwoordt de minister over stikstof \(number)."])
    }

    /// Replacements for some of the common documents: deletions in the first segment.
    static let replacements: [StoredDocument] = [3, 50, 151].map { number in
        document("a\(number)", title: nil, ["Vervangen tekst over de minister en de woningbouw \(number)."])
    }

    @Test func aMergeEqualsIndexingTheLiveDocumentsAtOnce() throws {
        let merged = NSTemporaryDirectory() + "kamerzoek-merge-" + UUID().uuidString
        let fresh = NSTemporaryDirectory() + "kamerzoek-fresh-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: merged)
            try? FileManager.default.removeItem(atPath: fresh)
        }
        let writer = try IndexWriter(directory: merged)
        try writer.add(Self.common)
        try writer.add(Self.rare)
        try writer.add(Self.replacements)
        let before = try IndexSnapshot.open(directory: merged)
        #expect(before.segments.map(\.commit.deletedCount) == [3, 0, 0])
        #expect(try before.segments[0].reader.termInfo(.bodyExact, "de minister") != nil)
        #expect(try before.segments[1].reader.termInfo(.bodyExact, "de minister") == nil)  // found from positions
        try writer.optimize()
        let after = try IndexSnapshot.open(directory: merged)
        #expect(after.segments.count == 1)
        try after.segments[0].reader.verify()

        let live = Self.common.filter { document in !Self.replacements.contains { $0.id == document.id } } + Self.rare + Self.replacements
        try IndexWriter(directory: fresh).add(live)
        let expected = try IndexSnapshot.open(directory: fresh)
        #expect(try expected.segments[0].reader.termInfo(.bodyExact, "de minister") != nil)

        let mergedPostings = try livePostings(after), expectedPostings = try livePostings(expected)
        func names(_ keys: some Sequence<[UInt8]>) -> [String] { keys.map { "\($0[0]):\(String(decoding: $0.dropFirst(), as: UTF8.self))" }.sorted() }
        // Every term of the merge is in the fresh segment. The fresh one also has the pairs
        // that only the documents together made worth keeping (`minister en` occurs in
        // three replaced documents): no source had them, and a merge does not create them.
        #expect(names(Set(mergedPostings.keys).subtracting(expectedPostings.keys)) == [])
        let missing = Set(expectedPostings.keys).subtracting(mergedPostings.keys)
        #expect(names(missing) == ["2:en de", "2:minister en", "2:minister over"])
        for key in missing {
            #expect(StopWordPair.words(ofKey: key) != nil)
            #expect(try before.segments.allSatisfy { try $0.reader.dictionary.lookup(key) == nil })
        }
        #expect(names(expectedPostings.keys.filter { mergedPostings[$0] != nil && mergedPostings[$0] != expectedPostings[$0] }) == [])
        #expect(mergedPostings[TermSpace.bodyExact.key("de minister")]?.filter { $0.document.hasPrefix("b") }.count == 12)
        for document in live {
            #expect(try after.storedDocument(id: document.id) == expected.storedDocument(id: document.id))
        }
        // Dictionary statistics a search relies on: document counts and length bounds.
        let mergedReader = after.segments[0].reader, expectedReader = expected.segments[0].reader
        for term in ["de minister", "minister", "zeldzaam", "gemeente"] {
            let a = try mergedReader.termInfo(.bodyExact, term), b = try expectedReader.termInfo(.bodyExact, term)
            #expect(a?.documentFrequency == b?.documentFrequency, "\(term)")
            #expect(a?.documentCount == b?.documentCount, "\(term)")
            #expect(a?.maximumFrequency == b?.maximumFrequency, "\(term)")
            #expect(a?.minimumLength == b?.minimumLength, "\(term)")
        }
        #expect(mergedReader.passages.count == expectedReader.passages.count)
        #expect(mergedReader.passages.lengthSum == expectedReader.passages.lengthSum)
    }

    /// A merged segment may lack a pair that occurs in it (no source had it), and says so;
    /// merging it again must look for the pair in its positions, not take it for absent.
    @Test func aSecondMergeFindsPairsTheFirstDidNotCreate() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-merge-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try IndexWriter(directory: directory)
        try writer.add(Self.common)
        try writer.add(Self.replacements)  // `minister en`, three times
        #expect(try IndexSnapshot.open(directory: directory).segments.allSatisfy(\.reader.info.keepsEveryPair))
        try writer.optimize()
        let first = try IndexSnapshot.open(directory: directory).segments[0].reader
        #expect(!first.info.keepsEveryPair)
        #expect(try first.termInfo(.bodyExact, "minister en") == nil)
        #expect(try first.termInfo(.bodyExact, "minister")!.documentFrequency >= 256)
        #expect(try first.termInfo(.bodyExact, "en")!.documentFrequency >= 256)

        try writer.add((0 ..< 300).map { number in
            Self.document("c\(number)", title: nil, ["De minister en de staatssecretaris \(number)."])
        })
        try writer.optimize()
        let second = try IndexSnapshot.open(directory: directory)
        let pair = try livePostings(second)[TermSpace.bodyExact.key("minister en")] ?? []
        #expect(pair.count == 303)
        #expect(Set(pair.map(\.document).filter { $0.hasPrefix("a") }) == ["a3", "a50", "a151"])
    }

    /// A merge copies what it reads, so it verifies its sources first: a flipped byte in a
    /// source's postings is refused, and the index stays at the commit before.
    @Test func aDamagedSourceIsRefusedAndTheIndexKept() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-merge-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try IndexWriter(directory: directory)
        try writer.add(Array(Self.common.prefix(20)))
        try writer.add(Self.rare)
        let before = try IndexSnapshot.open(directory: directory)
        let path = directory + "/" + SegmentFile.postings.fileName(segment: before.segments[1].commit.name)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))

        #expect(throws: IndexCorruption.self) { try writer.optimize() }
        let after = try IndexSnapshot.open(directory: directory)
        #expect(after.manifest.generation == before.manifest.generation)
        #expect(after.segments.map(\.commit.name) == before.segments.map(\.commit.name))
    }

    @Test func mergingOnlyDeletedDocumentsLeavesNoSegment() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-merge-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try IndexWriter(directory: directory)
        try writer.add(Array(Self.rare.prefix(2)))
        try writer.add(Array(Self.rare.prefix(2)))  // replaces both: the first segment is all deleted
        try writer.add(Array(Self.rare.suffix(2)))
        try writer.optimize()
        let snapshot = try IndexSnapshot.open(directory: directory)
        #expect(snapshot.segments.count == 1)
        #expect(liveIDs(snapshot) == ["b0", "b1", "b10", "b11"])
    }
}
