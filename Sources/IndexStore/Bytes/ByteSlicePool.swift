/// Many growing byte streams in one buffer: the in-memory postings of a segment being
/// built, one stream per term (the idea of Lucene's `ByteBlockPool` slices and Tantivy's
/// `ExpUnrolledLinkedList`).
///
/// A stream is a chain of slices. Its first slice is 8 bytes; each next one is twice the
/// size of the one before, up to 4 KB. The last 4 bytes of a slice are kept free: when
/// the stream outgrows the slice, the next slice's address is written there (little
/// endian) and writing goes on in the new slice. So a term seen once costs 8 bytes, a
/// frequent term loses under 0.1% to links, and appending never moves a byte already
/// written. Addresses are offsets into ``bytes``, which may grow (and move) freely.
///
/// ```
/// slice:  [ data … (size - 4 bytes) ][ next slice's address, UInt32 LE ]
/// ```
///
/// A stream's state (``Stream``) lives with its owner (one per term), not in the pool.
struct ByteSlicePool {
    /// Where a stream starts, where its next byte goes and where its current slice's data ends.
    struct Stream {
        var head: UInt32
        var cursor: UInt32
        var end: UInt32
        var level: UInt8
    }

    private(set) var bytes: [UInt8] = []

    static let firstSliceSize = 8
    static let largestLevel: UInt8 = 9

    @inline(__always)
    static func sliceSize(level: UInt8) -> Int { firstSliceSize << Int(level) }

    /// The pool's bytes, for the memory budget (capacity, not count: what is held).
    var allocatedBytes: Int { bytes.capacity }

    /// Starts a new, empty stream.
    mutating func makeStream() -> Stream {
        let start = allocate(level: 0)
        return Stream(head: start, cursor: start, end: start + UInt32(Self.firstSliceSize - 4), level: 0)
    }

    /// Appends the `count` low bytes of `value` (least significant first), moving to a new
    /// slice whenever the current one is full. `count` is at most 8.
    @inline(__always)
    mutating func append(_ value: UInt64, count: Int, to stream: inout Stream) {
        var value = value
        var remaining = count
        while remaining > 0 {
            if stream.cursor == stream.end { link(&stream) }
            // Write what fits in this slice in one pass.
            let room = min(remaining, Int(stream.end - stream.cursor))
            bytes.withUnsafeMutableBufferPointer { buffer in
                var at = Int(stream.cursor)
                for _ in 0 ..< room {
                    buffer[at] = UInt8(truncatingIfNeeded: value)
                    value >>= 8
                    at += 1
                }
            }
            stream.cursor += UInt32(room)
            remaining -= room
        }
    }

    /// Copies the stream's bytes, in order, into `buffer` (emptied first), so that they can
    /// be decoded in one contiguous pass.
    func copy(_ stream: Stream, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { pool in
            var at = stream.head
            var end = stream.head + UInt32(Self.firstSliceSize - 4)
            var level: UInt8 = 0
            while true {
                // The stream ends in this slice when its cursor lies in it.
                let last = stream.cursor >= at && stream.cursor <= end
                let stop = last ? stream.cursor : end
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: pool[Int(at) ..< Int(stop)]))
                if last { return }
                at = Self.readAddress(pool, at: Int(end))
                level = min(level + 1, Self.largestLevel)
                end = at + UInt32(Self.sliceSize(level: level) - 4)
            }
        }
    }

    /// Forgets every stream; keeps the memory for the next segment.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func link(_ stream: inout Stream) {
        let level = min(stream.level + 1, Self.largestLevel)
        let next = allocate(level: level)
        let address = stream.end
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: next.littleEndian, toByteOffset: Int(address), as: UInt32.self) }
        stream.cursor = next
        stream.end = next + UInt32(Self.sliceSize(level: level) - 4)
        stream.level = level
    }

    private mutating func allocate(level: UInt8) -> UInt32 {
        let start = bytes.count
        let size = Self.sliceSize(level: level)
        precondition(start + size <= Int(UInt32.max), "an in-memory segment is limited to 4 GB of postings")
        if bytes.capacity < start + size {
            // Grow by half, not double: the budget check sees the capacity, and a doubling
            // of a large pool would overshoot the budget by the pool's size.
            bytes.reserveCapacity(max(start + size, bytes.capacity + bytes.capacity / 2, 1 << 16))
        }
        bytes.append(contentsOf: repeatElement(0, count: size))
        return UInt32(start)
    }

    @inline(__always)
    private static func readAddress(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }
}
