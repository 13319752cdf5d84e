/// The stop-word pairs (``StopWordPair``) of a segment being built, keyed by the two
/// words' ids in the body's exact space: a pair costs an integer key here and becomes text
/// (`de minister`) only at flush, and only if it is kept; most pairs hold a rare word and
/// are dropped then.
struct PairTable {
    /// A slot holds the pair's key beside its id, so that a probe reads one cache line and
    /// never the ``words`` array (one probe per token next to a stop word).
    private struct Slot {
        var key: UInt64
        var id: Int32
    }

    private var slots = [Slot](repeating: Slot(key: 0, id: -1), count: 1 << 12)
    /// The two words of each pair, by pair id.
    private(set) var words: [(first: Int32, second: Int32)] = []

    var count: Int { words.count }
    var allocatedBytes: Int { slots.capacity * MemoryLayout<Slot>.stride + words.capacity * 8 }

    /// The id of the pair, and whether it is new.
    @inline(__always)
    mutating func intern(first: Int32, second: Int32) -> (id: Int32, isNew: Bool) {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        let hash = Self.hash(key)
        if let found = find(key, hash: hash) { return (found, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        words.append((first, second))
        place(Slot(key: key, id: id), hash: hash)
        return (id, true)
    }

    @inline(__always)
    private func find(_ key: UInt64, hash: Int) -> Int32? {
        let slots = slots.span
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry.id < 0 { return nil }
            if entry.key == key { return entry.id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func place(_ entry: Slot, hash: Int) {
        var slots = slots.mutableSpan
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: slots.count * 2)
        for entry in old where entry.id >= 0 { place(entry, hash: Self.hash(entry.key)) }
    }

    /// A multiplicative hash (the key's ids are small and dense, so mix the high bits down).
    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        let mixed = key &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32)
    }
}
