import Foundation

/// What the analyzer has already worked out for one (kind, folded bytes) key.
struct CachedTerm {
    var exact: String
    var stem: String
    var flags: TokenFlags
}

/// A hash table from term bytes to ``CachedTerm``, looked up with the bytes in place.
///
/// Word frequencies are Zipfian: after a few pages almost every token is a hit, so the
/// stemmer (a C call plus two String conversions) runs once per word type, not per token.
/// Keys live in one byte arena and slots hold entry numbers, so a lookup allocates nothing.
/// Open addressing with linear probing; the table doubles at half load.
struct TermCache {
    /// Beyond this many entries the cache starts over: OCR noise and numbers can make the
    /// vocabulary of a large batch unbounded, and memory must not be.
    static let maximumEntries = 1 << 20

    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var keyBytes: [UInt8] = []
    private var keyRanges: [(start: Int32, count: Int32, hash: UInt64)] = []
    private(set) var entries: [CachedTerm] = []

    var count: Int { entries.count }

    /// FNV-1a over the kind byte and the term bytes.
    @inline(__always)
    static func hash(kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind)
        hash = hash &* 0x100_0000_01b3
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    /// The entry for the key, or nil; `hash` must be ``hash(kind:_:)`` of the same key.
    func find(kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> CachedTerm? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            let key = keyRanges[entry]
            if key.hash == hash, Int(key.count) == bytes.count + 1, keyMatches(Int(key.start), kind: kind, bytes) {
                return entries[entry]
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ term: CachedTerm) {
        if entries.count >= Self.maximumEntries { removeAll() }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let start = keyBytes.count
        keyBytes.append(kind)
        keyBytes.append(contentsOf: bytes)
        keyRanges.append((Int32(start), Int32(bytes.count + 1), hash))
        entries.append(term)
        place(entry: entries.count - 1, hash: hash)
    }

    private func keyMatches(_ start: Int, kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { keys in
            guard keys[start] == kind else { return false }
            guard let stored = keys.baseAddress, let probe = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(stored + start + 1, probe, bytes.count) == 0
        }
    }

    private mutating func place(entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (entry, key) in keyRanges.enumerated() { place(entry: entry, hash: key.hash) }
    }

    mutating func removeAll() {
        slots = Array(repeating: -1, count: 1 << 12)
        keyBytes.removeAll(keepingCapacity: true)
        keyRanges.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}
