/// Writes the term dictionary (`.tdc`) and its sparse index (`.tdx`).
///
/// ```
/// TermDictionary --> Block^BlockCount
/// Block          --> Entry^(≤ BlockSize)
/// Entry          --> VarUInt32 shared, VarUInt64 suffixLength, suffix, VarUInt32 docFreq,
///                    VarUInt64 postingsStep, VarUInt64 positionsStep,
///                    VarUInt32 maxFrequency, VarUInt32 minLength,
///                    VarUInt32 documentCount          (title spaces: titleOnlyCount;
///                                                      none for a body term of docFreq 1)
/// TermIndex      --> VarUInt32 termCount, VarUInt32 BlockSize, VarUInt32 BlockCount,
///                    <VarUInt64 keyLength, key, VarUInt64 blockOffset>^BlockCount
/// ```
///
/// Keys are sorted by their bytes. Each entry stores only what differs from the previous
/// key of its block (front coding); the first entry of a block is whole, so a reader can
/// start at any block the index points to. Why blocks of 32: a lookup decodes at most 31
/// entries after a binary search over an index that holds one key in 32 in memory. The
/// offsets are steps from earlier entries of the block (``TermEntryOffsets``). A body
/// term with one posting is in one document, so its entry leaves the count out: half the
/// terms are such.
struct TermDictionaryWriter {
    static let blockSize = 32

    private(set) var dictionary = ByteWriter()
    private(set) var index = ByteWriter()
    private var blockKeys: [(key: [UInt8], offset: UInt64)] = []
    private var previousKey: [UInt8] = []
    private var termCount = 0
    private var offsets = TermEntryOffsets()

    init(segmentID: SegmentID) {
        IndexFile.writeHeader(kind: .termDictionary, segmentID: segmentID, into: &dictionary)
        IndexFile.writeHeader(kind: .termIndex, segmentID: segmentID, into: &index)
    }

    /// Adds the next term; keys must come in strictly increasing byte order.
    mutating func add(key: [UInt8], _ info: TermInfo) {
        precondition(termCount == 0 || previousKey.lexicographicallyPrecedes(key), "terms must be added in order")
        var shared = 0
        let first = termCount % Self.blockSize == 0
        if first {
            blockKeys.append((key, UInt64(dictionary.count - FileHeader.byteCount)))
        } else {
            let limit = min(previousKey.count, key.count)
            while shared < limit, previousKey[shared] == key[shared] { shared += 1 }
        }
        dictionary.writeVarUInt32(UInt32(shared))
        dictionary.writeLengthPrefixed(key[shared...])
        dictionary.writeVarUInt32(info.documentFrequency)
        let steps = offsets.encode((info.postingsOffset, info.positionsOffset), first: first)
        dictionary.writeVarUInt64(steps.0)
        dictionary.writeVarUInt64(steps.1)
        dictionary.writeVarUInt32(info.maximumFrequency)
        dictionary.writeVarUInt32(info.minimumLength)
        // The last number is the document count of a body term and the title-only count
        // of a title term (a title term's document count is its docFreq again).
        if Self.isTitle(key.first) {
            precondition(info.titleOnlyDocuments != nil, "a title term's entry needs its title-only count")
            dictionary.writeVarUInt32(info.titleOnlyDocuments ?? 0)
        } else if info.documentFrequency != 1 {
            dictionary.writeVarUInt32(info.documentCount ?? 0)
        }
        previousKey = key
        termCount += 1
    }

    /// Whether a key starting with `spaceByte` is a title term's (whose entry always ends
    /// with its title-only count). Writer and reader decide it alike, a byte of no known
    /// space counting as body.
    @inline(__always)
    static func isTitle(_ spaceByte: UInt8?) -> Bool {
        TermSpace(rawValue: spaceByte ?? 0)?.isTitle ?? false
    }

    mutating func finish() {
        index.writeVarUInt32(UInt32(termCount))
        index.writeVarUInt32(UInt32(Self.blockSize))
        index.writeVarUInt32(UInt32(blockKeys.count))
        for (key, offset) in blockKeys {
            index.writeLengthPrefixed(key)
            index.writeVarUInt64(offset)
        }
        IndexFile.writeFooter(into: &dictionary)
        IndexFile.writeFooter(into: &index)
    }
}
