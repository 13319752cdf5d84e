/// Looks terms up in a segment's dictionary: a binary search over the block keys held in
/// memory (`.tdx`), then a scan of one front-coded block of `.tdc`.
public struct TermDictionaryReader: Sendable {
    private let dictionary: ByteSlice
    private let blockKeys: [[UInt8]]
    private let blockOffsets: [Int]
    private let blockSize: Int
    public let termCount: Int
    /// Id bounds for body and title postings (``TermInfo/idLimit``).
    private let unitCount: UInt32
    private let documentCount: UInt32
    /// Entries end with the term's document count (``FormatVersion/termEntriesHaveDocumentCounts``).
    private let hasDocumentCounts: Bool
    /// Whether a title entry's last number is its title-only count rather than its docFreq
    /// again (``FormatVersion/titleEntriesHaveTitleOnlyCounts``).
    private let hasTitleOnlyCounts: Bool
    /// Offsets are steps from earlier entries of the block and a body term of docFreq 1
    /// has no count (``FormatVersion/termEntriesAreDeltaCoded``).
    private let isDeltaCoded: Bool

    /// Longest key the writer can produce (a term is at most a few hundred bytes).
    static let maximumKeyLength = 4096

    init(
        index: ByteSlice, dictionary: ByteSlice, unitCount: Int = Int(UInt32.max), documentCount: Int = Int(UInt32.max),
        formatVersion: FormatVersion = .current
    ) throws(IndexCorruption) {
        self.dictionary = dictionary
        hasDocumentCounts = formatVersion.termEntriesHaveDocumentCounts
        hasTitleOnlyCounts = formatVersion.titleEntriesHaveTitleOnlyCounts
        isDeltaCoded = formatVersion.termEntriesAreDeltaCoded
        self.unitCount = UInt32(clamping: unitCount)
        self.documentCount = UInt32(clamping: documentCount)
        var reader = ByteReader(index)
        termCount = Int(try reader.readVarUInt32())
        blockSize = Int(try reader.readVarUInt32())
        let blockCount = try reader.readCount()
        guard blockSize > 0, blockCount == (termCount + blockSize - 1) / blockSize else {
            throw index.corruption(at: 0, .invariantViolated("\(blockCount) blocks of \(blockSize) cannot hold \(termCount) terms"))
        }
        var keys: [[UInt8]] = []
        var offsets: [Int] = []
        keys.reserveCapacity(blockCount)
        for _ in 0 ..< blockCount {
            let start = reader.position
            let key = try reader.readLengthPrefixedSlice(maximumCount: Self.maximumKeyLength).copyBytes()
            let offset = try reader.readVarUInt64()
            guard offset < UInt64(dictionary.count), keys.last.map({ $0.lexicographicallyPrecedes(key) }) ?? true else {
                throw index.corruption(at: start, .invariantViolated("term index entries out of order or beyond the dictionary"))
            }
            keys.append(key)
            offsets.append(Int(offset))
        }
        blockKeys = keys
        blockOffsets = offsets
    }

    /// The term's information, or nil when the segment does not have it.
    ///
    /// Walks the block without rebuilding its keys: it only tracks how many leading bytes
    /// the previous key shares with the one looked for (`matched`). An entry sharing fewer
    /// bytes with its predecessor than that is already past the key; one sharing more is
    /// still before it; only one sharing exactly that many has its suffix compared. Every
    /// query looks its terms up in every segment, so this is on the path of every search.
    /// Delta-coded offsets are added up on the way, the only fields decoded of the entries
    /// passed (with docFreq, which says whether a count follows).
    public func lookup(_ key: [UInt8]) throws(IndexCorruption) -> TermInfo? {
        guard let block = lastBlock(startingAtOrBefore: key) else { return nil }
        let entries = min(blockSize, termCount - block * blockSize)
        let blockKey = blockKeys[block]
        // The scan works on the bytes (one bounds-checked varint decoder, no reader or
        // slice per field); the found entry's information is read the usual way.
        let dictionary = self.dictionary
        let isDeltaCoded = self.isDeltaCoded
        let found: (Int, TermEntryOffsets, Bool)? = try dictionary.withBytes { (bytes) throws(IndexCorruption) -> (Int, TermEntryOffsets, Bool)? in
            let key = key.span, blockKey = blockKey.span
            var position = blockOffsets[block]
            func varint() throws(IndexCorruption) -> Int { try Self.varint(in: bytes, at: &position, of: dictionary) }
            var previousLength = 0
            var matched = 0
            let infoFields = hasDocumentCounts ? 6 : 5
            var offsets = TermEntryOffsets()
            var spaceByte: UInt8 = 0
            for entry in 0 ..< entries {
                let start = position
                let shared = try varint()
                let suffixLength = try varint()
                guard suffixLength <= Self.maximumKeyLength, suffixLength <= bytes.count - position else {
                    throw dictionary.corruption(at: start, .implausibleLength(suffixLength, limit: min(Self.maximumKeyLength, bytes.count - position)))
                }
                guard shared <= previousLength, entry > 0 || shared == 0 else {
                    throw dictionary.corruption(at: start, .invariantViolated("term shares \(shared) bytes with a key of \(previousLength)"))
                }
                let suffix = bytes.extracting(position ..< position + suffixLength)
                position += suffixLength
                previousLength = shared + suffixLength
                if entry == 0, !Self.equal(suffix, blockKey) {
                    throw dictionary.corruption(at: start, .invariantViolated("block \(block) does not start with its indexed key"))
                }
                if shared == 0 { spaceByte = suffix.isEmpty ? 0 : suffix[0] }
                if shared < matched { return nil }
                if shared == matched {
                    var index = 0
                    while index < suffix.count, matched + index < key.count, suffix[index] == key[matched + index] { index += 1 }
                    let entryEnded = index == suffix.count, keyEnded = matched + index == key.count
                    if entryEnded, keyEnded { return (position, offsets, entry == 0) }
                    // Past the key: it is a proper prefix of the entry, or the entry's
                    // first differing byte is larger.
                    if keyEnded || (!entryEnded && suffix[index] > key[matched + index]) { return nil }
                    matched += index
                }
                // The rest of the entry is passed over undecoded, eight bytes a step: a
                // lookup passes half a block of entries, decoding each field would be most
                // of the lookup, and a search looks every word up in every segment. Of a
                // delta-coded entry the offsets are needed (the next steps start from them)
                // and docFreq (whether a count follows).
                var skipped = infoFields
                if isDeltaCoded {
                    let documentFrequency = try varint()
                    let postings = try Self.varint64(in: bytes, at: &position, of: dictionary)
                    let positions = try Self.varint64(in: bytes, at: &position, of: dictionary)
                    _ = offsets.decode(postings: postings, positions: positions, first: entry == 0)
                    skipped = documentFrequency == 1 && !TermDictionaryWriter.isTitle(spaceByte) ? 2 : 3
                }
                do throws(VarInt.Malformation) {
                    position = try VarInt.offset(afterSkipping: skipped, in: bytes, from: position)
                } catch {
                    throw dictionary.corruption(at: position, .malformedVarInt(error))
                }
            }
            return nil
        }
        guard let (infoOffset, offsetsBefore, first) = found else { return nil }
        var offsets = offsetsBefore
        var reader = ByteReader(dictionary, position: 0)
        try reader.seek(to: infoOffset)
        return try readInfo(&reader, space: key.first, offsets: &offsets, first: first)
    }

    /// Reads the information of an entry whose key starts with `spaceByte`; `offsets`
    /// holds the bases of the entries before it in its block (``TermEntryOffsets``).
    private func readInfo(
        _ reader: inout ByteReader, space spaceByte: UInt8?, offsets: inout TermEntryOffsets, first: Bool
    ) throws(IndexCorruption) -> TermInfo {
        // A key of no known space gets the tighter bound (verify() reports the space).
        let space = TermSpace(rawValue: spaceByte ?? 0)
        let documentFrequency = try reader.readVarUInt32()
        var postingsOffset = try reader.readVarUInt64(), positionsOffset = try reader.readVarUInt64()
        if isDeltaCoded {
            (postingsOffset, positionsOffset) = offsets.decode(postings: postingsOffset, positions: positionsOffset, first: first)
        }
        let maximumFrequency = try reader.readVarUInt32(), minimumLength = try reader.readVarUInt32()
        let storedCount: UInt32?
        if !hasDocumentCounts {
            storedCount = nil
        } else if isDeltaCoded, documentFrequency == 1, !TermDictionaryWriter.isTitle(spaceByte) {
            storedCount = 1
        } else {
            storedCount = try reader.readVarUInt32()
        }
        var info = TermInfo(
            documentFrequency: documentFrequency, postingsOffset: postingsOffset,
            positionsOffset: positionsOffset, maximumFrequency: maximumFrequency,
            minimumLength: minimumLength, documentCount: storedCount,
            idLimit: space.map { $0.isTitle ? documentCount : unitCount } ?? min(documentCount, unitCount))
        if space?.isTitle ?? false, let last = info.documentCount {
            // A title term's postings are its documents.
            info.documentCount = info.documentFrequency
            if hasTitleOnlyCounts {
                guard last <= info.documentFrequency else {
                    throw dictionary.corruption(at: reader.position, .invariantViolated(
                        "a title term has \(last) title-only documents of \(info.documentFrequency)"))
                }
                info.titleOnlyDocuments = last
            }
        }
        return info
    }

    /// Every term whose key starts with `prefix`, in key order, at most `limit` of them
    /// (prefix queries expand to these). `truncated` says whether more existed.
    public func terms(withPrefix prefix: [UInt8], limit: Int) throws(IndexCorruption) -> (terms: [(key: [UInt8], info: TermInfo)], truncated: Bool) {
        var result: [(key: [UInt8], info: TermInfo)] = []
        var truncated = false
        var block = lastBlock(startingAtOrBefore: prefix) ?? 0
        var done = blockKeys.isEmpty
        while !done, block < blockKeys.count {
            try scan(block: block) { key, info in
                if key.starts(with: prefix) {
                    if result.count == limit {
                        truncated = true
                        done = true
                        return false
                    }
                    result.append((key, info))
                } else if prefix.lexicographicallyPrecedes(key) {
                    done = true
                    return false
                }
                return true
            }
            block += 1
        }
        return (result, truncated)
    }

    /// Calls `body` for every term whose key starts with `prefix`, in key order, reading
    /// only the blocks that hold them (one term space: `[TermSpace.bodyExact.rawValue]`).
    public func forEachTerm(withPrefix prefix: [UInt8], _ body: ([UInt8], TermInfo) throws(IndexCorruption) -> Void) throws(IndexCorruption) {
        var block = lastBlock(startingAtOrBefore: prefix) ?? 0
        var done = blockKeys.isEmpty
        while !done, block < blockKeys.count {
            try scan(block: block) { key, info throws(IndexCorruption) in
                if key.starts(with: prefix) {
                    try body(key, info)
                } else if Self.precedes(prefix, key) {
                    done = true
                    return false
                }
                return true
            }
            block += 1
        }
    }

    /// Calls `body` with the key and the document count of every body term whose key
    /// starts with `prefix`, in key order, decoding nothing else of the entries. `key` is
    /// valid only during the call. A scan of a whole term space (the spelling dictionary
    /// of "did you mean", which a one-shot `kamerzoek search` builds) reads hundreds of
    /// thousands of entries: this allocates nothing per entry.
    public func forEachKeyAndDocumentCount(
        withPrefix prefix: [UInt8], _ body: (_ key: Span<UInt8>, _ documents: UInt32) -> Void
    ) throws(IndexCorruption) {
        guard var block = lastBlock(startingAtOrBefore: prefix) ?? (blockKeys.isEmpty ? nil : 0) else { return }
        var key: [UInt8] = []
        key.reserveCapacity(Self.maximumKeyLength)
        let dictionary = self.dictionary
        let fieldsBeforeCount = 4
        try dictionary.withBytes { (bytes) throws(IndexCorruption) in
            func varint(_ position: inout Int) throws(IndexCorruption) -> Int { try Self.varint(in: bytes, at: &position, of: dictionary) }
            while block < blockKeys.count {
                var position = blockOffsets[block]
                key.removeAll(keepingCapacity: true)
                for entry in 0 ..< min(blockSize, termCount - block * blockSize) {
                    let start = position
                    let shared = try varint(&position)
                    let suffixLength = try varint(&position)
                    guard shared <= key.count, entry > 0 || shared == 0, suffixLength <= Self.maximumKeyLength - shared,
                          suffixLength <= bytes.count - position else {
                        throw dictionary.corruption(at: start, .invariantViolated("term shares \(shared) bytes with a key of \(key.count) and adds \(suffixLength)"))
                    }
                    key.removeSubrange(shared...)
                    try dictionary.append(at: position, count: suffixLength, to: &key)
                    position += suffixLength
                    let documentFrequency = try varint(&position)
                    do throws(VarInt.Malformation) {
                        position = try VarInt.offset(afterSkipping: fieldsBeforeCount, in: bytes, from: position)
                    } catch {
                        throw dictionary.corruption(at: position, .malformedVarInt(error))
                    }
                    let documents = if isDeltaCoded, documentFrequency == 1, !TermDictionaryWriter.isTitle(key.first) {
                        1
                    } else {
                        hasDocumentCounts ? try varint(&position) : documentFrequency
                    }
                    if key.starts(with: prefix) {
                        body(key.span, UInt32(clamping: documents))
                    } else if Self.precedes(prefix, key) {
                        return
                    }
                }
                block += 1
            }
        }
    }

    /// The full 64 bits of the varint at `position` (a delta-coded offset), moving past it.
    @inline(__always)
    private static func varint64(in bytes: Span<UInt8>, at position: inout Int, of dictionary: ByteSlice) throws(IndexCorruption) -> UInt64 {
        do throws(VarInt.Malformation) {
            let (value, length) = try VarInt.decodeUInt64(bytes, at: position)
            position += length
            return value
        } catch {
            throw dictionary.corruption(at: position, .malformedVarInt(error))
        }
    }

    /// The varint at `position` in `bytes` (the mapped `dictionary`), moving past it.
    @inline(__always)
    private static func varint(in bytes: Span<UInt8>, at position: inout Int, of dictionary: ByteSlice) throws(IndexCorruption) -> Int {
        do throws(VarInt.Malformation) {
            let (value, length) = try VarInt.decodeUInt64(bytes, at: position)
            position += length
            return Int(clamping: value)
        } catch {
            throw dictionary.corruption(at: position, .malformedVarInt(error))
        }
    }

    /// Calls `body` for every term in key order (checks, merges of statistics).
    public func forEachTerm(_ body: ([UInt8], TermInfo) throws(IndexCorruption) -> Void) throws(IndexCorruption) {
        for block in blockKeys.indices {
            try scan(block: block) { key, info throws(IndexCorruption) in
                try body(key, info)
                return true
            }
        }
    }

    /// Every term in key order, a block at a time: what a merge walks, several
    /// dictionaries side by side.
    public struct Terms {
        private let reader: TermDictionaryReader
        private var block = 0
        private var buffered: [([UInt8], TermInfo)] = []
        private var position = 0

        init(_ reader: TermDictionaryReader) {
            self.reader = reader
        }

        /// The next term and its information, nil after the last.
        public mutating func next() throws(IndexCorruption) -> ([UInt8], TermInfo)? {
            while position == buffered.count {
                guard block < reader.blockKeys.count else { return nil }
                position = 0
                var entries: [([UInt8], TermInfo)] = []
                try reader.scan(block: block) { key, info throws(IndexCorruption) in
                    entries.append((key, info))
                    return true
                }
                buffered = entries
                block += 1
            }
            defer { position += 1 }
            return buffered[position]
        }
    }

    public var terms: Terms { Terms(self) }

    /// Byte order of two keys (unsigned bytes, then the shorter first): the generic
    /// `lexicographicallyPrecedes` costs a call per byte, and every lookup compares a
    /// dozen block keys.
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let left = lhs.span, right = rhs.span
        for offset in 0 ..< min(left.count, right.count) where left[offset] != right[offset] {
            return left[offset] < right[offset]
        }
        return left.count < right.count
    }

    /// Whether two spans hold the same bytes.
    @inline(__always)
    private static func equal(_ left: Span<UInt8>, _ right: Span<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        for offset in 0 ..< left.count where left[offset] != right[offset] { return false }
        return true
    }

    private func lastBlock(startingAtOrBefore key: [UInt8]) -> Int? {
        var low = 0, high = blockKeys.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(key, blockKeys[middle]) { high = middle } else { low = middle + 1 }
        }
        return low == 0 ? nil : low - 1
    }

    /// Decodes the entries of `block` in order until `body` returns false.
    private func scan(block: Int, _ body: ([UInt8], TermInfo) throws(IndexCorruption) -> Bool) throws(IndexCorruption) {
        let entries = min(blockSize, termCount - block * blockSize)
        var reader = ByteReader(dictionary, position: 0)
        try reader.seek(to: blockOffsets[block])
        var key: [UInt8] = []
        var offsets = TermEntryOffsets()
        for entry in 0 ..< entries {
            let start = reader.position
            let shared = Int(try reader.readVarUInt32())
            let suffix = try reader.readLengthPrefixedSlice(maximumCount: Self.maximumKeyLength)
            guard shared <= key.count, entry > 0 || shared == 0 else {
                throw dictionary.corruption(at: start, .invariantViolated("term shares \(shared) bytes with a key of \(key.count)"))
            }
            key.removeSubrange(shared...)
            suffix.append(to: &key)
            if entry == 0, key != blockKeys[block] {
                throw dictionary.corruption(at: start, .invariantViolated("block \(block) does not start with its indexed key"))
            }
            if try !body(key, try readInfo(&reader, space: key.first, offsets: &offsets, first: entry == 0)) { return }
        }
    }
}
