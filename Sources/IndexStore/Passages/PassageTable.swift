/// Per retrieval unit (passage): its document, its length in positions (BM25's length
/// normalisation) and its heading length (the heading boost). The `.len` file:
///
/// ```
/// PassageTable --> VarUInt32 count, UInt64 lengthSum,
///                  UInt32 document^count, UInt32 length^count, UInt32 headingLength^count
/// ```
///
/// Fixed-width columns, read into arrays when a segment opens: scoring looks a length up
/// for every candidate, and an array index is the cheapest lookup there is.
public struct PassageTable: Sendable {
    public let documents: [UInt32]
    public let lengths: [UInt32]
    public let headingLengths: [UInt32]
    public let lengthSum: UInt64

    public var count: Int { lengths.count }

    static func write(documents: [UInt32], lengths: [UInt32], headingLengths: [UInt32], segmentID: SegmentID) -> ByteWriter {
        var writer = ByteWriter(reservingCapacity: lengths.count * 12 + 64)
        IndexFile.writeHeader(kind: .passageLengths, segmentID: segmentID, into: &writer)
        writer.writeVarUInt32(UInt32(lengths.count))
        writer.writeInteger(lengths.reduce(UInt64(0)) { $0 + UInt64($1) }, as: UInt64.self)
        for column in [documents, lengths, headingLengths] {
            for value in column { writer.writeInteger(value, as: UInt32.self) }
        }
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    static func read(_ body: ByteSlice, documentCount: Int) throws(IndexCorruption) -> PassageTable {
        var reader = ByteReader(body)
        let count = Int(try reader.readVarUInt32())
        let lengthSum = try reader.readInteger(as: UInt64.self)
        guard count <= reader.remaining / 12 else {
            throw body.corruption(at: 0, .implausibleLength(count, limit: reader.remaining / 12))
        }
        var columns: [[UInt32]] = []
        for _ in 0 ..< 3 {
            var column: [UInt32] = []
            column.reserveCapacity(count)
            for _ in 0 ..< count { column.append(try reader.readInteger(as: UInt32.self)) }
            columns.append(column)
        }
        guard columns[0].allSatisfy({ Int($0) < documentCount }) else {
            throw body.corruption(at: 0, .invariantViolated("a passage belongs to a document beyond the \(documentCount) of the segment"))
        }
        return PassageTable(documents: columns[0], lengths: columns[1], headingLengths: columns[2], lengthSum: lengthSum)
    }
}
