/// Cuts blocks into passages, the unit BM25 scores: long enough to hold a thought
/// (short paragraphs merge with the next), short enough that a hit points somewhere
/// (long ones split at sentence ends). Blocks of different sections never share a
/// passage, so a question and its answer stay apart.
enum PassageSplitter {
    static let minimumWords = 40
    static let maximumWords = 250

    static func split(_ blocks: [Block]) -> [Passage] {
        var passages = [Passage]()
        var pending = [String]()
        var pendingWords = 0
        var pendingHeading: String?
        var pendingSection = -1
        var offset = 0

        func emit(_ text: String, heading: String?) {
            if !passages.isEmpty { offset += 2 }  // the blank line that joins passages in Document.text
            let length = text.utf8.count
            passages.append(Passage(ordinal: passages.count, heading: heading, text: text, start: offset, end: offset + length))
            offset += length
        }

        func flush() {
            guard !pending.isEmpty else { return }
            let text = pending.joined(separator: "\n")
            if pendingWords > maximumWords {
                for piece in splitLong(text) { emit(piece, heading: pendingHeading) }
            } else {
                emit(text, heading: pendingHeading)
            }
            pending.removeAll()
            pendingWords = 0
        }

        for block in blocks {
            if block.section != pendingSection || pendingWords >= minimumWords { flush() }
            if pending.isEmpty {
                pendingHeading = block.heading
                pendingSection = block.section
            }
            pending.append(block.text)
            pendingWords += block.words
        }
        flush()
        return passages
    }

    /// Splits at sentence ends into pieces of at most `maximumWords` words; a sentence
    /// longer than that (a 20 MB line with no full stop) is cut at word boundaries.
    static func splitLong(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var pieces = [String]()
        var pieceStart = 0
        var words = 0
        var lastSentenceEnd = -1  // byte offset just after the last sentence end in the piece
        var wordsAtSentenceEnd = 0
        var inWord = false
        var index = 0
        let count = bytes.count

        func cut(at end: Int) {
            let piece = String(decoding: bytes[pieceStart ..< end], as: UTF8.self)
            let trimmed = WhiteSpace.collapse(piece)
            if !trimmed.isEmpty { pieces.append(trimmed) }
            pieceStart = end
        }

        while index < count {
            let byte = bytes[index]
            let isSpace = byte == 0x20 || byte == 0x0A
            if isSpace {
                if inWord, index > 0, isSentenceEnd(bytes, wordEnd: index) {
                    lastSentenceEnd = index
                    wordsAtSentenceEnd = words
                }
                inWord = false
            } else if !inWord {
                inWord = true
                if words == maximumWords {
                    if lastSentenceEnd > pieceStart, wordsAtSentenceEnd >= minimumWords {
                        cut(at: lastSentenceEnd)
                        words -= wordsAtSentenceEnd
                    } else {
                        cut(at: index)
                        words = 0
                    }
                    lastSentenceEnd = -1
                    wordsAtSentenceEnd = 0
                }
                words += 1
            }
            index += 1
        }
        if pieceStart < count { cut(at: count) }
        return pieces
    }

    /// A word ending in `.`, `?` or `!` (maybe before a closing quote or parenthesis) whose
    /// next word starts with a capital, a digit or a quote. `o.a.` before a lower-case word is no end.
    private static func isSentenceEnd(_ bytes: [UInt8], wordEnd: Int) -> Bool {
        var last = wordEnd - 1
        while last > 0, bytes[last] == UInt8(ascii: ")") || bytes[last] == UInt8(ascii: "'") || bytes[last] == UInt8(ascii: "\"") {
            last -= 1
        }
        let mark = bytes[last]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: "?") || mark == UInt8(ascii: "!") else { return false }
        var next = wordEnd
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A { next += 1 }
        guard next < bytes.count else { return true }
        let first = bytes[next]
        return ByteClass.isUpper(first) || first >= 0x80 || first == UInt8(ascii: "'") || first == UInt8(ascii: "\"")
            || first == UInt8(ascii: "(")
    }
}
