import Analysis

/// One open segment: its small structures decoded into memory, its large ones (postings,
/// positions, stored records) memory-mapped and read on demand.
///
/// Immutable after opening and safe to share between threads; every cursor it hands out
/// keeps the mapped files alive (``MappedFile``), so a segment retired by a merge stays
/// readable by searches that still hold it.
public final class SegmentReader: Sendable {
    public let name: String
    public let segmentID: SegmentID
    public let info: SegmentInfo
    /// Per document: its retrieval units' ids, and its date (yyyymmdd, 0 when unknown).
    /// Plain arrays beside ``documents``: reading a field of a `DocumentEntry` in a loop
    /// copies the entry and retains each of its strings.
    public let unitRanges: [Range<UInt32>]
    public let dates: [UInt32]
    /// The format version the segment was written in (its files share one).
    /// What its bytes hold (``FormatVersion``'s features).
    public let formatVersion: FormatVersion
    public let documents: DocumentTable
    public let passages: PassageTable
    public let titleLengthSum: UInt64
    /// Per document, the title's length: the BM25 lengths of the title spaces.
    public let titleLengths: [UInt32]
    /// Passage and title lengths as scoring reads them, a byte each (``LengthNorm``).
    public let passageNorms: [UInt8]
    public let titleNorms: [UInt8]
    public let dictionary: TermDictionaryReader
    /// The words "did you mean" suggests from (format 9 on); nil in older segments, whose
    /// words are gathered from ``dictionary``.
    public let spellingLists: SpellingLists?
    private let postings: ByteSlice
    private let positions: ByteSlice
    private let stored: ByteSlice
    private let files: [SegmentFile: ByteSlice]

    /// Opens segment `name` in `directory`, checking every header and footer (not the
    /// checksums: ``verify()`` reads every byte and is for `kamerzoek check`).
    public init(directory: String, name: String, segmentID: SegmentID) throws {
        self.name = name
        self.segmentID = segmentID
        var files: [SegmentFile: ByteSlice] = [:]
        var bodies: [SegmentFile: ByteSlice] = [:]
        func open(_ kind: SegmentFile) throws {
            let file = try MappedFile(path: "\(directory)/\(kind.fileName(segment: name))").bytes
            files[kind] = file
            bodies[kind] = try IndexFile.open(file, kind: kind, segmentID: segmentID)
        }
        try open(.segmentInfo)
        let formatVersion = try FileHeader.read(from: files[.segmentInfo]!, expecting: .segmentInfo).formatVersion
        for kind in SegmentWriter.kinds(of: formatVersion) where kind != .segmentInfo { try open(kind) }
        self.files = files
        self.formatVersion = formatVersion
        info = try SegmentInfo.read(bodies[.segmentInfo]!, formatVersion: formatVersion)
        let table = try DocumentTable(bodies[.documents]!, unitCount: info.unitCount, formatVersion: formatVersion)
        guard table.count == info.documentCount else {
            throw bodies[.documents]!.corruption(at: 0, .invariantViolated("\(table.count) documents, the segment info says \(info.documentCount)"))
        }
        documents = table
        unitRanges = table.unitRanges
        dates = table.dates
        titleLengthSum = table.titleLengthSum
        titleLengths = table.titleLengths
        titleNorms = LengthNorm.encode(titleLengths)
        passages = try PassageTable(bodies[.passageLengths]!, formatVersion: formatVersion)
        guard passages.count == info.unitCount else {
            throw bodies[.passageLengths]!.corruption(at: 0, .invariantViolated("\(passages.count) passages, the segment info says \(info.unitCount)"))
        }
        passageNorms = passages.norms()
        dictionary = try TermDictionaryReader(
            index: bodies[.termIndex]!, dictionary: bodies[.termDictionary]!, unitCount: info.unitCount, documentCount: info.documentCount,
            formatVersion: formatVersion)
        spellingLists = bodies[.spellingLists].map(SpellingLists.init)
        postings = bodies[.postings]!
        positions = bodies[.positions]!
        stored = bodies[.storedFields]!
    }

    public func termInfo(_ space: TermSpace, _ term: String) throws(IndexCorruption) -> TermInfo? {
        try dictionary.lookup(space.key(term))
    }

    public func cursor(_ info: TermInfo) throws(IndexCorruption) -> PostingsCursor {
        try PostingsCursor(postings: postings, positions: positions, info: info, formatVersion: formatVersion)
    }

    /// The stored record of document `ordinal` (decompressed on each call).
    public func storedDocument(_ ordinal: Int) throws(IndexCorruption) -> StoredDocument {
        precondition(documents.indices.contains(ordinal), "document ordinal out of range")
        return try StoredFields.read(stored, entry: documents[ordinal], formatVersion: formatVersion)
    }

    /// Drops the pages of the segment's files from this process's resident memory (a merge
    /// that has read past them); see ``MappedFile/releaseResidentPages()``.
    func releaseResidentPages() {
        for file in files.values { file.file.releaseResidentPages() }
    }

    /// The compressed stored record of document `ordinal`, as it lies in the file.
    func rawStoredRecord(_ ordinal: Int) throws(IndexCorruption) -> ByteSlice {
        try StoredFields.rawRecord(stored, entry: documents[ordinal])
    }

    /// Appends record `ordinal` compressed as the current format stores it: copied as it
    /// lies when this segment uses the same codec, recompressed when it is older (zlib).
    func writeStoredRecord(_ ordinal: Int, into writer: inout ByteWriter) throws(IndexCorruption) {
        let raw = try rawStoredRecord(ordinal)
        guard !formatVersion.storedRecordsUseZstd else {
            writer.writeBytes(raw)
            return
        }
        var reader = ByteReader(raw)
        let record = try Deflate.readBlock(from: &reader, maximumUncompressedCount: StoredFields.maximumRecordLength)
        Zstd.writeBlock(record.copyBytes(), into: &writer)
    }

    /// Recomputes the checksum of every file of the segment (not the deeper invariants of
    /// ``verify()``): what a searcher runs before trusting a segment, so that a flipped
    /// byte is refused with a clear error instead of turning into wrong results.
    public func verifyChecksums() throws(IndexCorruption) {
        for (kind, file) in files.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            _ = try IndexFile.verify(file, kind: kind, segmentID: segmentID)
        }
    }

    /// Recomputes every file's checksum and decodes every structure once: what
    /// `kamerzoek check` runs. Throws the first damage found.
    public func verify() throws(IndexCorruption) {
        try verifyChecksums()
        var positionsBuffer: [UInt32] = []
        var previousKey: [UInt8] = []
        var terms = 0
        try dictionary.forEachTerm { key, info throws(IndexCorruption) in
            guard terms == 0 || previousKey.lexicographicallyPrecedes(key), let space = key.first.flatMap(TermSpace.init(rawValue:)) else {
                throw postings.corruption(at: 0, .invariantViolated("dictionary keys out of order or of an unknown space"))
            }
            previousKey = key
            terms += 1
            // A search reads entries through the lookup, which decodes them on a path of its
            // own (delta-coded offsets added up while the rest is skipped): it must give
            // what this walk gives.
            guard try dictionary.lookup(key) == info else {
                throw files[.termDictionary]!.corruption(at: 0, .invariantViolated("a lookup of a term disagrees with its entry"))
            }
            let limit = UInt32(space.isTitle ? documents.count : passages.count)
            var cursor = try self.cursor(info)
            var count = 0
            while cursor.current != PostingsCursor.exhausted {
                guard cursor.current < limit else {
                    throw postings.corruption(at: 0, .invariantViolated("a posting points at id \(cursor.current) of \(limit)"))
                }
                try cursor.positions(into: &positionsBuffer)
                count += 1
                try cursor.advance()
            }
            guard count == Int(info.documentFrequency) else {
                throw postings.corruption(at: 0, .invariantViolated("a term lists \(count) postings, its dictionary entry \(info.documentFrequency)"))
            }
            if let stored = info.titleOnlyDocuments {
                // A wrong count would make a one-word query's total lie.
                var bodyKey = key
                bodyKey[0] = TitleOnlyDocuments.bodySpace(of: space).rawValue
                let body = try dictionary.lookup(bodyKey).map { info throws(IndexCorruption) in try self.cursor(info) }
                let unitRanges = self.unitRanges
                let counted = try TitleOnlyDocuments.count(title: try self.cursor(info), body: body, passages: { unitRanges[$0] })
                guard counted == stored else {
                    throw postings.corruption(at: 0, .invariantViolated(
                        "a title term has \(counted) title-only documents, its dictionary entry \(stored)"))
                }
            }
        }
        guard terms == info.termCount else {
            throw postings.corruption(at: 0, .invariantViolated("\(terms) terms, the segment info says \(info.termCount)"))
        }
        try spellingLists?.verify(against: dictionary)
        for ordinal in documents.indices { _ = try storedDocument(ordinal) }
        for (document, units) in unitRanges.enumerated() {
            for passage in units where passages.document(Int(passage)) != UInt32(document) {
                throw postings.corruption(at: 0, .invariantViolated(
                    "passage \(passage) names document \(passages.document(Int(passage))), the document table \(document)"))
            }
        }
    }
}
