import Analysis

/// The terms of one space of a segment being built, interned to dense integer ids.
///
/// Keys live back to back in one byte arena; the table holds ids in open-addressing slots
/// (linear probing, doubled at half load), so interning a term allocates nothing once the
/// arrays have grown, and no `String` is ever made. Ids are given in order of first sight;
/// the byte order the dictionary needs is computed once, at flush (``sortedIDs()``).
struct TermTable {
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var arena: [UInt8] = []
    /// `starts[id] ..< starts[id + 1]` are the term's bytes in ``arena``.
    private var starts: [UInt32] = [0]
    private var hashes: [UInt32] = []

    var count: Int { hashes.count }

    /// Bytes held, for the memory budget.
    var allocatedBytes: Int { slots.capacity * 4 + arena.capacity + starts.capacity * 4 + hashes.capacity * 4 }

    /// The id of `bytes`, added if new.
    mutating func intern(_ bytes: Span<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        if let id = find(bytes, hash: hash) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(copying: bytes)
        starts.append(UInt32(arena.count))
        hashes.append(hash)
        place(id, hash: hash)
        return id
    }

    /// The id of `bytes`, or nil when the space does not hold it.
    func find(_ bytes: Span<UInt8>) -> Int32? {
        find(bytes, hash: Self.hash(bytes))
    }

    /// The bytes of term `id`.
    func withBytes<Result>(of id: Int32, _ body: (Span<UInt8>) -> Result) -> Result {
        body(arena.span.extracting(Int(starts[Int(id)]) ..< Int(starts[Int(id) + 1])))
    }

    /// Every id, ordered by its term's bytes (unsigned, shorter first on a common prefix):
    /// the dictionary's key order within one space.
    func sortedIDs() -> [Int32] {
        var ids = (0 ..< Int32(count)).map { $0 }
        let arena = arena.span, starts = starts.span
        ids.sort { left, right in
            Self.precedes(
                arena.extracting(Int(starts[Int(left)]) ..< Int(starts[Int(left) + 1])),
                arena.extracting(Int(starts[Int(right)]) ..< Int(starts[Int(right) + 1])))
        }
        return ids
    }

    /// The dictionary's order of two terms: unsigned bytes, the shorter first on a common
    /// prefix.
    @inline(__always)
    static func precedes(_ left: Span<UInt8>, _ right: Span<UInt8>) -> Bool {
        for offset in 0 ..< min(left.count, right.count) where left[offset] != right[offset] {
            return left[offset] < right[offset]
        }
        return left.count < right.count
    }

    private func find(_ bytes: Span<UInt8>, hash: UInt32) -> Int32? {
        let slots = slots.span, arena = arena.span
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash {
                let start = Int(starts[Int(id)])
                let length = Int(starts[Int(id) + 1]) - start
                if length == bytes.count, Self.equal(arena, from: start, bytes) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `arena` holds `bytes` from `start` on (`bytes.count` bytes, inside it).
    @inline(__always)
    private static func equal(_ arena: Span<UInt8>, from start: Int, _ bytes: Span<UInt8>) -> Bool {
        for offset in bytes.indices where arena[start + offset] != bytes[offset] { return false }
        return true
    }

    private mutating func place(_ id: Int32, hash: UInt32) {
        var slots = slots.mutableSpan
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0 ..< count { place(Int32(id), hash: hashes[id]) }
    }

    /// FNV-1a, folded to 32 bits.
    @inline(__always)
    static func hash(_ bytes: Span<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in bytes.indices { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
