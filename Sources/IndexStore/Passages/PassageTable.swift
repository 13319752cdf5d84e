/// Per retrieval unit (passage): its document, its length in positions (BM25's length
/// normalisation), its heading length (the heading boost) and its text's signature
/// (near-duplicate folding, ``PassageSignature``). The `.len` file:
///
/// ```
/// PassageTable --> VarUInt32 count, UInt64 lengthSum,
///                  UInt32 document^count, UInt32 length^count, UInt32 headingLength^count,
///                  UInt64 signature^count                       (signature: version 8 on)
/// ```
///
/// Fixed-width columns, read from the mapped file where they lie: opening a segment copies
/// none of them (copying columns with a row per passage would be a large part of a
/// one-off `kamerzoek search` on a large index). Scoring reads lengths through the
/// one-byte norms the reader derives at open (``LengthNorm``); the rescoring reads a few
/// heading lengths; the document column is only checked by `verify` (a passage's document
/// follows from the document table's unit ranges).
public struct PassageTable: Sendable {
    private let body: ByteSlice
    /// Where the document column starts in `body`; the length and heading-length columns
    /// follow it, `count` values of four bytes each.
    private let columnStart: Int
    public let count: Int
    public let lengthSum: UInt64
    /// Whether the table has the signature column (``FormatVersion/passagesHaveSignatures``).
    public let hasSignatures: Bool

    static func write(
        documents: [UInt32], lengths: [UInt32], headingLengths: [UInt32], signatures: [UInt64], segmentID: SegmentID
    ) -> ByteWriter {
        precondition(signatures.count == lengths.count, "one signature per passage")
        var writer = ByteWriter(reservingCapacity: lengths.count * 20 + 64)
        IndexFile.writeHeader(kind: .passageLengths, segmentID: segmentID, into: &writer)
        writer.writeVarUInt32(UInt32(lengths.count))
        writer.writeInteger(lengths.reduce(UInt64(0)) { $0 + UInt64($1) }, as: UInt64.self)
        for column in [documents, lengths, headingLengths] {
            for value in column { writer.writeInteger(value, as: UInt32.self) }
        }
        for signature in signatures { writer.writeInteger(signature, as: UInt64.self) }
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    init(_ body: ByteSlice, formatVersion: FormatVersion = .current) throws(IndexCorruption) {
        var reader = ByteReader(body)
        count = Int(try reader.readVarUInt32())
        lengthSum = try reader.readInteger(as: UInt64.self)
        hasSignatures = formatVersion.passagesHaveSignatures
        let rowBytes = hasSignatures ? 20 : 12
        guard count <= reader.remaining / rowBytes else {
            throw body.corruption(at: 0, .implausibleLength(count, limit: reader.remaining / rowBytes))
        }
        self.body = body
        columnStart = reader.position
    }

    /// Passage `passage`'s document, as stored.
    public func document(_ passage: Int) -> UInt32 { value(column: 0, passage) }

    /// Passage `passage`'s length in positions.
    public func length(_ passage: Int) -> UInt32 { value(column: 1, passage) }

    /// How many of passage `passage`'s first positions are its heading.
    public func headingLength(_ passage: Int) -> UInt32 { value(column: 2, passage) }

    /// Passage `passage`'s text signature, or ``PassageSignature/none`` in a segment
    /// written before signatures were.
    public func signature(_ passage: Int) -> UInt64 {
        guard hasSignatures else { return PassageSignature.none }
        precondition(passage >= 0 && passage < count, "passage \(passage) of \(count)")
        return integer(at: columnStart + count * 12 + passage * 8)
    }

    /// Every passage's length as its norm byte, in one pass over the column.
    func norms() -> [UInt8] {
        let start = columnStart + count * 4
        return [UInt8](capacity: count) { norms in
            for index in 0 ..< count { norms.append(LengthNorm.encode(integer(at: start + index * 4, as: UInt32.self))) }
        }
    }

    @inline(__always)
    private func value(column: Int, _ passage: Int) -> UInt32 {
        precondition(passage >= 0 && passage < count, "passage \(passage) of \(count)")
        return integer(at: columnStart + (column * count + passage) * 4)
    }

    /// The column integer at `offset` of the body. The initialiser checked that every
    /// column fits, so a range error here is a bug of this type, not bad input.
    @inline(__always)
    private func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type = T.self) -> T {
        do {
            return try body.integer(at: offset)
        } catch {
            preconditionFailure("passage table column read out of range: \(error)")
        }
    }
}
