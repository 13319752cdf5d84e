/// White-space normalisation on UTF-8 bytes.
enum WhiteSpace {
    /// Runs of spaces, tabs, line breaks, NBSP (U+00A0) and C0 controls become one
    /// space; leading and trailing space is dropped. NBSP is folded here because PDF and
    /// Word exports use it as an ordinary space between words, and the passage text is
    /// what users search.
    static func collapse(_ text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        return collapsed(text.utf8.span).text
    }

    /// The collapsed text, written straight into the new string's storage (this runs
    /// over every byte of every paragraph), and the number of separating spaces, which
    /// is the word count minus one.
    static func collapsed(_ bytes: Span<UInt8>) -> (text: String, spaces: Int) {
        var spaces = 0
        // `out` is valid inside this closure only. Every write is in bounds: a byte is
        // written for each byte read and a space only for white space read before it, so
        // `written <= index < bytes.count`, the capacity.
        let text = String(unsafeUninitializedCapacity: bytes.count) { out in
            var written = 0
            var pendingSpace = false
            var index = 0
            let end = bytes.count
            while index < end {
                let byte = bytes[index]
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = true
                    index += 1
                    continue
                }
                if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
                    pendingSpace = true
                    index += 2
                    continue
                }
                if pendingSpace, written > 0 {
                    out[written] = 0x20
                    written += 1
                    spaces += 1
                }
                pendingSpace = false
                out[written] = byte
                written += 1
                index += 1
            }
            return written
        }
        return (text, spaces)
    }

    @discardableResult
    static func collapse(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) -> Int {
        collapse(bytes.span, into: &out)
    }

    /// Returns how many separating spaces were written, so callers get the word count free.
    @discardableResult
    static func collapse(_ bytes: Span<UInt8>, into out: inout [UInt8]) -> Int {
        var spaces = 0
        out.reserveCapacity(out.count + bytes.count)
        var pendingSpace = false
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte <= 0x20 || byte == 0x7F {
                pendingSpace = true
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
                continue
            }
            if pendingSpace, !out.isEmpty, out.last != 0x20 {
                out.append(0x20)
                spaces += 1
            }
            pendingSpace = false
            out.append(byte)
            index += 1
        }
        while out.last == 0x20 {
            out.removeLast()
            spaces -= 1
        }
        return spaces
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    /// The slice without leading and trailing ASCII white space.
    static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start ..< end]
    }

    /// Counts words as runs of non-space bytes.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}

extension WhiteSpace {
    /// Removes the spaces that pretty-printed XML puts around inline elements:
    /// `moties , ingediend` → `moties, ingediend`, `( 21501-08 , nr. 719 )` →
    /// `(21501-08, nr. 719)`. Only for XML, where such a space is an artefact; expects
    /// collapsed text.
    static func tidyPunctuation(_ text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        let bytes = text.utf8.span
        guard ByteSearch.firstIndex(of: 0x20, in: bytes) != nil else { return text }
        // `out` is valid inside this closure only; at most one byte is written per byte
        // read, so `written <= index < bytes.count`, the capacity.
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var written = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20, index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    let closesBefore = next == UInt8(ascii: ",") || next == UInt8(ascii: ".") || next == UInt8(ascii: ";")
                        || next == UInt8(ascii: ":") || next == UInt8(ascii: ")")
                    let opensAfter = written > 0 && out[written - 1] == UInt8(ascii: "(")
                    // ". " before a digit or word is real text (`nr. 719`), so only drop
                    // the space when the punctuation ends a word or the text.
                    let punctuationEnds = index + 2 >= bytes.count || bytes[index + 2] == 0x20 || next == UInt8(ascii: ")")
                    if (closesBefore && punctuationEnds) || opensAfter {
                        index += 1
                        continue
                    }
                }
                out[written] = byte
                written += 1
                index += 1
            }
            return written
        }
    }
}
