import Foundation

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
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        if let id = find(bytes, hash: hash) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        starts.append(UInt32(arena.count))
        hashes.append(hash)
        place(id, hash: hash)
        return id
    }

    /// The id of `bytes`, or nil when the space does not hold it.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(bytes, hash: Self.hash(bytes))
    }

    /// The bytes of term `id`.
    func withBytes<Result>(of id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        arena.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[Int(starts[Int(id)]) ..< Int(starts[Int(id) + 1])]))
        }
    }

    /// Every id, ordered by its term's bytes (unsigned, shorter first on a common prefix):
    /// the dictionary's key order within one space.
    func sortedIDs() -> [Int32] {
        var ids = (0 ..< Int32(count)).map { $0 }
        arena.withUnsafeBufferPointer { arena in
            starts.withUnsafeBufferPointer { starts in
                let base = arena.baseAddress
                ids.sort { left, right in
                    let leftStart = Int(starts[Int(left)]), leftCount = Int(starts[Int(left) + 1]) - leftStart
                    let rightStart = Int(starts[Int(right)]), rightCount = Int(starts[Int(right) + 1]) - rightStart
                    let common = min(leftCount, rightCount)
                    if common > 0, let base {
                        let order = memcmp(base + leftStart, base + rightStart, common)
                        if order != 0 { return order < 0 }
                    }
                    return leftCount < rightCount
                }
            }
        }
        return ids
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                let mask = slots.count - 1
                var slot = Int(hash) & mask
                while true {
                    let id = slots[slot]
                    if id < 0 { return nil }
                    if hashes[Int(id)] == hash {
                        let start = Int(starts[Int(id)])
                        let length = Int(starts[Int(id) + 1]) - start
                        if length == bytes.count, length == 0 || memcmp(arena.baseAddress! + start, bytes.baseAddress!, length) == 0 {
                            return id
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func place(_ id: Int32, hash: UInt32) {
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0 ..< count { place(Int32(id), hash: hashes[id]) }
    }

    /// FNV-1a, folded to 32 bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
