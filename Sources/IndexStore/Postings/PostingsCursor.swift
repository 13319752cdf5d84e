/// Iterates one term's postings in one segment: ascending ids (passages, or documents for
/// title terms), each with its frequency and, on demand, its positions.
///
/// The contract (as Tantivy's `DocSet`): a new cursor stands on its first id; ``advance()``
/// moves to the next; ``seek(_:)`` moves to the first id at or after a target, skipping
/// whole blocks through the skip table; both return the new current id, which is
/// ``exhausted`` after the last. Why `UInt32.max` as the sentinel is safe: ids are
/// ordinals below the segment's unit count, which the format caps far below it.
///
/// Decoding happens a block of 128 at a time into buffers stored inside the cursor, so
/// neither making a cursor nor moving it through a list allocates: a search makes one per
/// query word per segment for the matching, and more for the rescoring.
public struct PostingsCursor: Sendable {
    public static let exhausted = UInt32.max
    /// No term occurs more often than this in one passage: a larger stored value (2^24 − 1
    /// is the largest kept, the frequency minus one) is damage.
    public static let maximumFrequency: UInt32 = 1 << 24

    public let documentFrequency: Int
    private let postings: ByteSlice
    private let positions: ByteSlice
    /// `positions`' first byte: valid as long as the cursor lives, since the slice keeps
    /// its file mapped; read-only memory, so safe to share with the cursor.
    nonisolated(unsafe) private let positionsBase: UnsafeRawPointer?
    private let skipCount: Int
    private let skipEntryByteCount: Int
    /// Skip entries carry four impact pairs rather than one loose pair
    /// (``FormatVersion/skipEntriesHaveImpacts``).
    private let hasImpacts: Bool
    private let blocksStart: Int
    private let idLimit: UInt32

    public private(set) var current: UInt32 = PostingsCursor.exhausted
    private var ids = BlockBuffer(repeating: 0)
    private var frequencies = BlockBuffer(repeating: 0)
    private var blockIndex = -1
    private var blockLength = 0
    private var indexInBlock = 0
    /// Where the block after the current one starts, when read sequentially.
    /// The current block's frequencies are decoded on first use: counting, and seeking
    /// past a block, need only its ids.
    private var frequenciesDecoded = false
    private var frequenciesOffset = 0
    /// Positions: the byte offset where the positions of posting `positionsIndex` of the
    /// current block start (after the last posting decoded, or the block's first).
    private var positionsOffset = 0
    private var positionsIndex = 0
    /// Where the positions of posting `positionsIndex - 1` start, once decoded.
    private var lastDecodedOffset = 0
    /// The current block's length bytes, gathered from a per-id table on first use
    /// (``norm(in:)``); empty until then.
    private var norms = InlineArray<128, UInt8>(repeating: 0)
    private var normsGathered = false

    /// `postings` and `positions` are the file bodies; `info` says where the term starts.
    init(postings: ByteSlice, positions: ByteSlice, info: TermInfo, formatVersion: FormatVersion = .current) throws(IndexCorruption) {
        documentFrequency = Int(info.documentFrequency)
        idLimit = info.idLimit
        guard info.postingsOffset <= UInt64(postings.count), info.positionsOffset <= UInt64(positions.count) else {
            throw postings.corruption(at: 0, .invariantViolated("term data starts beyond the end of the file"))
        }
        self.postings = try postings.slice(from: Int(info.postingsOffset))
        self.positions = try positions.slice(from: Int(info.positionsOffset))
        positionsBase = self.positions.withUnsafeBytes { $0.baseAddress }
        skipCount = PostingsFormat.skipEntryCount(documentFrequency: documentFrequency)
        hasImpacts = formatVersion.skipEntriesHaveImpacts
        skipEntryByteCount = PostingsFormat.skipEntryByteCount(hasImpacts: hasImpacts)
        blocksStart = skipCount * skipEntryByteCount
        if documentFrequency > 0 {
            try loadBlock(0)
            current = ids[0]
        }
    }

    /// The frequency of the current id.
    public var frequency: UInt32 {
        mutating get throws(IndexCorruption) {
            try decodeFrequencies()
            return frequencies[indexInBlock] + 1
        }
    }

    /// The current id's byte in `table` (a byte per id of the segment: the passages' or
    /// titles' length norms).
    ///
    /// The first call in a block reads the bytes of all its ids, in a loop of its own: a
    /// scorer asking for one id's byte at a time would take a cache miss per candidate,
    /// one after another, where a loop of independent loads keeps many in flight.
    public mutating func norm(in table: [UInt8]) -> UInt8 {
        if !normsGathered { gatherNorms(from: table) }
        return norms[indexInBlock]
    }

    private mutating func gatherNorms(from table: [UInt8]) {
        let count = blockLength
        table.withUnsafeBufferPointer { table in
            // Ids are below `idLimit`, checked as each block loads; a table that is
            // shorter still gets a checked read.
            if table.count >= Int(idLimit) {
                for index in 0 ..< count { norms[index] = table[Int(ids[index])] }
            } else {
                for index in 0 ..< count { norms[index] = Int(ids[index]) < table.count ? table[Int(ids[index])] : 0 }
            }
        }
        normsGathered = true
    }

    /// How many postings of the list come before the current one (all of them once the
    /// cursor is exhausted). Two seeks and their ordinals count the ids between two targets
    /// without decoding the blocks in between.
    public var ordinal: Int {
        current == Self.exhausted ? documentFrequency : blockIndex * PostingsFormat.blockLength + indexInBlock
    }

    @discardableResult
    public mutating func advance() throws(IndexCorruption) -> UInt32 {
        guard current != Self.exhausted else { return current }
        indexInBlock += 1
        if indexInBlock == blockLength {
            guard blockIndex + 1 < blockCount else {
                current = Self.exhausted
                return current
            }
            try loadBlock(blockIndex + 1)
        }
        current = ids[indexInBlock]
        return current
    }

    @discardableResult
    public mutating func seek(_ target: UInt32) throws(IndexCorruption) -> UInt32 {
        guard current < target else { return current }
        if ids[blockLength - 1] < target {
            // Find the first later block whose last id reaches the target.
            var low = blockIndex + 1, high = blockCount
            while low < high {
                let middle = (low + high) / 2
                if try lastID(ofBlock: middle) < target { low = middle + 1 } else { high = middle }
            }
            guard low < blockCount else {
                current = Self.exhausted
                return current
            }
            try loadBlock(low)
        }
        // Galloping would win on long blocks; 128 entries scan fast enough linearly.
        while ids[indexInBlock] < target { indexInBlock += 1 }
        current = ids[indexInBlock]
        return current
    }

    /// The positions of the current id, ascending, replacing `buffer`'s contents.
    public mutating func positions(into buffer: inout [UInt32]) throws(IndexCorruption) {
        let count = try decodePositions(into: &buffer)
        if buffer.count > count { buffer.removeLast(buffer.count - count) }
    }

    /// The positions of the current id, ascending, in the first elements of `buffer`, and
    /// how many there are; `buffer` only ever grows.
    public mutating func decodePositions(into buffer: inout [UInt32]) throws(IndexCorruption) -> Int {
        let count = try positionCount()
        if buffer.count < count { buffer.append(contentsOf: repeatElement(0, count: count - buffer.count)) }
        var output = buffer.mutableSpan
        return try decodePositions(into: &output, at: 0)
    }

    /// How many positions the current id has (its frequency; 0 when exhausted): the room
    /// ``decodePositions(into:at:)`` needs.
    public mutating func positionCount() throws(IndexCorruption) -> Int {
        guard current != Self.exhausted else { return 0 }
        try decodeFrequencies()
        return Int(frequencies[indexInBlock]) &+ 1
    }

    /// Writes the positions of the current id, ascending, to `output` from `offset` on
    /// (which must have room for ``positionCount()`` of them), and returns how many there
    /// are.
    ///
    /// A phrase asks this for nearly every passage holding all its words (`"tweede kamer"`
    /// on the 1 GB corpus: 80 k passages, two words each), so the path has no array: the
    /// mapped bytes are reached through a pointer the cursor keeps (the slice it holds
    /// keeps them mapped).
    public mutating func decodePositions(into output: inout MutableSpan<UInt32>, at offset: Int) throws(IndexCorruption) -> Int {
        let count = try positionCount()
        guard count > 0 else { return 0 }
        precondition(offset >= 0 && count <= output.count - offset, "room for every position")
        let bytes = try standAtCurrentPositions()
        let from = positionsOffset
        // The decoder writes exactly `count` values from `offset`, checked above to lie
        // inside the span; the pointer does not leave this closure.
        let decoded = output.withUnsafeMutableBufferPointer { output in
            PositionRun.decode(count, from: bytes, at: from, into: output.baseAddress! + offset)
        }
        if let failure = decoded.failure {
            positionsIndex = indexInBlock
            throw positions.corruption(at: decoded.end, failure.reason)
        }
        standAfterCurrentPositions(from: from, end: decoded.end)
        return count
    }

    /// ``decodePositions(into:at:)`` through a pointer to room for ``positionCount()``
    /// positions.
    // Kept for PhraseMatcher until its position buffers are spans at no cost: the caller
    // guarantees the room, and the pointer is written inside this call only.
    public mutating func decodePositions(to output: UnsafeMutablePointer<UInt32>) throws(IndexCorruption) -> Int {
        let count = try positionCount()
        guard count > 0 else { return 0 }
        let bytes = try standAtCurrentPositions()
        let from = positionsOffset
        let decoded = PositionRun.decode(count, from: bytes, at: from, into: output)
        if let failure = decoded.failure {
            positionsIndex = indexInBlock
            throw positions.corruption(at: decoded.end, failure.reason)
        }
        standAfterCurrentPositions(from: from, end: decoded.end)
        return count
    }

    /// Appends the current id's positions to `output` as the file stores them (varints:
    /// the first, then the gaps) without decoding them, and returns how many there are: a
    /// merge copies them so. The varints' ends are checked; their values are not (a merge
    /// verified the file's checksum first).
    mutating func copyEncodedPositions(into output: inout [UInt8]) throws(IndexCorruption) -> Int {
        let count = try positionCount()
        guard count > 0 else { return 0 }
        let bytes = try standAtCurrentPositions()
        let from = positionsOffset
        let end: Int
        do throws(VarInt.Malformation) {
            end = try VarInt.offset(afterSkipping: count, in: bytes, from: from)
        } catch {
            throw positions.corruption(at: from, .malformedVarInt(error))
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[from ..< end]))
        standAfterCurrentPositions(from: from, end: end)
        return count
    }

    /// Moves ``positionsOffset`` to the start of the current posting's positions and returns
    /// the positions stream's bytes (reached through the pointer the cursor keeps).
    @inline(__always)
    private mutating func standAtCurrentPositions() throws(IndexCorruption) -> UnsafeRawBufferPointer {
        if indexInBlock < positionsIndex {
            // Asked again for the posting read last: start where it started.
            positionsIndex = indexInBlock
            positionsOffset = lastDecodedOffset
        }
        let bytes = UnsafeRawBufferPointer(start: positionsBase, count: positions.count)
        if positionsIndex < indexInBlock {
            // Pass the positions of earlier postings of this block that nobody asked for.
            var passed = 0
            let (from, to) = (positionsIndex, indexInBlock)
            Self.withBuffer(&frequencies) { frequencies in
                for index in from ..< to { passed &+= Int(frequencies[index]) &+ 1 }
            }
            do throws(VarInt.Malformation) {
                positionsOffset = try VarInt.offset(afterSkipping: passed, in: bytes, from: positionsOffset)
            } catch {
                throw positions.corruption(at: positionsOffset, .malformedVarInt(error))
            }
        }
        return bytes
    }

    /// Stands after the current posting's positions (`from ..< end`): a phrase asks for
    /// most postings of a block in a row, and need not pass these again for the next.
    @inline(__always)
    private mutating func standAfterCurrentPositions(from: Int, end: Int) {
        lastDecodedOffset = from
        positionsOffset = end
        positionsIndex = indexInBlock &+ 1
    }

    /// What bounds the scores in the current block (block-max), or nil when the list is
    /// one block and the term-level bound applies.
    ///
    /// Mutating although it changes nothing: a scorer keeps its cursor in a class, and a
    /// non-mutating call there copies the whole cursor (retaining its buffers) first.
    public mutating func currentBlockBounds() throws(IndexCorruption) -> BlockImpacts? {
        guard skipCount > 0, blockIndex >= 0 else { return nil }
        return try blockBounds(blockIndex)
    }

    /// The last id of the current block: a scorer can skip to the block after it. Stored,
    /// not computed from the block, so that a scorer reading it through the class that
    /// holds the cursor does not copy the cursor and its inline blocks first.
    public private(set) var currentBlockLastID = PostingsCursor.exhausted

    /// Hands `body` the rest of the list a decoded block at a time — the ids, and the
    /// frequencies minus one, from the current posting on — and leaves the cursor
    /// exhausted. Before decoding each later block it asks `skip` with the block's bounds
    /// (``BlockImpacts``) and passes over the blocks it answers true for; `frequencies`,
    /// asked the same for each block it hands over, says whether to decode its
    /// frequencies too (`body` gets an empty buffer otherwise: counting needs only ids).
    /// `body` returns false to stop (the cursor then stands after that block).
    ///
    /// Counting a common word and ranking a single term go through this loop: no call and
    /// no copy per posting, and block-max skipping between blocks.
    @discardableResult
    public mutating func forEachRemainingBlock(
        frequencies wantsFrequencies: (BlockImpacts) -> Bool = { _ in true },
        skip: (BlockImpacts) -> Bool = { _ in false },
        _ body: (_ ids: Span<UInt32>, _ frequencies: Span<UInt32>) throws -> Bool
    ) throws -> Bool {
        guard current != Self.exhausted else { return true }
        while true {
            // A list of one block has no bounds: its frequencies are always wanted.
            let wantsFrequencies = try currentBlockBounds().map(wantsFrequencies) ?? true
            if wantsFrequencies { try decodeFrequencies() }
            let start = indexInBlock, end = wantsFrequencies ? blockLength : indexInBlock
            let blockLength = self.blockLength
            // The blocks in place (a span of a non-mutating read would copy them first): the
            // spans borrow the cursor's storage for the call of `body` only.
            let proceed = try Self.withBuffer(&ids) { ids in
                try Self.withBuffer(&frequencies) { frequencies in
                    try body(
                        UnsafeBufferPointer(rebasing: ids[start ..< blockLength]).span,
                        UnsafeBufferPointer(rebasing: frequencies[start ..< end]).span)
                }
            }
            guard try moveToNextBlock(skipping: skip) != Self.exhausted else { return proceed }
            if !proceed { return false }
        }
    }

    /// Skips whole blocks after the current one, without decoding them, while `skip`
    /// answers true for a block's bounds (``BlockImpacts``, as ``currentBlockBounds()``),
    /// and stands on the first id of the first block it keeps.
    /// Block-max scoring: a block whose best possible score cannot enter the top k is
    /// never decoded. A list of one block has no bounds to ask about and simply ends.
    @discardableResult
    public mutating func skipBlocks(while skip: (BlockImpacts) -> Bool) throws(IndexCorruption) -> UInt32 {
        guard current != Self.exhausted else { return current }
        return try moveToNextBlock(skipping: skip)
    }

    /// Loads the first block after the current one that `skip` does not pass over and
    /// stands on its first id; exhausted when there is none.
    private mutating func moveToNextBlock(skipping skip: (BlockImpacts) -> Bool) throws(IndexCorruption) -> UInt32 {
        var block = blockIndex + 1
        while block < skipCount {
            if try !skip(blockBounds(block)) {
                try loadBlock(block)
                current = ids[0]
                return current
            }
            block += 1
        }
        indexInBlock = blockLength - 1
        current = Self.exhausted
        return current
    }

    /// The largest block bound over the list's blocks: the term's score bound for MaxScore. A list of one block has no skip entries, so its
    /// postings are scored one by one through `exact` (id, frequency) instead.
    public mutating func listBound(block bound: (BlockImpacts) -> Float, exact: (UInt32, UInt32) -> Float) throws(IndexCorruption) -> Float {
        guard skipCount > 0 else {
            guard blockIndex == 0 else { return .infinity }
            try decodeFrequencies()
            var best: Float = 0
            for index in 0 ..< blockLength { best = max(best, exact(ids[index], frequencies[index] + 1)) }
            return best
        }
        var best: Float = 0
        for block in 0 ..< skipCount { best = max(best, bound(try blockBounds(block))) }
        return best
    }

    // MARK: Blocks

    /// Inlined as a flag test: a phrase asks at every candidate, nearly always after the
    /// block's frequencies were decoded, and a call each time would cost more than the
    /// test.
    @inline(__always)
    private mutating func decodeFrequencies() throws(IndexCorruption) {
        if !frequenciesDecoded { try decodeBlockFrequencies() }
    }

    private mutating func decodeBlockFrequencies() throws(IndexCorruption) {
        guard !frequenciesDecoded, blockLength > 0 else { return }
        var reader = ByteReader(postings, position: 0)
        try reader.seek(to: frequenciesOffset)
        let count = blockLength
        try Self.withBuffer(&frequencies) { buffer throws(IndexCorruption) in
            try PackedBlock.read(count: count, from: &reader, into: buffer)
        }
        // A frequency is bounded by a passage's length; anything near 2^32 is damage, and
        // refusing it here keeps `frequency + 1` from overflowing later. The bound is a
        // power of two, so the bits of all values together tell whether one reaches it
        // (one loop the compiler vectorises, with no branch per value).
        let blockLength = self.blockLength
        let union = Self.withBuffer(&frequencies) { values in
            var union: UInt32 = 0
            for index in 0 ..< blockLength { union |= values[index] }
            return union
        }
        if union >= Self.maximumFrequency {
            for index in 0 ..< blockLength where frequencies[index] >= Self.maximumFrequency {
                throw postings.corruption(at: frequenciesOffset, .implausibleLength(Int(frequencies[index]), limit: Int(Self.maximumFrequency)))
            }
        }
        frequenciesDecoded = true
    }

    private var blockCount: Int { skipCount > 0 ? skipCount : (documentFrequency > 0 ? 1 : 0) }

    /// Read for every block a ranking passes over, so the entry's 16 bytes are checked
    /// once, in one range check, and then loaded without a check each.
    private func blockBounds(_ block: Int) throws(IndexCorruption) -> BlockImpacts {
        let entry = block * skipEntryByteCount + 12
        guard hasImpacts else {
            return BlockImpacts(
                maximumFrequency: UInt32(try postings.integer(at: entry, as: UInt16.self)),
                minimumLength: UInt32(try postings.integer(at: entry + 2, as: UInt16.self)))
        }
        try postings.checkRange(entry, 16)
        return postings.withUnsafeBytes { bytes in
            func value(_ offset: Int) -> UInt32 {
                UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: entry + offset, as: UInt16.self)))
            }
            return BlockImpacts(
                frequencies: (value(0), value(4), value(8), value(12)),
                lengths: (value(2), value(6), value(10), value(14)))
        }
    }

    /// `body` gets the block's storage in place: reached through a span, or read through a
    /// non-mutating member, the block is copied first (512 bytes).
    @inline(__always)
    private static func withBuffer<Result, Failure: Error>(
        _ block: inout BlockBuffer, _ body: (UnsafeMutableBufferPointer<UInt32>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeMutablePointer(to: &block) { pointer throws(Failure) in
            try body(UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: UInt32.self), count: BitPacking.blockLength))
        }
    }

    private func lastID(ofBlock block: Int) throws(IndexCorruption) -> UInt32 {
        try postings.integer(at: block * skipEntryByteCount, as: UInt32.self)
    }

    private mutating func loadBlock(_ block: Int) throws(IndexCorruption) {
        let count = min(PostingsFormat.blockLength, documentFrequency - block * PostingsFormat.blockLength)
        let base: UInt32 = block == 0 ? 0 : try lastID(ofBlock: block - 1) &+ 1
        // Without a skip table the list is one block, right after the (empty) table.
        var offset = blocksStart
        var positionsStart = 0
        if skipCount > 0 {
            let entry = block * skipEntryByteCount
            offset = blocksStart + Int(try postings.integer(at: entry + 4, as: UInt32.self))
            positionsStart = Int(try postings.integer(at: entry + 8, as: UInt32.self))
        } else if block != 0 {
            throw postings.corruption(at: 0, .invariantViolated("a single-block list has no block \(block)"))
        }
        var reader = ByteReader(postings, position: 0)
        try reader.seek(to: offset)
        try Self.withBuffer(&ids) { buffer throws(IndexCorruption) in
            try DeltaBlock.read(count: count, base: base, from: &reader, into: buffer)
        }
        frequenciesOffset = reader.position
        frequenciesDecoded = false
        normsGathered = false
        if skipCount > 0, try lastID(ofBlock: block) != ids[count - 1] {
            throw postings.corruption(at: offset, .invariantViolated("block \(block) does not end at its skip entry's id"))
        }
        // Ids ascend, so the last is the largest: callers index arrays with them.
        guard ids[count - 1] < idLimit else {
            throw postings.corruption(at: offset, .invariantViolated("a posting points at id \(ids[count - 1]) of \(idLimit)"))
        }
        blockIndex = block
        blockLength = count
        currentBlockLastID = ids[count - 1]
        indexInBlock = 0
        positionsOffset = positionsStart
        positionsIndex = 0
    }
}

/// A decoded block of ids or frequencies, stored inline in the cursor.
private typealias BlockBuffer = InlineArray<128, UInt32>
