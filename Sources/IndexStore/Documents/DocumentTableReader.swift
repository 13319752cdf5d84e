/// Reads the document table (`.doc`) whole, checking what later lookups rely on.
enum DocumentTableReader {
    static func read(_ body: ByteSlice, unitCount: Int) throws(IndexCorruption) -> (entries: [DocumentEntry], titleLengthSum: UInt64) {
        var reader = ByteReader(body)
        let count = try reader.readCount()
        let titleLengthSum = try reader.readInteger(as: UInt64.self)
        var entries: [DocumentEntry] = []
        entries.reserveCapacity(count)
        var expectedFirstUnit: UInt32 = 0
        for _ in 0 ..< count {
            let start = reader.position
            let entry = DocumentEntry(
                id: try reader.readString(), source: try reader.readString(), contentHash: try reader.readString(),
                fileSize: try reader.readVarUInt64(), modificationTime: Int64(bitPattern: try reader.readVarUInt64()),
                date: try reader.readInteger(as: UInt32.self), type: try reader.readString(),
                dossiers: try reader.readStrings(), title: try reader.readOptionalString(),
                firstUnit: try reader.readVarUInt32(), unitCount: try reader.readVarUInt32(),
                titleLength: try reader.readVarUInt32(), storedOffset: try reader.readVarUInt64())
            // Units are numbered document after document; anything else is damage.
            guard entry.firstUnit == expectedFirstUnit, UInt64(entry.firstUnit) + UInt64(entry.unitCount) <= UInt64(unitCount) else {
                throw body.corruption(at: start, .invariantViolated("document \(entries.count) claims units \(entry.firstUnit)+\(entry.unitCount) of \(unitCount)"))
            }
            expectedFirstUnit = entry.firstUnit + entry.unitCount
            entries.append(entry)
        }
        guard Int(expectedFirstUnit) == unitCount else {
            throw body.corruption(at: 0, .invariantViolated("documents cover \(expectedFirstUnit) units, the segment has \(unitCount)"))
        }
        return (entries, titleLengthSum)
    }
}
