import Analysis
import Foundation
import Testing
@testable import IndexStore

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "kamerzoek-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func sampleDocuments() -> [StoredDocument] {
    [
        StoredDocument(
            id: "kst-28345-252", source: "Corpus/a.txt", fileSize: 100, modificationTime: 42, contentHash: "aa",
            title: "Voortgangsbrief huiselijk geweld", date: "2021-06-30", type: "brief", dossiers: ["28345"],
            documentNumber: "252", authors: ["De Minister"],
            passages: [
                StoredPassage(heading: "Inleiding", text: "Huiselijk geweld en kindermishandeling in gemeenten.", start: 0, end: 52),
                StoredPassage(heading: nil, text: "De gemeente en de gemeentes werken samen: geweld, geweld, geweld.", start: 54, end: 120),
            ],
            notes: [StoredNote(label: "1", text: "Kamerstukken II, 2020-2021, 28345, nr. 250.")],
            warnings: ["a warning"]),
        StoredDocument(
            id: "antwoorden", source: "Corpus/b.txt", contentHash: "bb", title: nil, date: nil, type: "antwoord",
            passages: [StoredPassage(heading: "Vraag 1", text: "Bent u bekend met het wiskunde-onderwijs?", start: 0, end: 41)]),
    ]
}

func writeSegment(_ documents: [StoredDocument], in directory: TemporaryDirectory, name: String = "_0") throws -> (SegmentReader, SegmentInfo) {
    let analyzer = try Analyzer()
    var segment = SegmentInverter()
    for document in documents { try segment.add(document, analyzer: analyzer) }
    let segmentID = SegmentID.random()
    let info = try SegmentWriter.write(segment, name: name, segmentID: segmentID, analyzer: analyzer.identity, to: directory.path)
    return (try SegmentReader(directory: directory.path, name: name, segmentID: segmentID), info)
}

func postings(_ reader: SegmentReader, _ space: TermSpace, _ term: String) throws -> [(id: UInt32, frequency: UInt32, positions: [UInt32])] {
    guard let info = try reader.termInfo(space, term) else { return [] }
    var cursor = try reader.cursor(info)
    var result: [(UInt32, UInt32, [UInt32])] = []
    var positions: [UInt32] = []
    while cursor.current != PostingsCursor.exhausted {
        try cursor.positions(into: &positions)
        result.append((cursor.current, try cursor.frequency, positions))
        try cursor.advance()
    }
    return result
}

@Suite("Segment round trip")
struct SegmentRoundTripTests {
    @Test func everythingWrittenReadsBack() throws {
        let directory = TemporaryDirectory()
        let (reader, info) = try writeSegment(sampleDocuments(), in: directory)
        #expect(info.documentCount == 2)
        // Units: two passages and a note for the first document, one passage for the second.
        #expect(info.unitCount == 4)
        #expect(reader.info == info)
        #expect(reader.documents.map(\.id) == ["kst-28345-252", "antwoorden"])
        #expect(reader.documents[0].date == 20210630)
        #expect(reader.documents[1].date == 0)
        #expect(reader.documents.map(\.firstUnit) == [0, 3])
        #expect(reader.documents.map(\.unitCount) == [3, 1])
        #expect((0 ..< reader.passages.count).map(reader.passages.document) == [0, 0, 0, 1])
        #expect(reader.documents[0].dossiers == ["28345"])
        #expect(try reader.storedDocument(0) == sampleDocuments()[0])
        #expect(try reader.storedDocument(1) == sampleDocuments()[1])
    }

    @Test func postingsFrequenciesAndPositions() throws {
        let directory = TemporaryDirectory()
        let (reader, _) = try writeSegment(sampleDocuments(), in: directory)
        // "Inleiding" (heading, position 0), gap, then the text from position 2.
        let huiselijk = try postings(reader, .bodyExact, "huiselijk")
        #expect(huiselijk.map(\.id) == [0])
        #expect(huiselijk[0].positions == [2])
        #expect(reader.passages.headingLength(0) == 1)
        // "geweld" three times in passage 1 and once in passage 0.
        let geweld = try postings(reader, .bodyStem, "geweld")
        #expect(geweld.map(\.id) == [0, 1])
        #expect(geweld.map(\.frequency) == [1, 3])
        // gemeente, gemeentes and gemeenten share a stem, not an exact form.
        #expect(try postings(reader, .bodyStem, "gemeent").map(\.id) == [0, 1])
        #expect(try postings(reader, .bodyStem, "gemeent")[1].frequency == 2)
        #expect(try postings(reader, .bodyExact, "gemeentes").map(\.id) == [1])
        // Title terms point at documents.
        #expect(try postings(reader, .titleStem, "geweld").map(\.id) == [0])
        #expect(try postings(reader, .titleExact, "voortgangsbrief")[0].positions == [0])
        // The footnote is searchable as its own unit (2), and hyphen compounds carry both forms.
        #expect(try postings(reader, .bodyExact, "28345").map(\.id) == [2])
        #expect(try postings(reader, .bodyExact, "wiskundeonderwijs").map(\.id) == [3])
        #expect(try postings(reader, .bodyExact, "onderwijs").map(\.id) == [3])
        #expect(try reader.termInfo(.bodyExact, "afwezig") == nil)
        #expect(try reader.termInfo(.bodyStem, "huiselijk") != nil)
        try reader.verify()
    }

    @Test func prefixEnumeration() throws {
        let directory = TemporaryDirectory()
        let (reader, _) = try writeSegment(sampleDocuments(), in: directory)
        let (terms, truncated) = try reader.dictionary.terms(withPrefix: TermSpace.bodyExact.key("gemeente"), limit: 10)
        #expect(terms.map { String(decoding: $0.key.dropFirst(), as: UTF8.self) } == ["gemeente", "gemeenten", "gemeentes"])
        #expect(!truncated)
        let limited = try reader.dictionary.terms(withPrefix: TermSpace.bodyExact.key("ge"), limit: 2)
        #expect(limited.terms.count == 2 && limited.truncated)
    }

    /// Long lists exercise full blocks, skip entries and seeking across blocks.
    @Test func longPostingListsSeekThroughSkipData() throws {
        let directory = TemporaryDirectory()
        var documents: [StoredDocument] = []
        for index in 0 ..< 700 {
            let text = index % 3 == 0 ? "gemeente gemeente raad \(index)" : "raad motie \(index)"
            documents.append(StoredDocument(id: "d\(index)", source: "d\(index).txt", contentHash: "\(index)", passages: [StoredPassage(heading: nil, text: text, start: 0, end: 10)]))
        }
        let (reader, _) = try writeSegment(documents, in: directory)
        let raad = try postings(reader, .bodyExact, "raad")
        #expect(raad.map(\.id) == (0 ..< 700).map(UInt32.init))
        let gemeente = try postings(reader, .bodyExact, "gemeente")
        #expect(gemeente.map(\.id) == stride(from: 0, to: 700, by: 3).map(UInt32.init))
        #expect(gemeente.allSatisfy { $0.frequency == 2 && $0.positions == [0, 1] })

        var cursor = try reader.cursor(try #require(try reader.termInfo(.bodyExact, "raad")))
        #expect(try cursor.seek(5) == 5)
        #expect(try cursor.seek(300) == 300)
        var positions: [UInt32] = []
        try cursor.positions(into: &positions)
        #expect(positions == [2])  // "gemeente gemeente raad 300"
        #expect(try cursor.seek(299) == 300)
        #expect(try cursor.advance() == 301)
        #expect(try cursor.seek(699) == 699)
        #expect(try cursor.advance() == PostingsCursor.exhausted)
        #expect(try cursor.seek(3) == PostingsCursor.exhausted)

        var sparse = try reader.cursor(try #require(try reader.termInfo(.bodyExact, "gemeente")))
        #expect(try sparse.seek(400) == 402)
        try sparse.positions(into: &positions)
        #expect(positions == [0, 1])
        #expect(try sparse.seek(698) == 699)
        #expect(try sparse.advance() == PostingsCursor.exhausted)
        try reader.verify()
    }
}
