import Analysis
import Foundation
import Testing
@testable import IndexStore

/// Damage in every segment file kind, byte by byte: checking finds it as `IndexCorruption`,
/// and reading without checking (what searches do) throws or returns something, but never
/// traps and never reads outside the file.
@Suite("Segment corruption")
struct SegmentCorruptionTests {
    /// The sample letters plus enough one-passage documents that `raad` spans two
    /// postings blocks, so skip entries are damaged too.
    static func documents() -> [StoredDocument] {
        sampleDocuments() + (0 ..< 130).map { index in
            StoredDocument(id: "m\(index)", source: "m\(index).txt", contentHash: "h", title: index % 50 == 0 ? "Motie over de raad" : nil,
                           passages: [StoredPassage(heading: nil, text: index % 2 == 0 ? "de raad en de motie" : "de raad", start: 0, end: 10)])
        }
    }

    final class Damage {
        let directory = TemporaryDirectory()
        let name = "_0"
        let segmentID: SegmentID

        init() throws {
            let (reader, _) = try writeSegment(SegmentCorruptionTests.documents(), in: directory, name: name)
            segmentID = reader.segmentID
            try reader.verify()
        }

        func path(_ kind: SegmentFile) -> String { "\(directory.path)/\(kind.fileName(segment: name))" }

        /// Replaces the file by a new inode (as the writer never does to a live file), so
        /// a reader that still maps the old bytes is never truncated under its feet.
        func replace(_ kind: SegmentFile, with bytes: [UInt8]) throws {
            let temporary = path(kind) + ".new"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path(kind)) == 0 else { throw IndexIOError(path: temporary, operation: "rename", errno: errno) }
        }

        func open() throws -> SegmentReader {
            try SegmentReader(directory: directory.path, name: name, segmentID: segmentID)
        }
    }

    /// Everything a search, a result page or a merge can ask of a segment, unchecked.
    static func readEverything(_ reader: SegmentReader) throws {
        var positions: [UInt32] = []
        var terms: [([UInt8], TermInfo)] = []
        try reader.dictionary.forEachTerm { key, info in terms.append((key, info)) }
        for (key, info) in terms {
            var cursor = try reader.cursor(info)
            var steps = 0
            while cursor.current != PostingsCursor.exhausted, steps < 1000 {
                // What a scorer does with an id: look up its length (and its document).
                if key.first.flatMap(TermSpace.init(rawValue:))?.isTitle == false {
                    _ = reader.passageNorms[Int(cursor.current)]
                    _ = reader.passages.headingLength(Int(cursor.current))
                    _ = reader.documents[try #require(reader.unitRanges.firstIndex { $0.contains(cursor.current) })]
                } else {
                    _ = reader.documents[Int(cursor.current)]
                }
                _ = try cursor.frequency
                _ = try cursor.currentBlockBounds()
                try cursor.positions(into: &positions)
                try cursor.advance()
                steps += 1
            }
            var seeking = try reader.cursor(info)
            for target: UInt32 in [1, 50, 129, 131, 1000] { try seeking.seek(target) }
        }
        for term in ["raad", "motie", "gemeente", "geweld", "zzz"] {
            for space in TermSpace.allCases { _ = try reader.termInfo(space, term) }
        }
        _ = try reader.dictionary.terms(withPrefix: TermSpace.bodyExact.key("g"), limit: 100)
        for ordinal in reader.documents.indices { _ = try reader.storedDocument(ordinal) }
        _ = try reader.spellingLists?.decode()
    }

    @Test(arguments: SegmentWriter.kinds)
    func everyDamagedByteIsFound(kind: SegmentFile) throws {
        let damage = try Damage()
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: damage.path(kind))))
        // About 200 evenly spread bytes and the whole footer, to keep the test to seconds.
        let step = max(1, original.count / 200)
        var unverifiedReads = 0
        let offsets = Set(stride(from: 0, to: original.count, by: step)).union(original.count - FileFooter.byteCount ..< original.count)
        for offset in offsets.sorted() {
            for mask: UInt8 in [0x01, 0xFF] {
                var bytes = original
                bytes[offset] ^= mask
                try damage.replace(kind, with: bytes)
                let error = corruption { try damage.open().verify() }
                if error == nil { Issue.record("\(kind.fileExtension) byte \(offset) ^ \(mask) went unnoticed") }
                // Unchecked, as a searcher opens it: any outcome but a trap.
                do {
                    try Self.readEverything(try damage.open())
                    unverifiedReads += 1
                } catch is IndexCorruption {
                } catch {
                    Issue.record("\(kind.fileExtension) byte \(offset): \(error) instead of IndexCorruption")
                }
            }
        }
        try damage.replace(kind, with: original)
        try damage.open().verify()
        _ = unverifiedReads
    }

    @Test(arguments: SegmentWriter.kinds)
    func truncatedFilesAreFoundOnOpen(kind: SegmentFile) throws {
        let damage = try Damage()
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: damage.path(kind))))
        for length in Set([0, 1, 23, 24, 35, original.count / 2, original.count - 1]) {
            try damage.replace(kind, with: Array(original.prefix(length)))
            _ = corruption { _ = try damage.open() }
        }
    }

    /// Spelling lists with a sound checksum that disagree with the term dictionary (a word
    /// left out) are found by `kamerzoek check`, not only damaged bytes.
    @Test func spellingListsThatDifferFromTheDictionaryAreFound() throws {
        let damage = try Damage()
        let reader = try damage.open()
        var writer = SpellingListsWriter()
        var left = false
        try reader.dictionary.forEachTerm { key, info in
            if !left, key.first == TermSpace.bodyExact.rawValue, key.count > 4, key.dropFirst().allSatisfy({ (0x61 ... 0x7A).contains($0) }) {
                left = true
                return
            }
            writer.add(key: key, documentCount: info.documentCount ?? info.documentFrequency)
        }
        #expect(left)
        try damage.replace(.spellingLists, with: writer.write(segmentID: damage.segmentID).bytes)
        let error = corruption { try damage.open().verify() }
        #expect(error?.file == SegmentFile.spellingLists.fileName(segment: damage.name))
        // Read without the check, the lists are still whole lists.
        #expect(try damage.open().spellingLists?.decode().count == (try reader.spellingLists?.decode().count).map { $0 - 1 })
    }

    @Test func aFileInTheWrongRoleIsRefused() throws {
        let damage = try Damage()
        let postings = [UInt8](try Data(contentsOf: URL(fileURLWithPath: damage.path(.postings))))
        try damage.replace(.positions, with: postings)
        let error = corruption { _ = try damage.open() }
        if case .wrongFileKind? = error?.reason {} else { Issue.record("expected a wrong file kind, got \(String(describing: error))") }
    }
}
