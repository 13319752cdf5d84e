/// Per term of a phrase, the current passage's positions, and the walks that count the
/// phrase in them: one allocation, reused for every candidate passage and grown when a
/// passage has more positions than it has room for.
///
/// The positions are held by pointer, not in arrays: arrays here would be retained,
/// released and checked for uniqueness at every candidate passage, and a phrase has many.
/// No pointer leaves this type except into the closure of ``fill(_:count:_:)``.
final class PhrasePositions {
    /// `rows` counts and `rows` cursors (`Int`), then `rows` rows of `stride` positions
    /// (`UInt32`): one allocation, its two parts bound to different types so that the
    /// compiler knows a cursor written does not change a position read.
    ///
    /// Invariants: the counts and cursors are initialised, and so are the rows; a count is
    /// at most `stride`, and only a row's first `count` cells are read.
    private var storage: UnsafeMutableRawPointer
    private let rows: Int
    private var stride: Int

    private var counts: UnsafeMutablePointer<Int> { storage.assumingMemoryBound(to: Int.self) }
    private var cursors: UnsafeMutablePointer<Int> { counts + rows }
    private var positions: UnsafeMutablePointer<UInt32> {
        (storage + 2 * rows * MemoryLayout<Int>.stride).assumingMemoryBound(to: UInt32.self)
    }

    init(terms: Int) {
        rows = terms
        stride = 16
        storage = Self.allocate(rows: terms, stride: stride)
    }

    deinit {
        storage.deallocate()
    }

    /// Zeroed counts, cursors and rows, bound to their types.
    private static func allocate(rows: Int, stride: Int) -> UnsafeMutableRawPointer {
        let header = 2 * rows * MemoryLayout<Int>.stride
        let storage = UnsafeMutableRawPointer.allocate(byteCount: header + rows * stride * 4, alignment: MemoryLayout<Int>.alignment)
        storage.initializeMemory(as: Int.self, repeating: 0, count: 2 * rows)
        (storage + header).initializeMemory(as: UInt32.self, repeating: 0, count: rows * stride)
        return storage
    }

    /// Fills row `row` with at most `count` positions through `decode`, which writes them
    /// from the pointer it is given and returns how many it wrote (`PostingsCursor`'s
    /// `decodePositions(to:)`). The rows before `row` are kept.
    @inline(__always)
    func fill(_ row: Int, count: Int, _ decode: (UnsafeMutablePointer<UInt32>) throws -> Int) rethrows {
        if count > stride { grow(to: count) }
        let written = try decode(positions + row * stride)
        precondition(written <= count, "more positions than counted")
        counts[row] = written
    }

    /// Room for `count` positions a row (at least twice the room now), keeping every row.
    private func grow(to count: Int) {
        let newStride = max(count, 2 * stride)
        let grown = Self.allocate(rows: rows, stride: newStride)
        let newPositions = (grown + 2 * rows * MemoryLayout<Int>.stride).assumingMemoryBound(to: UInt32.self)
        grown.assumingMemoryBound(to: Int.self).update(from: counts, count: 2 * rows)
        for row in 0 ..< rows { (newPositions + row * newStride).update(from: positions + row * stride, count: stride) }
        storage.deallocate()
        storage = grown
        stride = newStride
    }

    /// How many starts (positions of row 0) have every other row's word at its offset:
    /// `offsets[row] - offsets[0]` positions after the start.
    ///
    /// Positions ascend, so each row is walked once, forward, for all the starts.
    @inline(__always)
    func exactMatches(offsets: [UInt32]) -> UInt32 {
        let counts = counts, cursors = cursors, first = positions, rows = rows, stride = stride
        for row in 0 ..< rows { cursors[row] = 0 }
        var matches: UInt32 = 0
        starts: for occurrence in 0 ..< counts[0] {
            let start = first[occurrence]
            for row in 1 ..< rows {
                let wanted = start &+ offsets[row] &- offsets[0]
                let list = first + row * stride, end = counts[row]
                var cursor = cursors[row]
                while cursor < end, list[cursor] < wanted { cursor &+= 1 }
                cursors[row] = cursor
                // No later start can match once a row is used up.
                guard cursor < end else { break starts }
                guard list[cursor] == wanted else { continue starts }
            }
            matches &+= 1
        }
        return matches
    }

    /// How many starts (positions of row 0) are followed by each other row's word in
    /// order, each after the previous one, the last at most `allowed` positions after
    /// the start.
    @inline(__always)
    func orderedMatches(allowed: Int) -> UInt32 {
        let counts = counts, cursors = cursors, first = positions, rows = rows, stride = stride
        for row in 0 ..< rows { cursors[row] = 0 }
        var matches: UInt32 = 0
        for occurrence in 0 ..< counts[0] {
            let start = first[occurrence]
            var previous = start
            for row in 1 ..< rows {
                let list = first + row * stride, end = counts[row]
                var cursor = cursors[row]
                while cursor < end, list[cursor] <= previous { cursor &+= 1 }
                cursors[row] = cursor
                // No later start can be followed once a row is used up.
                guard cursor < end else { return matches }
                previous = list[cursor]
            }
            if Int(previous - start) <= allowed { matches &+= 1 }
        }
        return matches
    }
}
