/// Writes the document table (`.doc`).
///
/// ```
/// DocumentTable --> VarUInt32 count, UInt64 titleLengthSum, Entry^count
/// Entry --> Id, Source, Hash, VarUInt64 fileSize, VarUInt64 mtime, UInt32 date, Type,
///           Dossiers, Title?, VarUInt32 firstUnit, VarUInt32 unitCount,
///           VarUInt32 titleLength, VarUInt64 storedOffset,
///           VarUInt32 rootLength, Url?                      (rootLength, Url?: version 7)
/// ```
///
/// Strings as in `.sto`. A reader walks the whole table once when a segment opens (every
/// query needs the unit ranges and dates) and decodes a row's strings only when asked
/// (``DocumentTable``).
enum DocumentTableWriter {
    static func write(_ entries: [DocumentEntry], segmentID: SegmentID) -> ByteWriter {
        var writer = ByteWriter()
        IndexFile.writeHeader(kind: .documents, segmentID: segmentID, into: &writer)
        writer.writeVarUInt32(UInt32(entries.count))
        writer.writeInteger(entries.reduce(UInt64(0)) { $0 + UInt64($1.titleLength) }, as: UInt64.self)
        for entry in entries {
            writer.writeString(entry.id)
            writer.writeString(entry.source)
            writer.writeString(entry.contentHash)
            writer.writeVarUInt64(entry.fileSize)
            writer.writeVarUInt64(UInt64(bitPattern: entry.modificationTime))
            writer.writeInteger(entry.date, as: UInt32.self)
            writer.writeString(entry.type)
            writer.writeStrings(entry.dossiers)
            writer.writeOptionalString(entry.title)
            writer.writeVarUInt32(entry.firstUnit)
            writer.writeVarUInt32(entry.unitCount)
            writer.writeVarUInt32(entry.titleLength)
            writer.writeVarUInt64(entry.storedOffset)
            writer.writeVarUInt32(entry.rootLength)
            writer.writeOptionalString(entry.url)
        }
        IndexFile.writeFooter(into: &writer)
        return writer
    }
}
