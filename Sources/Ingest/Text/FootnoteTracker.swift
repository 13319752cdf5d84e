/// Footnotes in PDF text: the mark is glued to a word (`aanbieden1.`) and the body is a
/// line starting with the same number (`1 Raadpleegbaar via www.tweedekamer.nl`) further
/// down, at the page foot. A line is only taken as a footnote body when its number was
/// seen as a mark before and is the next footnote number expected, so numbered lists and
/// `G7` stay text. Confirmed marks are removed from the words they were glued to.
struct FootnoteTracker {
    private var nextExpected = 1
    private var candidates: [Int: (line: Int, start: Int, end: Int)] = [:]
    private var confirmed: [(line: Int, start: Int, end: Int)] = []

    mutating func noteSeen(_ number: Int) {
        nextExpected = max(nextExpected, number + 1)
    }

    /// Records marks glued to the end of a word in `text`, for numbers we expect next.
    mutating func scanMarks(_ text: ArraySlice<UInt8>, lineIndex: Int) {
        var index = text.startIndex + 1
        let end = text.endIndex
        while index < end {
            guard ByteClass.isDigit(text[index]) else { index += 1; continue }
            let previous = text[index - 1]
            var digitsEnd = index
            while digitsEnd < end, ByteClass.isDigit(text[digitsEnd]) { digitsEnd += 1 }
            defer { index = digitsEnd + 1 }
            // After a capital only when the word is long enough not to be a name like `G7`.
            let afterCapitalWord = ByteClass.isUpper(previous) && index - text.startIndex >= 3
                && ByteClass.isLetter(text[index - 2]) && ByteClass.isLetter(text[index - 3])
            let glued = (previous >= UInt8(ascii: "a") && previous <= UInt8(ascii: "z")) || previous >= 0x80
                || previous == UInt8(ascii: ".") || previous == UInt8(ascii: ")") || previous == UInt8(ascii: "?")
                || afterCapitalWord
            guard glued, digitsEnd - index <= 2 else { continue }
            if digitsEnd < end {
                let after = text[digitsEnd]
                guard after == 0x20 || after == UInt8(ascii: ".") || after == UInt8(ascii: ",")
                    || after == UInt8(ascii: ";") || after == UInt8(ascii: ":") || after == UInt8(ascii: ")") else { continue }
            }
            // "1.3" or "art.5": a digit right after a dot followed by more digits is a number.
            if previous == UInt8(ascii: "."), index >= text.startIndex + 2, ByteClass.isDigit(text[index - 2]) { continue }
            let number = text[index ..< digitsEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard number >= nextExpected, number <= nextExpected + 5, candidates[number] == nil else { continue }
            candidates[number] = (lineIndex, index - text.startIndex, digitsEnd - text.startIndex)
        }
    }

    /// The label and body when `text` is the body of a footnote whose mark we saw.
    mutating func footnoteBody(_ text: ArraySlice<UInt8>) -> (label: String, text: ArraySlice<UInt8>)? {
        var digitsEnd = text.startIndex
        while digitsEnd < text.endIndex, ByteClass.isDigit(text[digitsEnd]), digitsEnd - text.startIndex < 3 { digitsEnd += 1 }
        guard digitsEnd > text.startIndex, digitsEnd < text.endIndex else { return nil }
        let after = text[digitsEnd]
        guard after == 0x20 || ByteClass.isUpper(after) else { return nil }
        let number = text[text.startIndex ..< digitsEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let rest = WhiteSpace.trim(text[digitsEnd...])
        if let mark = candidates[number] {
            candidates[number] = nil
            confirmed.append(mark)
        } else {
            // A mark we could not see (`CBS4.` after a capital, a mark lost in extraction):
            // accept the body only for exactly the next number and a body-like start.
            guard number == nextExpected, let first = rest.first,
                  ByteClass.isUpper(first) || rest.starts(with: "http".utf8) || first == 0xC2 else { return nil }
        }
        nextExpected = max(nextExpected, number + 1)
        for stale in candidates.keys where stale < number { candidates[stale] = nil }
        return (String(number), rest)
    }

    /// Deletes confirmed marks from their lines, last first so earlier offsets stay valid.
    func removeConfirmedMarks(from lines: inout [TextCleanup.Line]) {
        for mark in confirmed.sorted(by: { ($0.line, $0.start) > ($1.line, $1.start) })
        where mark.line < lines.count && mark.end <= lines[mark.line].text.count {
            lines[mark.line].text.removeSubrange(mark.start ..< mark.end)
        }
    }
}
