import Analysis

/// The `.seg` file: a segment's counts and the analyzer that made its terms.
///
/// ```
/// SegmentInfo --> VarUInt32 documentCount, VarUInt32 unitCount, VarUInt32 termCount,
///                 AnalyzerAlgorithm, AnalyzerLibrary, AnalyzerFingerprint, VarUInt32 rulesVersion,
///                 UInt8 flags                                  (version 4 on)
/// flags       --> bit 0: every stop-word pair is kept (SegmentInfo.keepsEveryPair)
/// ```
public struct SegmentInfo: Sendable, Equatable {
    public var documentCount: Int
    public var unitCount: Int
    public var termCount: Int
    public var analyzer: AnalyzerIdentity
    /// Whether the segment holds every stop-word pair that occurs in it with both words in
    /// at least ``StopWordPair/minimumWordFrequency`` of its passages: true for a flushed
    /// segment (and for every version 2 and 3 segment, all of which were written by
    /// flushes), false for a merged one, which does not create pairs its sources lacked. A
    /// later merge may take a missing pair for an absent one only when this holds.
    public var keepsEveryPair = true

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
        writer.writeByte(keepsEveryPair ? 1 : 0)
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    static func read(_ body: ByteSlice, formatVersion: FormatVersion = .current) throws(IndexCorruption) -> SegmentInfo {
        var reader = ByteReader(body)
        let documentCount = Int(try reader.readVarUInt32())
        let unitCount = Int(try reader.readVarUInt32())
        let termCount = Int(try reader.readVarUInt32())
        let analyzer = AnalyzerIdentity(
            algorithm: try reader.readString(), library: try reader.readString(),
            stemmerFingerprint: try reader.readString(), rulesVersion: Int(try reader.readVarUInt32()))
        var info = SegmentInfo(documentCount: documentCount, unitCount: unitCount, termCount: termCount, analyzer: analyzer)
        if formatVersion.segmentInfoHasFlags {
            let flags = try reader.readByte()
            guard flags <= 1 else { throw body.corruption(at: reader.position - 1, .invariantViolated("unknown segment flags \(flags)")) }
            info.keepsEveryPair = flags & 1 != 0
        } else {
            info.keepsEveryPair = formatVersion.hasStopWordPairs
        }
        return info
    }
}
