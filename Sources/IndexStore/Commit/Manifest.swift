import Analysis

/// A commit point: which segments (with which deletions) make up the index at one
/// generation. Written once as `segments_N`, never modified; the highest N is the index.
///
/// ```
/// Manifest --> Header, VarUInt64 generation, VarUInt64 nextSegmentNumber,
///              Algorithm, Library, Fingerprint, VarUInt32 rulesVersion,
///              VarUInt64 commitTime, VarUInt32 segmentCount, SegmentCommit^segmentCount, Footer
/// SegmentCommit --> Name, SegmentID, VarUInt32 documentCount, VarUInt32 unitCount,
///                   VarUInt32 deletionGeneration, VarUInt32 deletedCount
/// ```
public struct Manifest: Sendable, Equatable {
    public var generation: UInt64
    /// Segment names are `_` + this number in base 36. A name a commit has referenced is
    /// never used again, so an old snapshot's names always mean its own segments. (Names
    /// a crashed writer used before committing can come again: the next writer starts from
    /// the committed counter and writes those files whole before any manifest names them.)
    public var nextSegmentNumber: UInt64
    public var analyzer: AnalyzerIdentity
    /// Nanoseconds since 1970.
    public var commitTime: UInt64
    public var segments: [SegmentCommit]

    public init(generation: UInt64, nextSegmentNumber: UInt64, analyzer: AnalyzerIdentity, commitTime: UInt64, segments: [SegmentCommit]) {
        self.generation = generation
        self.nextSegmentNumber = nextSegmentNumber
        self.analyzer = analyzer
        self.commitTime = commitTime
        self.segments = segments
    }

    public var documentCount: Int { segments.reduce(0) { $0 + $1.documentCount - $1.deletedCount } }

    /// Every file this commit needs, by name (segments, their current deletions).
    public var fileNames: Set<String> {
        var names = Set<String>()
        for segment in segments {
            for kind in SegmentWriter.kinds { names.insert(kind.fileName(segment: segment.name)) }
            if segment.deletionGeneration > 0 {
                names.insert(SegmentFile.deletions.fileName(segment: segment.name, generation: segment.deletionGeneration))
            }
        }
        return names
    }

    func encode() -> ByteWriter {
        var writer = ByteWriter()
        IndexFile.writeHeader(kind: .manifest, segmentID: SegmentID(low: 0, high: 0), into: &writer)
        writer.writeVarUInt64(generation)
        writer.writeVarUInt64(nextSegmentNumber)
        writer.writeString(analyzer.algorithm)
        writer.writeString(analyzer.library)
        writer.writeString(analyzer.stemmerFingerprint)
        writer.writeVarUInt32(UInt32(analyzer.rulesVersion))
        writer.writeVarUInt64(commitTime)
        writer.writeVarUInt32(UInt32(segments.count))
        for segment in segments {
            writer.writeString(segment.name)
            segment.segmentID.write(into: &writer)
            writer.writeVarUInt32(UInt32(segment.documentCount))
            writer.writeVarUInt32(UInt32(segment.unitCount))
            writer.writeVarUInt32(UInt32(segment.deletionGeneration))
            writer.writeVarUInt32(UInt32(segment.deletedCount))
        }
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    static func decode(_ file: ByteSlice) throws(IndexCorruption) -> Manifest {
        let body = try IndexFile.verify(file, kind: .manifest, segmentID: SegmentID(low: 0, high: 0))
        var reader = ByteReader(body)
        let generation = try reader.readVarUInt64()
        let next = try reader.readVarUInt64()
        let analyzer = AnalyzerIdentity(
            algorithm: try reader.readString(), library: try reader.readString(),
            stemmerFingerprint: try reader.readString(), rulesVersion: Int(try reader.readVarUInt32()))
        let time = try reader.readVarUInt64()
        let count = try reader.readCount()
        var segments: [SegmentCommit] = []
        for _ in 0 ..< count {
            let start = reader.position
            let name = try reader.readString()
            let id = try SegmentID.read(from: body, at: reader.position)
            try reader.skip(SegmentID.byteCount)
            let segment = SegmentCommit(
                name: name, segmentID: id, documentCount: Int(try reader.readVarUInt32()), unitCount: Int(try reader.readVarUInt32()),
                deletionGeneration: Int(try reader.readVarUInt32()), deletedCount: Int(try reader.readVarUInt32()))
            guard segment.deletedCount <= segment.documentCount, SegmentCommit.isValidName(name) else {
                throw body.corruption(at: start, .invariantViolated("segment entry \(segments.count) is inconsistent"))
            }
            segments.append(segment)
        }
        return Manifest(generation: generation, nextSegmentNumber: next, analyzer: analyzer, commitTime: time, segments: segments)
    }
}

/// One segment as a commit sees it.
public struct SegmentCommit: Sendable, Equatable {
    public var name: String
    public var segmentID: SegmentID
    public var documentCount: Int
    public var unitCount: Int
    /// 0 when nothing is deleted; otherwise the generation of `name_G.del`.
    public var deletionGeneration: Int
    public var deletedCount: Int

    /// `_` and base-36 digits: a name that cannot walk out of the index directory.
    static func isValidName(_ name: String) -> Bool {
        name.utf8.count >= 2 && name.utf8.count <= 16 && name.utf8.first == UInt8(ascii: "_")
            && name.utf8.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    static func name(number: UInt64) -> String { "_" + String(number, radix: 36) }
}
