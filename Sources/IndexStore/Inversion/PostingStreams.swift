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
/// the stream is read back at flush (``decode(_:pool:into:lengths:scratch:)``), so nothing has to
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
        var terms = terms.mutableSpan
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

    /// Document frequency of `term`.
    func idCount(_ term: Int32) -> UInt32 { terms[Int(term)].idCount }

    /// Reads the postings of `term` back into `postings` (emptied first); `lengths[id]`
    /// gives the minimum length. `scratch` holds the stream's bytes meanwhile.
    func decode(_ term: Int32, pool: ByteSlicePool, into postings: inout TermPostings, lengths: [UInt32], scratch: inout [UInt8]) {
        postings.removeAll()
        pool.copy(terms[Int(term)].stream, into: &scratch)
        var id: UInt32 = 0
        var position: UInt32 = 0
        var first = true
        let bytes = scratch.span
        var at = 0
        while at < bytes.count {
            let value = Self.varint(bytes, &at)
            if value & 1 == 1 {
                // The first occurrence in a new id: the position, then the id's delta.
                position = UInt32(truncatingIfNeeded: value >> 1)
                let delta = UInt32(truncatingIfNeeded: Self.varint(bytes, &at))
                id = first ? delta : id + delta
                first = false
                postings.ids.append(id)
                postings.frequencies.append(1)
                postings.minimumLength = min(postings.minimumLength, lengths[Int(id)])
            } else {
                position += UInt32(truncatingIfNeeded: value >> 1)
                postings.frequencies[postings.frequencies.count - 1] += 1
            }
            postings.positions.append(position)
        }
    }

    /// The varint at `at` (which moves past it). The stream was written by ``record``,
    /// in memory, so it is well formed.
    @inline(__always)
    private static func varint(_ bytes: Span<UInt8>, _ at: inout Int) -> UInt64 {
        var byte = bytes[at]
        at += 1
        if byte < 0x80 { return UInt64(byte) }
        var value = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        repeat {
            byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            shift += 7
        } while byte >= 0x80
        return value
    }

    mutating func removeAll() {
        terms.removeAll(keepingCapacity: true)
    }
}
