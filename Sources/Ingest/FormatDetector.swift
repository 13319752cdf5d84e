/// Decides from a file's content (helped, not ruled, by its extension) how to read it.
///
/// The content decides because users' files lie: `.txt` files full of Markdown, `.md`
/// files that start with an HTML `<meta>` line, XML saved as `.txt`, a PDF renamed.
enum FormatDetector {
    enum Detection: Equatable {
        case text
        case markdown
        case xml
        case unsupported(reason: String)
    }

    /// How far into the file we look; enough for any header, cheap for any size.
    static let sniffLength = 65_536

    static func detect(_ bytes: [UInt8], path: String) -> Detection {
        if bytes.isEmpty { return .unsupported(reason: "the file is empty") }
        if let kind = binaryKind(bytes) {
            return .unsupported(reason: "the file is \(kind), not text, Markdown or XML")
        }
        let isUTF16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        let head: ArraySlice<UInt8>
        if isUTF16 {
            head = Array(TextDecoder.decode(Array(bytes.prefix(sniffLength))).text.utf8)[...]
        } else {
            head = bytes.prefix(sniffLength)
            var controls = 0, nul = false
            for byte in head where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                controls += 1
                if byte == 0 { nul = true }
            }
            if nul { return .unsupported(reason: "the file holds binary data (NUL bytes), not text") }
            if controls * 20 > head.count {
                return .unsupported(reason: "the file holds binary data (control characters), not text")
            }
        }
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, isSpace(head[start]) { start += 1 }
        if start == head.count, bytes.count <= sniffLength {
            return .unsupported(reason: "the file holds only white space")
        }
        if looksLikeXML(Array(head.prefix(1024)), from: start, whole: bytes, isUTF16: isUTF16) { return .xml }
        let lowerPath = path.lowercased()
        if lowerPath.hasSuffix(".md") || lowerPath.hasSuffix(".markdown") || markdownSignals(Array(head)) >= 2 {
            return .markdown
        }
        return .text
    }

    private static let magicNumbers: [(prefix: [UInt8], kind: String)] = [
        (Array("%PDF".utf8), "a PDF document (extract its text first)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX/ODT document; extract its text first)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0x1F, 0x8B], "a gzip archive"),
        (Array("BZh".utf8), "a bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (Array("Rar!".utf8), "a RAR archive"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document (.doc/.xls)"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        (Array("{\\rtf".utf8), "an RTF document (convert it to text first)"),
        (Array("%!PS".utf8), "a PostScript document"),
    ]

    private static func binaryKind(_ bytes: [UInt8]) -> String? {
        for (prefix, kind) in magicNumbers where bytes.count >= prefix.count {
            if bytes[0 ..< prefix.count].elementsEqual(prefix) { return kind }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `<?xml` at the start (or after a few junk bytes such as a BOM turned into `ï»¿`),
    /// or a root element whose end tag closes the file. The second test keeps Markdown
    /// that opens with an HTML `<meta …/>` line out of the XML path.
    private static func looksLikeXML(_ head: [UInt8], from start: Int, whole: [UInt8], isUTF16: Bool) -> Bool {
        let declaration = Array("<?xml".utf8)
        if XMLRepair.find(declaration, in: head, from: 0, limit: 16) != nil { return true }
        guard start + 1 < head.count, head[start] == UInt8(ascii: "<") else { return false }
        let next = head[start + 1]
        let isNameStart = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "_")
        if next == UInt8(ascii: "!") { return true }  // <!DOCTYPE or <!-- comment
        guard isNameStart else { return false }
        if isUTF16 { return true }
        // Without a declaration the file must end by closing the element it opened.
        var nameEnd = start + 1
        while nameEnd < head.count, !isSpace(head[nameEnd]), head[nameEnd] != UInt8(ascii: ">"), head[nameEnd] != UInt8(ascii: "/") {
            nameEnd += 1
        }
        let closing = Array("</".utf8) + head[(start + 1) ..< nameEnd] + [UInt8(ascii: ">")]
        var end = whole.count
        while end > 0, isSpace(whole[end - 1]) { end -= 1 }
        return end >= closing.count && whole[(end - closing.count) ..< end].elementsEqual(closing)
    }

    /// Counts distinct kinds of Markdown syntax; one kind alone (a `#` line, a `**`)
    /// also occurs in plain text, two together do not.
    private static func markdownSignals(_ head: [UInt8]) -> Int {
        var heading = false, strong = false, sup = false, link = false
        var atLineStart = true
        var index = 0
        let count = head.count
        while index < count {
            let byte = head[index]
            if atLineStart, byte == UInt8(ascii: "#") {
                var level = 0
                while index + level < count, head[index + level] == UInt8(ascii: "#") { level += 1 }
                if level <= 6 { heading = true }
            }
            if byte == UInt8(ascii: "*"), index + 1 < count, head[index + 1] == UInt8(ascii: "*") { strong = true }
            if byte == UInt8(ascii: "<"), index + 4 < count, head[index + 1 ... index + 4].elementsEqual("sup>".utf8) { sup = true }
            if byte == UInt8(ascii: "]"), index + 5 < count, head[index + 1] == UInt8(ascii: "("),
               head[index + 2 ... index + 5].elementsEqual("http".utf8) { link = true }
            atLineStart = byte == 0x0A
            index += 1
        }
        return [heading, strong, sup, link].filter { $0 }.count
    }
}
