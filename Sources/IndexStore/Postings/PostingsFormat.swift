/// Shared facts of the postings format (docs/INDEX_FORMAT.md, `.pst` and `.pos`).
///
/// ```
/// TermPostings --> SkipEntry^BlockCount, Block^(DocFreq / 128), Tail
/// BlockCount   --> ⌈DocFreq / 128⌉ when DocFreq > 128, else 0 (a lone block needs no skipping)
/// SkipEntry    --> LastID UInt32, BlockOffset UInt32, PositionsOffset UInt32,
///                  <Frequency UInt16, Length UInt16>^4            (28 bytes; format ≥ 3)
///                | LastID, BlockOffset, PositionsOffset, MaxFrequency UInt16,
///                  MinLength UInt16                               (16 bytes; formats 1, 2)
/// Block        --> DeltaBlock(ids, base), PackedBlock(frequency - 1)   (128 postings)
/// Tail         --> DeltaBlock(ids, base), PackedBlock(frequency - 1)   (DocFreq % 128, varints)
/// TermPositions --> <VarUInt32 first, VarUInt32 gap^(frequency - 1)>^DocFreq
/// ```
///
/// Skip entries come first and have a fixed size so a cursor can binary-search them
/// without decoding any block. `BlockOffset` is relative to the end of the skip table,
/// `PositionsOffset` to the term's first position byte. The four (frequency, length) pairs
/// (``BlockImpacts``, capped at 65535) bound the best BM25 score inside the block, for
/// skipping blocks that cannot make the top k (block-max).
enum PostingsFormat {
    static let blockLength = BitPacking.blockLength
    /// A skip entry's size: with four impact pairs, or with the one loose pair of
    /// formats 1 and 2 (``FormatVersion/skipEntriesHaveImpacts``).
    static func skipEntryByteCount(hasImpacts: Bool) -> Int {
        hasImpacts ? 12 + 4 * BlockImpacts.count : 16
    }

    /// Number of skip entries (and so of blocks that can be jumped to) for a list.
    static func skipEntryCount(documentFrequency: Int) -> Int {
        documentFrequency > blockLength ? (documentFrequency + blockLength - 1) / blockLength : 0
    }
}
