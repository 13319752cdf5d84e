import Analysis

/// A segment being built in memory: documents are analysed and inverted into it one by
/// one, and ``SegmentWriter`` writes it out when the RAM budget is reached or the run ends.
///
/// Nothing is made per token but bytes in a pool: the analyzer hands out term numbers
/// (``IndexTerm``); each number is mapped once per segment to a term id in each of the
/// four spaces (``TermTable``, an open-addressing table over one byte arena) and
/// remembered, so a token costs two array reads and a few bytes appended to its terms'
/// streams (``PostingStreams``). Term order is computed once, at flush.
///
/// One inverter belongs to one worker thread and is used with that thread's analyzer
/// (Lucene's DocumentsWriterPerThread): workers share nothing while they invert.
public struct SegmentInverter {
    /// Term tables and streams by `TermSpace.rawValue - 1`.
    private(set) var tables = [TermTable](repeating: TermTable(), count: TermSpace.allCases.count)
    private(set) var streams = [PostingStreams](repeating: PostingStreams(), count: TermSpace.allCases.count)
    private(set) var pairs = PairTable()
    private(set) var pairStreams = PostingStreams()
    private(set) var pool = ByteSlicePool()

    /// The document table's rows, and the stored records already compressed (the `.sto`
    /// body): a document's text is held compressed from the moment it is added, a third
    /// of its size, which leaves the RAM budget to the postings.
    private(set) var documents: [DocumentEntry] = []
    private(set) var storedRecords = ByteWriter()
    /// Per document: its first retrieval unit and its title's length.
    private(set) var firstUnit: [UInt32] = []
    private(set) var titleLengths: [UInt32] = []
    /// Per retrieval unit (passage): its document, its length, its heading's length.
    private(set) var unitDocument: [UInt32] = []
    private(set) var unitLengths: [UInt32] = []
    private(set) var unitHeadingLengths: [UInt32] = []
    /// Per retrieval unit, its text's ``PassageSignature``.
    private(set) var unitSignatures: [UInt64] = []

    /// The analyzer's term number → this segment's term ids, ``memoStride`` slots per
    /// number: one per space, then whether the exact form is a stop word (-1: not yet seen).
    private var memo: [Int32] = []
    private static let memoStride = 5
    private static let stopSlot = 4
    /// The analyzer and term generation the memo's numbers belong to.
    private var memoOwner: ObjectIdentifier?
    private var memoGeneration = -1
    /// The analyzer's term number → the hash of its exact bytes (0: not yet computed),
    /// for passage signatures; forgotten with ``memo``.
    private var wordHashes: [UInt64] = []

    /// Reused buffers: a text's terms, and the exact words at the previous and the
    /// current position (for the stop-word pairs).
    private var analysed: [IndexTerm] = []
    private var wordsBefore: [(term: Int32, isStop: Bool)] = []
    private var wordsHere: [(term: Int32, isStop: Bool)] = []

    /// Bytes held by the document rows' strings, roughly.
    private var documentBytes = 0
    /// A record being encoded (reused).
    private var record = ByteWriter()

    public init() {}

    public var documentCount: Int { documents.count }
    public var unitCount: Int { unitLengths.count }
    public var isEmpty: Bool { documents.isEmpty }

    /// The memory the segment holds: what the RAM budget is checked against.
    public var estimatedBytes: Int {
        var bytes = pool.allocatedBytes + pairs.allocatedBytes + pairStreams.allocatedBytes + memo.capacity * 4
        bytes += storedRecords.bytes.capacity + documentBytes
        for table in tables { bytes += table.allocatedBytes }
        for stream in streams { bytes += stream.allocatedBytes }
        bytes += (unitDocument.capacity + unitLengths.capacity + unitHeadingLengths.capacity) * 4
        bytes += (unitSignatures.capacity + wordHashes.capacity) * 8
        bytes += (firstUnit.capacity + titleLengths.capacity) * 4 + documents.capacity * MemoryLayout<DocumentEntry>.stride
        return bytes
    }

    /// Analyses the document with `analyzer` and adds it: its title to the title spaces,
    /// each retrieval unit (heading first, then a one-position gap, then the text, so no
    /// phrase runs from heading into text) to the body spaces and the stop-word pairs.
    ///
    /// Either the whole document is added or, when it cannot be analysed, nothing: the
    /// only analysis error (a text of 4 GB or more) is checked before anything is touched.
    public mutating func add(_ document: StoredDocument, analyzer: Analyzer) throws {
        let texts = [document.title].compactMap { $0 } + document.retrievalUnits.flatMap { [$0.heading].compactMap { $0 } + [$0.text] }
        if let tooLarge = texts.first(where: { $0.utf8.count >= Int(UInt32.max) }) {
            throw AnalyzerError.textTooLarge(bytes: tooLarge.utf8.count)
        }
        let ordinal = UInt32(documents.count)
        var titleLength: UInt32 = 0
        if let title = document.title {
            try analyse(title, analyzer)
            titleLength = invert(id: ordinal, offset: 0, body: false, pairs: false, analyzer: analyzer)
        }
        let first = UInt32(unitLengths.count)
        firstUnit.append(first)
        titleLengths.append(titleLength)
        for unit in document.retrievalUnits {
            let id = UInt32(unitLengths.count)
            var length: UInt32 = 0
            var headingLength: UInt32 = 0
            if let heading = unit.heading {
                try analyse(heading, analyzer)
                length = invert(id: id, offset: 0, body: true, pairs: true, analyzer: analyzer)
                headingLength = length
            }
            try analyse(unit.text, analyzer)
            let textLength = invert(id: id, offset: length == 0 ? 0 : length + 1, body: true, pairs: true, analyzer: analyzer)
            length = max(length, textLength)
            unitDocument.append(ordinal)
            unitLengths.append(length)
            unitHeadingLengths.append(headingLength)
            unitSignatures.append(signatureOfAnalysed(analyzer))
        }
        let storedOffset = UInt64(storedRecords.count)
        record.removeAll()
        document.encodeRecord(into: &record)
        Zstd.writeBlock(record.bytes, into: &storedRecords)
        documents.append(DocumentEntry(
            id: document.id, source: document.source, rootLength: UInt32(document.rootLength), url: document.url,
            contentHash: document.contentHash,
            fileSize: document.fileSize, modificationTime: document.modificationTime,
            date: DocumentEntry.dateOrdinal(document.date), type: document.type, dossiers: document.dossiers,
            title: document.title, firstUnit: first, unitCount: UInt32(unitLengths.count) - first,
            titleLength: titleLength, storedOffset: storedOffset))
        documentBytes += 256 + document.id.utf8.count + document.source.utf8.count + (document.title?.utf8.count ?? 0)
            + document.dossiers.reduce(0) { $0 + $1.utf8.count + 16 }
    }

    /// Gives document `ordinal` another id (the sequencer settled a clash between files).
    public mutating func renameDocument(_ ordinal: Int, to id: String) {
        documents[ordinal].id = id
    }

    /// Forgets everything (after a flush) and gives the memory back.
    public mutating func removeAll() {
        self = SegmentInverter()
    }

    // MARK: Inversion

    private mutating func analyse(_ text: String, _ analyzer: Analyzer) throws {
        analysed.removeAll(keepingCapacity: true)
        var text = text
        text.makeContiguousUTF8()
        try analyzer.analyze(utf8: text.utf8.span, into: &analysed)
        prepareMemo(for: analyzer)
    }

    /// Inverts ``analysed`` at `offset` into passage `id` (body) or document `id` (title);
    /// returns the field's length (its last position + 1, or 0 when it has no terms).
    private mutating func invert(id: UInt32, offset: UInt32, body: Bool, pairs withPairs: Bool, analyzer: Analyzer) -> UInt32 {
        let stemSpace = Int((body ? TermSpace.bodyStem : .titleStem).rawValue) - 1
        let exactSpace = Int((body ? TermSpace.bodyExact : .titleExact).rawValue) - 1
        var length: UInt32 = 0
        var currentPosition = UInt32.max
        wordsBefore.removeAll(keepingCapacity: true)
        wordsHere.removeAll(keepingCapacity: true)
        for index in analysed.indices {
            let token = analysed[index]
            let position = token.position + offset
            let stem = termID(token.term, space: stemSpace, analyzer: analyzer)
            let exact = termID(token.term, space: exactSpace, analyzer: analyzer)
            streams[stemSpace].record(stem, id: id, position: position, pool: &pool)
            streams[exactSpace].record(exact, id: id, position: position, pool: &pool)
            length = max(length, position + 1)
            guard withPairs else { continue }
            // Tokens come in position order, sometimes several at one position (`ouder(s)`);
            // the words at the position before this one are the pairs' first words.
            if token.position != currentPosition {
                swap(&wordsBefore, &wordsHere)
                if currentPosition == .max || token.position != currentPosition + 1 { wordsBefore.removeAll(keepingCapacity: true) }
                wordsHere.removeAll(keepingCapacity: true)
                currentPosition = token.position
            }
            // The stop test is on the exact forms, exactly as a query asks for pairs (a
            // token's stop flag is not: `VAN` in capitals is flagged as an acronym).
            let isStop = isStopForm(token.term, analyzer: analyzer)
            for first in wordsBefore where first.isStop || isStop {
                let pair = self.pairs.intern(first: first.term, second: exact)
                if pair.isNew { pairStreams.addTerm(pool: &pool) }
                pairStreams.record(pair.id, id: id, position: position - 1, pool: &pool)
            }
            wordsHere.append((exact, isStop))
        }
        return length
    }

    /// The id in `space` of the analyzer's term `term`, interned on first sight.
    @inline(__always)
    private mutating func termID(_ term: Int32, space: Int, analyzer: Analyzer) -> Int32 {
        let slot = Int(term) * Self.memoStride + space
        if slot >= memo.count {
            // Whole strides, so that every slot of a known number exists (the stop slot too).
            memo.append(contentsOf: repeatElement(-1, count: (Int(term) + 1024) * Self.memoStride - memo.count))
        }
        let known = memo[slot]
        if known >= 0 { return known }
        let isExact = TermSpace(rawValue: UInt8(space + 1))!.isExact
        let id = analyzer.withTermSpans(term) { exact, stem in tables[space].intern(isExact ? exact : stem) }
        if Int(id) == streams[space].count { streams[space].addTerm(pool: &pool) }
        memo[slot] = id
        return id
    }

    /// The signature of the text just analysed: its words in order, one per position (the
    /// first token there; `ouder(s)` also yields `ouders` at the same position).
    private mutating func signatureOfAnalysed(_ analyzer: Analyzer) -> UInt64 {
        var signature = PassageSignature()
        var lastPosition = UInt32.max
        for token in analysed where token.position != lastPosition {
            lastPosition = token.position
            let number = Int(token.term)
            if number >= wordHashes.count { wordHashes.append(contentsOf: repeatElement(0, count: number + 1024 - wordHashes.count)) }
            var hash = wordHashes[number]
            if hash == 0 {
                hash = analyzer.withTermSpans(token.term) { exact, _ in PassageSignature.wordHash(exact) }
                wordHashes[number] = hash
            }
            signature.add(wordHash: hash)
        }
        return signature.finish()
    }

    private mutating func isStopForm(_ term: Int32, analyzer: Analyzer) -> Bool {
        let slot = Int(term) * Self.memoStride + Self.stopSlot
        if memo[slot] < 0 {
            let exact = analyzer.withTermSpans(term) { exact, _ in String(decoding: [UInt8](copying: exact), as: UTF8.self) }
            memo[slot] = DutchStopWords.contains(exact) ? 1 : 0
        }
        return memo[slot] == 1
    }

    /// Forgets remembered term numbers when they may name other terms now (another
    /// analyzer, or the analyzer's cache started over).
    private mutating func prepareMemo(for analyzer: Analyzer) {
        let owner = ObjectIdentifier(analyzer)
        guard owner != memoOwner || analyzer.termGeneration != memoGeneration else { return }
        memo.removeAll(keepingCapacity: true)
        wordHashes.removeAll(keepingCapacity: true)
        memoOwner = owner
        memoGeneration = analyzer.termGeneration
    }
}

// MARK: Reading back, for the flush

extension SegmentInverter {
    /// Where a term's postings are: a term of a space, or a stop-word pair (body exact).
    enum TermSource {
        case term(TermSpace, Int32)
        case pair(Int32)
    }

    /// The retrieval units of document `ordinal`.
    func passages(ofDocument ordinal: Int) -> Range<UInt32> {
        firstUnit[ordinal] ..< (ordinal + 1 < documentCount ? firstUnit[ordinal + 1] : UInt32(unitCount))
    }

    /// How many passages (or documents) hold term `id` of `space`.
    func documentFrequency(_ space: TermSpace, _ id: Int32) -> Int {
        Int(streams[Int(space.rawValue) - 1].idCount(id))
    }

    /// How many terms `space` holds (pairs not counted).
    func termCount(in space: TermSpace) -> Int {
        tables[Int(space.rawValue) - 1].count
    }

    /// The id of a term's bytes in `space`, if the segment has it.
    func termID(_ bytes: Span<UInt8>, in space: TermSpace) -> Int32? {
        tables[Int(space.rawValue) - 1].find(bytes)
    }

    /// Reads a term's postings back into `postings`.
    func decode(_ source: TermSource, into postings: inout TermPostings, lengths: [UInt32], scratch: inout [UInt8]) {
        switch source {
        case .term(let space, let id):
            streams[Int(space.rawValue) - 1].decode(id, pool: pool, into: &postings, lengths: lengths, scratch: &scratch)
        case .pair(let id):
            pairStreams.decode(id, pool: pool, into: &postings, lengths: lengths, scratch: &scratch)
        }
    }

    /// Calls `body` with every term of `space` in the dictionary's order (by bytes), with
    /// the kept stop-word pairs among the body's exact forms (``StopWordPair/isWorthKeeping(_:_:)``).
    /// The bytes are valid during the call only.
    func forEachTermInKeyOrder(_ space: TermSpace, _ body: (Span<UInt8>, TermSource) -> Void) {
        let table = tables[Int(space.rawValue) - 1]
        let words = table.sortedIDs()
        guard space == .bodyExact else {
            for id in words { table.withBytes(of: id) { body($0, .term(space, id)) } }
            return
        }
        // The kept pairs get their text (`de minister`) in a table of their own, sorted the
        // same way, and the two lists are merged.
        let exact = streams[Int(space.rawValue) - 1]
        var pairText = TermTable()
        var pairOfText: [Int32] = []
        var text: [UInt8] = []
        for (pair, words) in pairs.words.enumerated()
        where StopWordPair.isWorthKeeping(Int(exact.idCount(words.first)), Int(exact.idCount(words.second))) {
            text.removeAll(keepingCapacity: true)
            table.withBytes(of: words.first) { text.append(copying: $0) }
            text.append(StopWordPair.separator)
            table.withBytes(of: words.second) { text.append(copying: $0) }
            _ = pairText.intern(text.span)
            pairOfText.append(Int32(pair))
        }
        let pairsInOrder = pairText.sortedIDs()
        var nextPair = 0
        for id in words {
            table.withBytes(of: id) { word in
                while nextPair < pairsInOrder.count {
                    let precedes = pairText.withBytes(of: pairsInOrder[nextPair]) { pair in
                        TermTable.precedes(pair, word)
                    }
                    guard precedes else { break }
                    pairText.withBytes(of: pairsInOrder[nextPair]) { body($0, .pair(pairOfText[Int(pairsInOrder[nextPair])])) }
                    nextPair += 1
                }
                body(word, .term(space, id))
            }
        }
        while nextPair < pairsInOrder.count {
            pairText.withBytes(of: pairsInOrder[nextPair]) { body($0, .pair(pairOfText[Int(pairsInOrder[nextPair])])) }
            nextPair += 1
        }
    }
}
