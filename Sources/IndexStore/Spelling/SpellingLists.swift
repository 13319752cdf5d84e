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

    /// The longest word read: a dictionary key's limit.
    static let maximumWordLength = TermDictionaryReader.maximumKeyLength

    init(_ body: ByteSlice) {
        self.body = body
    }

    /// Whether the letters of a body exact form (its key without the space byte) make a
    /// word for the lists: lower-case letters only (folded forms have no capitals), ASCII
    /// or not; no digits, no punctuation, no stop-word pairs (which hold a space).
    public static func isWord(_ bytes: Span<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        for index in 0 ..< bytes.count where !((0x61 ... 0x7A).contains(bytes[index]) || bytes[index] >= 0x80) { return false }
        return true
    }

    /// Whether `word` holds the bytes of `stored`.
    private static func equal(_ word: Span<UInt8>, _ stored: ArraySlice<UInt8>) -> Bool {
        guard word.count == stored.count else { return false }
        for (offset, byte) in stored.enumerated() where word[offset] != byte { return false }
        return true
    }

    /// The words and their orders. Checks what reading them safely needs (lengths, the
    /// byte order, the backward order naming every word once); ``verify(against:)``
    /// checks the rest.
    ///
    /// Two passes over the words: the first checks their lengths against the file and adds
    /// them up, so that the second writes into arrays of exactly the size the file holds
    /// through pointers, without growing them word by word (a damaged count cannot make
    /// this allocate more than the words' real length).
    public func decode() throws(IndexCorruption) -> Words {
        let body = self.body
        return try body.withUnsafeBytes { (bytes) throws(IndexCorruption) -> Words in
            var position = 0
            let termCount = try Self.varint(bytes, &position, of: body)
            let byteCount = try Self.varint(bytes, &position, of: body)
            guard position < bytes.count else { throw body.corruption(at: position, .unexpectedEnd(needed: 1, available: 0)) }
            let width = Int(bytes[position])
            position += 1
            // Each word takes at least three bytes and its order `width`.
            guard (1 ... 4).contains(width), termCount <= (bytes.count - position) / (3 + width),
                  width == Self.orderWidth(termCount) else {
                throw body.corruption(at: 0, .invariantViolated("\(termCount) spelling words with orders of \(width) bytes"))
            }
            let wordsStart = position
            var length = 0, total = 0
            for _ in 0 ..< termCount {
                let start = position
                let shared = try Self.varint(bytes, &position, of: body)
                let suffixLength = try Self.varint(bytes, &position, of: body)
                guard shared <= length, suffixLength >= 1, suffixLength <= Self.maximumWordLength - shared,
                      suffixLength <= bytes.count - position else {
                    throw body.corruption(at: start, .invariantViolated("a spelling word of \(shared) + \(suffixLength) bytes"))
                }
                position += suffixLength
                length = shared + suffixLength
                total += length
                _ = try Self.varint(bytes, &position, of: body)
            }
            guard total == byteCount, bytes.count - position == termCount * width else {
                throw body.corruption(at: position, .invariantViolated(
                    "spelling words of \(total) bytes (\(byteCount) said), \(bytes.count - position) bytes of orders"))
            }
            let ordersStart = position

            var wordBytes = [UInt8](repeating: 0, count: total)
            var wordStarts = [UInt32](repeating: 0, count: termCount + 1)
            var wordCounts = [UInt32](repeating: 0, count: termCount)
            // The first word out of order, if any (the pointer loop cannot throw).
            var outOfOrder: Int?
            wordBytes.withUnsafeMutableBufferPointer { out in
                wordStarts.withUnsafeMutableBufferPointer { starts in
                    wordCounts.withUnsafeMutableBufferPointer { counts in
                        // Checked by the first pass: every varint decodes, every length fits.
                        position = wordsStart
                        var previous = 0, end = 0
                        for index in 0 ..< termCount {
                            let start = position
                            let shared = (try? Self.varint(bytes, &position, of: body)) ?? 0
                            let suffixLength = (try? Self.varint(bytes, &position, of: body)) ?? 0
                            if index > 0, shared < end - previous, bytes[position] <= out[previous + shared] {
                                outOfOrder = start
                                return
                            }
                            // The previous word ends at `end`, past the bytes repeated from it.
                            if shared > 0 { (out.baseAddress! + end).update(from: out.baseAddress! + previous, count: shared) }
                            UnsafeMutableRawPointer(out.baseAddress! + end + shared).copyMemory(
                                from: bytes.baseAddress! + position, byteCount: suffixLength)
                            position += suffixLength
                            previous = end
                            end += shared + suffixLength
                            starts[index + 1] = UInt32(truncatingIfNeeded: end)
                            counts[index] = UInt32(truncatingIfNeeded: (try? Self.varint(bytes, &position, of: body)) ?? 0)
                        }
                    }
                }
            }
            if let outOfOrder { throw body.corruption(at: outOfOrder, .invariantViolated("a spelling word out of order")) }

            position = ordersStart
            var words = Words()
            words.bytes = wordBytes
            words.starts = wordStarts
            words.counts = wordCounts
            words.backward = [UInt32](repeating: 0, count: termCount)
            // Every word once: a reader reversing the words into a buffer of their length relies on it.
            var seen = [Bool](repeating: false, count: termCount)
            for rank in 0 ..< termCount {
                var number = 0
                for byte in 0 ..< width { number |= Int(bytes[position + byte]) << (8 * byte) }
                guard number < termCount, !seen[number] else {
                    throw body.corruption(at: position, .invariantViolated("spelling order \(number) of \(termCount) words, or twice"))
                }
                seen[number] = true
                words.backward[rank] = UInt32(number)
                position += width
            }
            return words
        }
    }

    /// The varint at `position` in `bytes` (the body of `body`), moving past it.
    @inline(__always)
    private static func varint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int, of body: ByteSlice) throws(IndexCorruption) -> Int {
        do throws(VarInt.Malformation) {
            let (value, length) = try VarInt.decodeUInt32(bytes, at: position)
            position += length
            return Int(value)
        } catch {
            throw body.corruption(at: position, .malformedVarInt(error))
        }
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
            let word = key.extracting(droppingFirst: 1)
            guard !mismatch, Self.isWord(word) else { return }
            if index >= words.count || words.counts[index] != documents
                || !Self.equal(word, words.bytes[Int(words.starts[index]) ..< Int(words.starts[index + 1])]) {
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
