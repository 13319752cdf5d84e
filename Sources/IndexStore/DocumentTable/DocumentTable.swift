/// The document table (`.doc`) of an open segment: the columns every query reads (unit
/// ranges, dates, title lengths) decoded into arrays when the segment opens, each row's
/// strings (id, source, title, type, dossiers) decoded from the mapped file when asked.
///
/// Decoding every row at open would cost several string allocations per document before
/// the first answer (and as many releases at exit), for a search that shows ten of them.
/// Opening still walks every row once, checking what the lookups rely on (every length in
/// bounds, units numbered document after document), so that decoding a row later cannot
/// fail.
public struct DocumentTable: RandomAccessCollection, Sendable {
    private let body: ByteSlice
    /// Where each row starts in `body`.
    private let rowStarts: [UInt32]
    /// Per document, its retrieval units' ids.
    public let unitRanges: [Range<UInt32>]
    /// Per document, its date (yyyymmdd, 0 when unknown).
    public let dates: [UInt32]
    /// Per document, its title's length in terms.
    public let titleLengths: [UInt32]
    public let titleLengthSum: UInt64
    /// Rows carry the root length and URL (``FormatVersion/documentRowsHaveLocations``).
    private let hasLocations: Bool

    public var startIndex: Int { 0 }
    public var endIndex: Int { rowStarts.count }

    /// The row of document `ordinal`, strings included.
    public subscript(ordinal: Int) -> DocumentEntry {
        var reader = ByteReader(body, position: Int(rowStarts[ordinal]))
        do {
            return try Self.readRow(&reader, withStrings: true, hasLocations: hasLocations)
        } catch {
            // Opening read this row with the same code and found it whole; the bytes are
            // an immutable mapping.
            preconditionFailure("document row \(ordinal) was checked when the segment opened: \(error)")
        }
    }

    /// Walks the table once, checking every row and keeping the columns.
    init(_ body: ByteSlice, unitCount: Int, formatVersion: FormatVersion = .current) throws(IndexCorruption) {
        let hasLocations = formatVersion.documentRowsHaveLocations
        var reader = ByteReader(body)
        let count = try reader.readCount()
        titleLengthSum = try reader.readInteger(as: UInt64.self)
        var rowStarts: [UInt32] = [], unitRanges: [Range<UInt32>] = [], dates: [UInt32] = [], titleLengths: [UInt32] = []
        rowStarts.reserveCapacity(count)
        unitRanges.reserveCapacity(count)
        dates.reserveCapacity(count)
        titleLengths.reserveCapacity(count)
        var expectedFirstUnit: UInt32 = 0
        for _ in 0 ..< count {
            let start = reader.position
            guard start <= UInt32.max else { throw body.corruption(at: start, .implausibleLength(start, limit: Int(UInt32.max))) }
            let entry = try Self.readRow(&reader, withStrings: false, hasLocations: hasLocations)
            // Units are numbered document after document; anything else is damage.
            guard entry.firstUnit == expectedFirstUnit, UInt64(entry.firstUnit) + UInt64(entry.unitCount) <= UInt64(unitCount) else {
                throw body.corruption(at: start, .invariantViolated("document \(rowStarts.count) claims units \(entry.firstUnit)+\(entry.unitCount) of \(unitCount)"))
            }
            expectedFirstUnit = entry.firstUnit + entry.unitCount
            rowStarts.append(UInt32(start))
            unitRanges.append(entry.firstUnit ..< expectedFirstUnit)
            dates.append(entry.date)
            titleLengths.append(entry.titleLength)
        }
        guard Int(expectedFirstUnit) == unitCount else {
            throw body.corruption(at: 0, .invariantViolated("documents cover \(expectedFirstUnit) units, the segment has \(unitCount)"))
        }
        self.body = body
        self.hasLocations = hasLocations
        self.rowStarts = rowStarts
        self.unitRanges = unitRanges
        self.dates = dates
        self.titleLengths = titleLengths
    }

    /// One row as ``DocumentTableWriter`` lays it out. Without `withStrings` every string
    /// is checked and skipped (left empty): the walk at open allocates nothing per row.
    private static func readRow(_ reader: inout ByteReader, withStrings: Bool, hasLocations: Bool) throws(IndexCorruption) -> DocumentEntry {
        func string() throws(IndexCorruption) -> String {
            let bytes = try reader.readLengthPrefixedSlice(maximumCount: StoredDocument.maximumStringLength)
            return withStrings ? bytes.decodedString() : ""
        }
        let id = try string()
        let sourceBytes = try reader.readLengthPrefixedSlice(maximumCount: StoredDocument.maximumStringLength)
        let source = withStrings ? sourceBytes.decodedString() : ""
        let contentHash = try string()
        let fileSize = try reader.readVarUInt64()
        let modificationTime = Int64(bitPattern: try reader.readVarUInt64())
        let date = try reader.readInteger(as: UInt32.self)
        let type = try string()
        var dossiers: [String] = []
        for _ in 0 ..< (try reader.readCount()) {
            let dossier = try string()
            if withStrings { dossiers.append(dossier) }
        }
        func optionalString() throws(IndexCorruption) -> String? {
            let flagAt = reader.position
            switch try reader.readByte() {
            case 0: return nil
            case 1: return try string()
            case let flag: throw reader.slice.corruption(at: flagAt, .invariantViolated("optional-string flag \(flag) is neither 0 nor 1"))
            }
        }
        let title = try optionalString()
        var entry = DocumentEntry(
            id: id, source: source, contentHash: contentHash, fileSize: fileSize, modificationTime: modificationTime,
            date: date, type: type, dossiers: dossiers, title: title,
            firstUnit: try reader.readVarUInt32(), unitCount: try reader.readVarUInt32(),
            titleLength: try reader.readVarUInt32(), storedOffset: try reader.readVarUInt64())
        if hasLocations {
            let at = reader.position
            entry.rootLength = try reader.readVarUInt32()
            entry.url = try optionalString()
            guard entry.rootLength <= sourceBytes.count else {
                throw reader.slice.corruption(at: at, .implausibleLength(Int(entry.rootLength), limit: sourceBytes.count))
            }
        }
        return entry
    }
}
