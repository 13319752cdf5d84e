/// The Markdown our users' letters and the wetten-md laws use: ATX headings (also
/// without the space, `##Wet van …`), `**strong**`/`*emphasis*`, rules, tables, quotes.
enum MarkdownSyntax {
    /// The heading text of a `#`…`######` line, nil for any other line.
    static func heading(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        guard line.first == UInt8(ascii: "#") else { return nil }
        var index = line.startIndex
        while index < line.endIndex, line[index] == UInt8(ascii: "#") { index += 1 }
        guard index - line.startIndex <= 6 else { return nil }
        var end = line.endIndex
        while end > index, line[end - 1] == UInt8(ascii: "#") || WhiteSpace.isSpace(line[end - 1]) { end -= 1 }
        return stripInline(Array(WhiteSpace.trim(line[index ..< end])))
    }

    static func isRule(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 3, let first = line.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        return line.allSatisfy { $0 == first || $0 == 0x20 }
    }

    static func isTableSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "|") else { return false }
        return line.allSatisfy { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 }
    }

    /// The inner text of a line that is entirely `**…**` or `***…***`: in Word-to-Markdown
    /// letters that is how section titles come out.
    static func wholeLineStrong(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        guard line.count > 4, line.first == UInt8(ascii: "*"), line.starts(with: "**".utf8), line.reversed().starts(with: "**".utf8) else { return nil }
        let inner = stripInline(Array(line))
        let trimmed = WhiteSpace.trim(inner[...])
        return trimmed.isEmpty || trimmed.contains(UInt8(ascii: "*")) ? nil : Array(trimmed)
    }

    /// True when `stripInline` would change the line; most lines of a law need no copy.
    static func hasInlineSyntax(_ line: ArraySlice<UInt8>) -> Bool {
        if line.first == UInt8(ascii: ">") || line.first == UInt8(ascii: "|") { return true }
        for byte in line where byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "\\") {
            return true
        }
        return false
    }

    /// Removes emphasis markers, escapes, table pipes and a quote marker; keeps a list
    /// marker at the line start for the bullet rule.
    static func stripInline(_ line: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(line.count)
        var index = 0
        if line.starts(with: "> ".utf8) { index = 2 }
        if line.starts(with: "* ".utf8) || line.starts(with: "- ".utf8) {
            out.append(contentsOf: line[0 ..< 2])
            index = 2
        }
        let isTableRow = line.first == UInt8(ascii: "|")
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < line.count, line[index + 1] < 0x80, !ByteClass.isLetter(line[index + 1]),
               !ByteClass.isDigit(line[index + 1]) {
                out.append(line[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "*") { index += 1; continue }
            if byte == UInt8(ascii: "_"), index + 1 < line.count, line[index + 1] == UInt8(ascii: "_") { index += 2; continue }
            if isTableRow, byte == UInt8(ascii: "|") { out.append(0x20); index += 1; continue }
            out.append(byte)
            index += 1
        }
        return out
    }
}
