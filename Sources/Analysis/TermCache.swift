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
    /// The stems' UTF-8 bytes, entry after entry, for the indexer (``Analyzer/withTermBytes(_:_:)``).
    private var stemBytes: [UInt8] = []
    private var stemStarts: [Int32] = [0]
    private(set) var entries: [CachedTerm] = []
    /// Changes whenever entry numbers start over (``removeAll()``): a number handed out
    /// before names another term after.
    private(set) var generation = 0

    var count: Int { entries.count }

    /// FNV-1a over the kind byte and the term bytes.
    @inline(__always)
    static func hash(kind: UInt8, _ bytes: Span<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind)
        hash = hash &* 0x100_0000_01b3
        for index in bytes.indices {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    /// Starts over now if `newEntries` more could reach the limit, so that the entry
    /// numbers of one analysed text all stay valid until the next text.
    mutating func makeRoom(for newEntries: Int) {
        if entries.count + newEntries > Self.maximumEntries { removeAll() }
    }

    /// The folded bytes (without the kind) and the stem bytes of entry `entry`.
    func withBytes<Result>(of entry: Int, _ body: (_ exact: Span<UInt8>, _ stem: Span<UInt8>) -> Result) -> Result {
        let key = keyRanges[entry]
        return body(
            keyBytes.span.extracting(Int(key.start) + 1 ..< Int(key.start + key.count)),
            stemBytes.span.extracting(Int(stemStarts[entry]) ..< Int(stemStarts[entry + 1])))
    }

    /// The entry number for the key, or nil; `hash` must be ``hash(kind:_:)`` of the same key.
    @inline(__always)
    func findEntry(kind: UInt8, _ bytes: Span<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            let key = keyRanges[entry]
            if key.hash == hash, Int(key.count) == bytes.count + 1, keyMatches(Int(key.start), kind: kind, bytes) {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }

    /// The entry for the key, or nil; `hash` must be ``hash(kind:_:)`` of the same key.
    func find(kind: UInt8, _ bytes: Span<UInt8>, hash: UInt64) -> CachedTerm? {
        findEntry(kind: kind, bytes, hash: hash).map { entries[$0] }
    }

    /// Adds the key's entry and returns its number.
    @discardableResult
    mutating func insert(kind: UInt8, _ bytes: Span<UInt8>, hash: UInt64, _ term: CachedTerm) -> Int {
        if entries.count >= Self.maximumEntries { removeAll() }
        if (entries.count + 1) * 2 > slots.count { grow() }
        stemBytes.append(contentsOf: term.stem.utf8)
        stemStarts.append(Int32(stemBytes.count))
        let start = keyBytes.count
        keyBytes.append(kind)
        // A Span is no Sequence: the key's bytes are appended one by one (once per word type).
        for index in bytes.indices { keyBytes.append(bytes[index]) }
        keyRanges.append((Int32(start), Int32(bytes.count + 1), hash))
        entries.append(term)
        place(entry: entries.count - 1, hash: hash)
        return entries.count - 1
    }

    @inline(__always)
    private func keyMatches(_ start: Int, kind: UInt8, _ bytes: Span<UInt8>) -> Bool {
        let keys = keyBytes.span
        guard keys[start] == kind else { return false }
        // The caller compared the lengths: the stored key's bytes follow its kind byte.
        let stored = keys.extracting(start + 1 ..< start + 1 + bytes.count)
        for index in bytes.indices where stored[index] != bytes[index] { return false }
        return true
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
        stemBytes.removeAll(keepingCapacity: true)
        stemStarts.removeAll(keepingCapacity: true)
        stemStarts.append(0)
        entries.removeAll(keepingCapacity: true)
        generation += 1
    }
}
