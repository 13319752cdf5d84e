/// How an entry's two file offsets are stored from format 9 on
/// (``FormatVersion/termEntriesAreDeltaCoded``), relative to earlier entries of its block.
///
/// The first entry of a block stores both offsets whole, so every block decodes on its
/// own. Each later entry stores a step from one of two bases, both starting at the first
/// entry's offsets:
///
/// - ahead: the last entry whose offsets were both at or past the ahead base. Postings are
///   written in dictionary order, so almost every entry lies just past the one before it;
///   the step is the size of the previous term's data, one or two bytes.
/// - back: the last entry that was not. An exact form may point at the postings of the
///   stem with the same bytes, far behind (INDEX_FORMAT "Two entries may have the same
///   postingsOffset…"); those stems come in the same key order as their exact forms, so
///   after the first one of a block each such step is short too. Keeping it apart from the
///   ahead base means the entry after it steps from its own predecessor's data, not back
///   from the stem.
///
/// ```
/// postingsStep  --> VarUInt64   (d << 1) ahead, (zigzag(d) << 1) | 1 back
/// positionsStep --> VarUInt64   d ahead, zigzag(d) back
/// ```
///
/// The choice is the low bit of the postings step, so the pair costs one bit more than
/// plain steps. Offsets below 2⁶² come back exactly; a reader of damaged bytes gets
/// wrapped numbers, which the postings cursor refuses as beyond its files.
struct TermEntryOffsets {
    private var ahead: (postings: UInt64, positions: UInt64) = (0, 0)
    private var back: (postings: UInt64, positions: UInt64) = (0, 0)

    /// Largest offset the steps can carry (zigzag and the flag bit take two bits).
    static let limit: UInt64 = 1 << 62

    /// The two numbers to store for an entry at `offsets`, and moves the bases on.
    /// `first` says the entry starts its block.
    mutating func encode(_ offsets: (postings: UInt64, positions: UInt64), first: Bool) -> (UInt64, UInt64) {
        precondition(offsets.postings < Self.limit && offsets.positions < Self.limit, "file offsets beyond 2⁶²")
        if first {
            ahead = offsets
            back = offsets
            return offsets
        }
        if offsets.postings >= ahead.postings, offsets.positions >= ahead.positions {
            defer { ahead = offsets }
            return ((offsets.postings - ahead.postings) << 1, offsets.positions - ahead.positions)
        }
        defer { back = offsets }
        let postings = Self.zigzag(Int64(bitPattern: offsets.postings &- back.postings))
        let positions = Self.zigzag(Int64(bitPattern: offsets.positions &- back.positions))
        return (postings << 1 | 1, positions)
    }

    /// The offsets of an entry that stored `postings` and `positions`; the inverse of
    /// ``encode(_:first:)``.
    @inline(__always)
    mutating func decode(postings: UInt64, positions: UInt64, first: Bool) -> (postings: UInt64, positions: UInt64) {
        if first {
            ahead = (postings, positions)
            back = ahead
            return ahead
        }
        if postings & 1 == 0 {
            ahead = (ahead.postings &+ postings >> 1, ahead.positions &+ positions)
            return ahead
        }
        back = (back.postings &+ Self.unzigzag(postings >> 1), back.positions &+ Self.unzigzag(positions))
        return back
    }

    private static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// Back to the two's complement step, as a number to add with wrapping.
    @inline(__always)
    private static func unzigzag(_ value: UInt64) -> UInt64 {
        (value >> 1) ^ (0 &- (value & 1))
    }
}
