/// The stems a merge has written, in key order, so that an exact form can find its stem's
/// postings by walking forward (both spaces are sorted by the same bytes): the merge's side
/// of shared postings (docs/INDEX_FORMAT.md, "Term dictionary").
///
/// Suffixes live in one arena: a full merge of a large index keeps hundreds of thousands
/// of stems here, and a dictionary of byte arrays would take several times the memory.
struct MergedStems {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var starts: [PostingsWriter.TermStart] = []
    private var frequencies: [UInt32] = []
    /// The next stem an exact form is compared with.
    private var next = 0

    /// Records stem `suffix` (the key without its space byte), written at `start` with
    /// `documentFrequency` postings. Suffixes come in increasing order.
    mutating func append(_ suffix: ArraySlice<UInt8>, start: PostingsWriter.TermStart, documentFrequency: UInt32) {
        arena.append(contentsOf: suffix)
        ends.append(arena.count)
        starts.append(start)
        frequencies.append(documentFrequency)
    }

    /// The stem with exactly these bytes, if one was written; `suffix` must not go
    /// backwards between calls.
    mutating func find(_ suffix: ArraySlice<UInt8>) -> (start: PostingsWriter.TermStart, documentFrequency: UInt32)? {
        while next < ends.count {
            let stem = arena[(next == 0 ? 0 : ends[next - 1]) ..< ends[next]]
            if stem.lexicographicallyPrecedes(suffix) {
                next += 1
                continue
            }
            return stem.elementsEqual(suffix) ? (starts[next], frequencies[next]) : nil
        }
        return nil
    }
}
