/// Writes the term dictionary (`.tdc`) and its sparse index (`.tdx`).
///
/// ```
/// TermDictionary --> Block^BlockCount
/// Block          --> Entry^(≤ BlockSize)
/// Entry          --> VarUInt32 shared, VarUInt64 suffixLength, suffix, VarUInt32 docFreq,
///                    VarUInt64 postingsOffset, VarUInt64 positionsOffset,
///                    VarUInt32 maxFrequency, VarUInt32 minLength,
///                    VarUInt32 documentCount          (title spaces: titleOnlyCount)
/// TermIndex      --> VarUInt32 termCount, VarUInt32 BlockSize, VarUInt32 BlockCount,
///                    <VarUInt64 keyLength, key, VarUInt64 blockOffset>^BlockCount
/// ```
///
/// Keys are sorted by their bytes. Each entry stores only what differs from the previous
/// key of its block (front coding); the first entry of a block is whole, so a reader can
/// start at any block the index points to. Why blocks of 32: a lookup decodes at most 31
/// entries after a binary search over an index that holds one key in 32 in memory.
struct TermDictionaryWriter {
    static let blockSize = 32

    private(set) var dictionary = ByteWriter()
    private(set) var index = ByteWriter()
    private var blockKeys: [(key: [UInt8], offset: UInt64)] = []
    private var previousKey: [UInt8] = []
    private var termCount = 0

    init(segmentID: SegmentID) {
        IndexFile.writeHeader(kind: .termDictionary, segmentID: segmentID, into: &dictionary)
        IndexFile.writeHeader(kind: .termIndex, segmentID: segmentID, into: &index)
    }

    /// Adds the next term; keys must come in strictly increasing byte order.
    mutating func add(key: [UInt8], _ info: TermInfo) {
        precondition(termCount == 0 || previousKey.lexicographicallyPrecedes(key), "terms must be added in order")
        var shared = 0
        if termCount % Self.blockSize == 0 {
            blockKeys.append((key, UInt64(dictionary.count - FileHeader.byteCount)))
        } else {
            let limit = min(previousKey.count, key.count)
            while shared < limit, previousKey[shared] == key[shared] { shared += 1 }
        }
        dictionary.writeVarUInt32(UInt32(shared))
        dictionary.writeLengthPrefixed(key[shared...])
        dictionary.writeVarUInt32(info.documentFrequency)
        dictionary.writeVarUInt64(info.postingsOffset)
        dictionary.writeVarUInt64(info.positionsOffset)
        dictionary.writeVarUInt32(info.maximumFrequency)
        dictionary.writeVarUInt32(info.minimumLength)
        // The last number is the document count of a body term and the title-only count
        // of a title term (a title term's document count is its docFreq again).
        if TermSpace(rawValue: key.first ?? 0)?.isTitle ?? false {
            precondition(info.titleOnlyDocuments != nil, "a title term's entry needs its title-only count")
            dictionary.writeVarUInt32(info.titleOnlyDocuments ?? 0)
        } else {
            dictionary.writeVarUInt32(info.documentCount ?? 0)
        }
        previousKey = key
        termCount += 1
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
