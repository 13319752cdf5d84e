/// Word-export markers and footnotes written inline: `[bookmark: _Hlk…]` and
/// `[footnoteRef:1]` are deleted, `[1:  Kamerstukken II, …]` and `<sup>1</sup> …` at a
/// line start are footnote bodies (handed to `onNote`), `<sup>1</sup>` in running text is
/// a mark and is dropped. Markdown links keep their text.
enum InlineMarkup {
    static func strip(_ line: [UInt8], markdown: Bool, onNote: (String, String) -> Void) -> [UInt8] {
        // Most lines have none of this; skip the copy.
        let hasMarkup = ByteSearch.firstIndex(of: UInt8(ascii: "["), in: line.span) != nil
            || ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: line.span) != nil
        if !hasMarkup { return line }
        var out = [UInt8]()
        out.reserveCapacity(line.count)
        var index = 0
        let count = line.count
        while index < count {
            let byte = line[index]
            if byte == UInt8(ascii: "[") {
                if hasPrefix(line, at: index + 1, "bookmark:") || hasPrefix(line, at: index + 1, "footnoteRef:") {
                    if let close = matchingBracket(line, from: index) { index = close + 1; continue }
                }
                var digitsEnd = index + 1
                while digitsEnd < count, ByteClass.isDigit(line[digitsEnd]), digitsEnd - index <= 3 { digitsEnd += 1 }
                if digitsEnd > index + 1, digitsEnd < count, line[digitsEnd] == UInt8(ascii: ":"),
                   let close = matchingBracket(line, from: index) {
                    let label = String(decoding: line[(index + 1) ..< digitsEnd], as: UTF8.self)
                    onNote(label, String(decoding: line[(digitsEnd + 1) ..< close], as: UTF8.self))
                    index = close + 1
                    continue
                }
                if markdown, let close = matchingBracket(line, from: index), close + 1 < count,
                   line[close + 1] == UInt8(ascii: "("), let paren = line[(close + 1)...].firstIndex(of: UInt8(ascii: ")")) {
                    if out.last == UInt8(ascii: "!") { out.removeLast() }
                    out.append(contentsOf: line[(index + 1) ..< close])
                    index = paren + 1
                    continue
                }
            } else if byte == UInt8(ascii: "<") {
                if hasPrefix(line, at: index + 1, "sup>"), let close = find(line, "</sup>", from: index + 5) {
                    let label = String(decoding: line[(index + 5) ..< close], as: UTF8.self)
                    let atLineStart = WhiteSpace.trim(out[...]).isEmpty
                    let rest = WhiteSpace.trim(line[(close + 6)...])
                    if atLineStart, !rest.isEmpty {
                        onNote(label, String(decoding: strip(Array(rest), markdown: markdown, onNote: onNote), as: UTF8.self))
                        return []
                    }
                    index = close + 6
                    continue
                }
                if markdown, index + 1 < count, ByteClass.isLetter(line[index + 1]) || line[index + 1] == UInt8(ascii: "/"),
                   let close = line[index...].prefix(200).firstIndex(of: UInt8(ascii: ">")) {
                    out.append(0x20)
                    index = close + 1
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    private static func hasPrefix(_ line: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let utf8 = prefix.utf8
        guard index + utf8.count <= line.count else { return false }
        return line[index ..< index + utf8.count].elementsEqual(utf8)
    }

    private static func find(_ line: [UInt8], _ needle: String, from: Int) -> Int? {
        XMLRepair.find(Array(needle.utf8), in: line, from: from, limit: line.count)
    }

    private static func matchingBracket(_ line: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < line.count {
            if line[index] == UInt8(ascii: "[") { depth += 1 }
            if line[index] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
