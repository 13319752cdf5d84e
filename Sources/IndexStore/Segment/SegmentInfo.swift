import Analysis

/// The `.seg` file: a segment's counts and the analyzer that made its terms.
///
/// ```
/// SegmentInfo --> VarUInt32 documentCount, VarUInt32 unitCount, VarUInt32 termCount,
///                 AnalyzerAlgorithm, AnalyzerLibrary, AnalyzerFingerprint, VarUInt32 rulesVersion
/// ```
public struct SegmentInfo: Sendable, Equatable {
    public var documentCount: Int
    public var unitCount: Int
    public var termCount: Int
    public var analyzer: AnalyzerIdentity

    func write(segmentID: SegmentID) -> ByteWriter {
        var writer = ByteWriter()
        IndexFile.writeHeader(kind: .segmentInfo, segmentID: segmentID, into: &writer)
        writer.writeVarUInt32(UInt32(documentCount))
        writer.writeVarUInt32(UInt32(unitCount))
        writer.writeVarUInt32(UInt32(termCount))
        writer.writeString(analyzer.algorithm)
        writer.writeString(analyzer.library)
        writer.writeString(analyzer.stemmerFingerprint)
        writer.writeVarUInt32(UInt32(analyzer.rulesVersion))
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    static func read(_ body: ByteSlice) throws(IndexCorruption) -> SegmentInfo {
        var reader = ByteReader(body)
        let documentCount = Int(try reader.readVarUInt32())
        let unitCount = Int(try reader.readVarUInt32())
        let termCount = Int(try reader.readVarUInt32())
        let analyzer = AnalyzerIdentity(
            algorithm: try reader.readString(), library: try reader.readString(),
            stemmerFingerprint: try reader.readString(), rulesVersion: Int(try reader.readVarUInt32()))
        return SegmentInfo(documentCount: documentCount, unitCount: unitCount, termCount: termCount, analyzer: analyzer)
    }
}
