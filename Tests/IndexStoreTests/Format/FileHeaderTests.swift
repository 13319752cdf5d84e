import Foundation
import Testing
@testable import IndexStore

@Suite struct FileHeaderTests {
    @Test func roundTrip() throws {
        let id = SegmentID.random()
        for kind in SegmentFile.allCases {
            var writer = ByteWriter()
            FileHeader(kind: kind, segmentID: id).write(into: &writer)
            #expect(writer.count == FileHeader.byteCount)
            let header = try FileHeader.read(from: slice(writer.bytes), expecting: kind)
            #expect(header == FileHeader(kind: kind, segmentID: id, formatVersion: FormatVersion.current))
        }
    }

    @Test func segmentIDsAreRandomAndPrintAsFileBytes() {
        #expect(SegmentID.random() != SegmentID.random())
        var random = SeededGenerator(seed: 1)
        let id = SegmentID.random(using: &random)
        var writer = ByteWriter()
        FileHeader(kind: .postings, segmentID: id).write(into: &writer)
        #expect(hex(Array(writer.bytes[8..<24])).replacingOccurrences(of: " ", with: "").lowercased() == id.description)
    }
}
