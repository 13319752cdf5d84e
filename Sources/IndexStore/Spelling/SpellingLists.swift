/// The `.spl` file (format 9 on): the words "did you mean" may suggest from one segment,
/// so that a search reads them instead of gathering them from the term dictionary and
/// sorting them backwards.
///
/// ```
/// SpellingLists --> VarUInt32 termCount, VarUInt32 byteCount, UInt8 orderWidth,
///                   Word^termCount, Order^termCount
/// Word          --> VarUInt32 shared, VarUInt32 suffixLength, suffix, VarUInt32 documentCount
/// Order         --> orderWidth bytes, little-endian: a word's number in byte order
/// ```
///
/// The words are the segment's body exact forms written in letters only (``isWord(_:)``),
/// every one of them whatever its document count, in byte order; each shares `shared`
/// bytes with the word before it and adds `suffix`, whose first byte is larger than the
/// byte it follows (so the words strictly ascend and `shared` is the whole common prefix).
/// `byteCount` is the words' length summed. The counts are the term dictionary's (passages
/// of deleted documents included, like the dictionary's until a merge drops them). The
/// orders then list the words' numbers sorted by the bytes of the words written backwards,
/// in `orderWidth` bytes each, the fewest that hold `termCount - 1`.
///
/// All forms are kept, not only those a suggestion may be (in at least five documents):
/// that threshold and the dictionary's others apply to counts summed over a snapshot's
/// segments, which a segment alone cannot know. Backwards the words are stored as an order
/// rather than again: four bytes or fewer a word instead of its length.
public struct SpellingLists: Sendable {
    /// One segment's words decoded: term `i` is `bytes[starts[i] ..< starts[i + 1]]` in
    /// `counts[i]` documents; `backward` holds the term numbers in the byte order of the
    /// words written backwards.
    public struct Words: Sendable {
        public var bytes: [UInt8] = []
        public var starts: [UInt32] = [0]
        public var counts: [UInt32] = []
        public var backward: [UInt32] = []

        public var count: Int { counts.count }
    }

    let body: ByteSlice

    init(_ body: ByteSlice) {
        self.body = body
    }

    /// Whether the letters of a body exact form (its key without the space byte) make a
    /// word for the lists: lower-case letters only (folded forms have no capitals), ASCII
    /// or not; no digits, no punctuation, no stop-word pairs (which hold a space).
    public static func isWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { (0x61 ... 0x7A).contains($0) || $0 >= 0x80 }
    }

    /// The words and their orders. Checks what reading them safely needs (lengths, the
    /// byte order, the backward order naming every word once); ``verify(against:)``
    /// checks the rest.
    public func decode() throws(IndexCorruption) -> Words {
        var words = Words()
        let body = self.body
        try body.withUnsafeBytes { (bytes) throws(IndexCorruption) in
            var position = 0
            func varint() throws(IndexCorruption) -> Int {
                do throws(VarInt.Malformation) {
                    let (value, length) = try VarInt.decodeUInt32(bytes, at: position)
                    position += length
                    return Int(value)
                } catch {
                    throw body.corruption(at: position, .malformedVarInt(error))
                }
            }
            let termCount = try varint()
            let byteCount = try varint()
            guard position < bytes.count else { throw body.corruption(at: position, .unexpectedEnd(needed: 1, available: 0)) }
            let width = Int(bytes[position])
            position += 1
            // Each word takes at least three bytes and its order `width`.
            guard (1 ... 4).contains(width), termCount <= (bytes.count - position) / (3 + width),
                  width == Self.orderWidth(termCount) else {
                throw body.corruption(at: 0, .invariantViolated("\(termCount) spelling words with orders of \(width) bytes"))
            }
            words.bytes.reserveCapacity(min(byteCount, bytes.count * 16))  // not trusting a damaged count
            words.starts.reserveCapacity(termCount + 1)
            words.counts.reserveCapacity(termCount)
            // The word before, whose first `shared` bytes the next one repeats.
            var word: [UInt8] = []
            for _ in 0 ..< termCount {
                let start = position
                let shared = try varint()
                let suffixLength = try varint()
                guard shared <= word.count, suffixLength >= 1, suffixLength <= bytes.count - position,
                      shared == word.count || bytes[position] > word[shared] else {
                    throw body.corruption(at: start, .invariantViolated("a spelling word out of order"))
                }
                word.removeSubrange(shared...)
                word.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[position ..< position + suffixLength]))
                position += suffixLength
                // Checked before appending: damaged lengths cannot make this allocate more than said.
                guard word.count <= byteCount - words.bytes.count else {
                    throw body.corruption(at: start, .invariantViolated("spelling words longer than the \(byteCount) bytes said"))
                }
                words.bytes.append(contentsOf: word)
                words.starts.append(UInt32(truncatingIfNeeded: words.bytes.count))
                words.counts.append(UInt32(try varint()))
            }
            guard words.bytes.count == byteCount, bytes.count - position == termCount * width else {
                throw body.corruption(at: position, .invariantViolated(
                    "spelling words of \(words.bytes.count) bytes (\(byteCount) said), \(bytes.count - position) bytes of orders"))
            }
            words.backward.reserveCapacity(termCount)
            // Every word once: a reader reversing the words into a buffer of their length relies on it.
            var seen = [Bool](repeating: false, count: termCount)
            for _ in 0 ..< termCount {
                var number = 0
                for byte in 0 ..< width { number |= Int(bytes[position + byte]) << (8 * byte) }
                guard number < termCount, !seen[number] else {
                    throw body.corruption(at: position, .invariantViolated("spelling order \(number) of \(termCount) words, or twice"))
                }
                seen[number] = true
                words.backward.append(UInt32(number))
                position += width
            }
        }
        return words
    }

    /// The bytes an order takes for `termCount` words: the fewest that hold the largest number.
    static func orderWidth(_ termCount: Int) -> Int {
        var width = 1
        while width < 4, termCount - 1 >= 1 << (8 * width) { width += 1 }
        return width
    }

    /// Checks that the lists are exactly what `dictionary` implies: its letter-only body
    /// exact forms with their document counts, and the backward order a sort gives them
    /// (`kamerzoek check`).
    func verify(against dictionary: TermDictionaryReader) throws(IndexCorruption) {
        let words = try decode()
        var index = 0
        var mismatch = false
        try dictionary.forEachKeyAndDocumentCount(withPrefix: [TermSpace.bodyExact.rawValue]) { key, documents in
            let word = UnsafeBufferPointer(rebasing: key.dropFirst())
            guard !mismatch, Self.isWord(word) else { return }
            if index >= words.count || words.counts[index] != documents
                || !word.elementsEqual(words.bytes[Int(words.starts[index]) ..< Int(words.starts[index + 1])]) {
                mismatch = true
            }
            index += 1
        }
        guard !mismatch, index == words.count else {
            throw body.corruption(at: 0, .invariantViolated("the spelling words differ from the term dictionary's at word \(index)"))
        }
        for (rank, number) in words.backward.enumerated() {
            if rank > 0, !Self.precedesBackwards(words, words.backward[rank - 1], number) {
                throw body.corruption(at: 0, .invariantViolated("the backward order is not sorted at \(rank)"))
            }
        }
    }

    /// Whether word `left` written backwards comes before word `right` written backwards.
    static func precedesBackwards(_ words: Words, _ left: UInt32, _ right: UInt32) -> Bool {
        let leftStart = Int(words.starts[Int(left)]), leftEnd = Int(words.starts[Int(left) + 1])
        let rightStart = Int(words.starts[Int(right)]), rightEnd = Int(words.starts[Int(right) + 1])
        return words.bytes[leftStart ..< leftEnd].reversed().lexicographicallyPrecedes(words.bytes[rightStart ..< rightEnd].reversed())
    }
}
