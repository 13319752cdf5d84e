/// The postings of every term of one space while a segment is being built: one byte
/// stream per term in a shared ``ByteSlicePool``, written as the tokens arrive.
///
/// Each occurrence is one or two varints in the term's stream:
///
/// ```
/// Occurrence --> VarUInt (position << 1 | 1), VarUInt idDelta   first in a new id
///             |  VarUInt (positionDelta << 1)                  another in the same id
/// ```
///
/// `idDelta` is the id minus the term's previous id (the id itself the first time). A
/// posting's frequency is not written: it is the number of its occurrences, counted when
/// the stream is read back at flush (``decode(_:pool:into:lengths:)``), so nothing has to
/// be patched when a passage ends. The same term twice at one position (`ouder(s)` gives
/// `ouders` and `ouder`, both stemming to `ouder`) counts once.
struct PostingStreams {
    /// What the writer keeps per term besides its stream: 24 bytes, no object.
    struct Term {
        var stream: ByteSlicePool.Stream
        var lastID: UInt32
        var lastPosition: UInt32
        /// Distinct ids so far: the term's document frequency.
        var idCount: UInt32
    }

    private(set) var terms: [Term] = []

    var count: Int { terms.count }
    var allocatedBytes: Int { terms.capacity * MemoryLayout<Term>.stride }

    /// Makes the stream of the next term (ids are dense, in order of first sight).
    mutating func addTerm(pool: inout ByteSlicePool) {
        terms.append(Term(stream: pool.makeStream(), lastID: 0, lastPosition: 0, idCount: 0))
    }

    /// Records term `term` at `position` of passage (or document) `id`. Ids come in
    /// ascending order, and positions within one id too.
    @inline(__always)
    mutating func record(_ term: Int32, id: UInt32, position: UInt32, pool: inout ByteSlicePool) {
        terms.withUnsafeMutableBufferPointer { terms in
            let index = Int(term)
            if terms[index].idCount > 0, terms[index].lastID == id {
                guard position != terms[index].lastPosition else { return }
                let (bytes, count) = VarInt.packed(UInt64(position - terms[index].lastPosition) << 1)
                pool.append(bytes, count: count, to: &terms[index].stream)
            } else {
                let delta = terms[index].idCount == 0 ? id : id - terms[index].lastID
                let (bytes, count) = VarInt.packed(UInt64(position) << 1 | 1)
                pool.append(bytes, count: count, to: &terms[index].stream)
                let (deltaBytes, deltaCount) = VarInt.packed(UInt64(delta))
                pool.append(deltaBytes, count: deltaCount, to: &terms[index].stream)
                terms[index].lastID = id
                terms[index].idCount += 1
            }
            terms[index].lastPosition = position
        }
    }

    /// Document frequency of `term`.
    func idCount(_ term: Int32) -> UInt32 { terms[Int(term)].idCount }

    /// Reads the postings of `term` back into `postings` (emptied first); `lengths[id]`
    /// gives the minimum length.
    func decode(_ term: Int32, pool: ByteSlicePool, into postings: inout TermPostings, lengths: [UInt32]) {
        postings.removeAll()
        var value: UInt64 = 0
        var shift: UInt64 = 0
        // The state of the occurrence being read: its first varint, and whether the id
        // delta is still to come.
        var awaitingDelta = false
        var pendingPosition: UInt32 = 0
        var id: UInt32 = 0
        var position: UInt32 = 0
        var first = true
        pool.forEachByte(of: terms[Int(term)].stream) { byte in
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                return
            }
            defer {
                value = 0
                shift = 0
            }
            if awaitingDelta {
                id = first ? UInt32(value) : id + UInt32(value)
                first = false
                awaitingDelta = false
                position = pendingPosition
                postings.ids.append(id)
                postings.frequencies.append(1)
                postings.positions.append(position)
                postings.minimumLength = min(postings.minimumLength, lengths[Int(id)])
            } else if value & 1 == 1 {
                pendingPosition = UInt32(value >> 1)
                awaitingDelta = true
            } else {
                position += UInt32(value >> 1)
                postings.frequencies[postings.frequencies.count - 1] += 1
                postings.positions.append(position)
            }
        }
    }

    mutating func removeAll() {
        terms.removeAll(keepingCapacity: true)
    }
}
