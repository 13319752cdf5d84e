import Analysis

/// Turns exported letter text (PDF and DOCX text, Markdown) into paragraphs, headings and
/// notes. docs/INGEST.md, "Text and Markdown cleanup", lists the artefacts; each step below handles one of them.
///
/// Works line by line on UTF-8 bytes: first every line is cleaned and classified on its
/// own (markers, Markdown, footers, footnote bodies), then the lines are reflowed into
/// paragraphs, joining line-break hyphens across any footer or footnote in between.
struct TextCleanup {
    struct Result {
        var builder: BlockBuilder
        /// Dossier and number from running footers (`…, 28 345, nr. 252 15`).
        var footerReferences: [(dossier: String, number: String?)]
    }

    enum Kind: Equatable {
        case blank
        /// Removed from the text (footer, page number, footnote body) but not a paragraph
        /// break: a hyphenated word may continue after it.
        case skipped
        case heading
        case content
        case bullet
    }

    struct Line {
        var kind: Kind
        var text: [UInt8]
        /// Set on `Vraag n` / `Antwoord n` headings and Markdown headings.
        var headingLevel = 0
    }

    let markdown: Bool
    /// PDF text laid out in pages (``PagedText``): a short line standing alone between
    /// sentences is a section heading (`Rapport`, `Tot slot`), as the letter prints it.
    var shortLinesAreHeadings = false

    static func clean(_ text: String, markdown: Bool, shortLinesAreHeadings: Bool = false) -> Result {
        TextCleanup(markdown: markdown, shortLinesAreHeadings: shortLinesAreHeadings).run(text)
    }

    private func run(_ text: String) -> Result {
        var builder = BlockBuilder()
        var footers: [(String, String?)] = []
        var lines = [Line]()
        var text = text
        text.makeContiguousUTF8()
        var footnotes = FootnoteTracker()
        let buffer = text.utf8.span
        var start = 0
        var index = 0
        let count = buffer.count
        while index <= count {
            if index == count || buffer[index] == 0x0A || buffer[index] == 0x0D {
                let raw = [UInt8](copying: buffer.extracting(start ..< index))
                lines.append(classify(raw, lineIndex: lines.count, lines: lines, footers: &footers, footnotes: &footnotes, builder: &builder))
                if index + 1 < count, buffer[index] == 0x0D, buffer[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        footnotes.removeConfirmedMarks(from: &lines)
        reflow(lines, into: &builder)
        return Result(builder: builder, footerReferences: footers)
    }

    // MARK: - One line

    /// The last line with text before this one.
    private func previousContent(_ lines: [Line]) -> [UInt8] {
        lines.last { $0.kind == .content || $0.kind == .bullet }?.text ?? []
    }

    /// A year alone on a line after a month name is the end of a wrapped date
    /// (`… van dinsdag 8 maart⏎2011`), not a page number.
    static func isWrappedYear(_ line: ArraySlice<UInt8>, after previous: [UInt8]) -> Bool {
        guard line.count == 4, let year = Int(String(decoding: line, as: UTF8.self)), (1800 ... 2100).contains(year),
              let lastWord = String(decoding: previous, as: UTF8.self).split(separator: " ").last else { return false }
        return LetterMetadata.month(named: lastWord.lowercased()) != nil
    }

    private func classify(
        _ raw: [UInt8], lineIndex: Int, lines: [Line], footers: inout [(String, String?)],
        footnotes: inout FootnoteTracker, builder: inout BlockBuilder
    ) -> Line {
        var line = InlineMarkup.strip(raw, markdown: markdown) { label, body in
            builder.note(label: label, text: body)
            if let number = Int(label) { footnotes.noteSeen(number) }
        }
        let trimmed = WhiteSpace.trim(line[...])
        if trimmed.isEmpty { return Line(kind: raw.isEmpty || WhiteSpace.trim(raw[...]).isEmpty ? .blank : .skipped, text: []) }

        var text = trimmed
        if markdown {
            if trimmed.first == UInt8(ascii: "<"), trimmed.starts(with: "<meta".utf8) { return Line(kind: .skipped, text: []) }
            if let heading = MarkdownSyntax.heading(trimmed) {
                return Line(kind: heading.isEmpty ? .blank : .heading, text: heading, headingLevel: 1)
            }
            if MarkdownSyntax.isRule(trimmed) || MarkdownSyntax.isTableSeparator(trimmed) {
                return Line(kind: .blank, text: [])
            }
            if let bold = MarkdownSyntax.wholeLineStrong(trimmed), WhiteSpace.wordCount(String(decoding: bold, as: UTF8.self)) <= 20 {
                return Line(kind: .heading, text: bold, headingLevel: 2)
            }
            if MarkdownSyntax.hasInlineSyntax(trimmed) {
                line = MarkdownSyntax.stripInline(Array(trimmed))
                text = WhiteSpace.trim(line[...])
            }
        }
        if text.isEmpty { return Line(kind: .skipped, text: []) }

        if let reference = RunningFooter.match(text) {
            if let dossier = reference.dossier { footers.append((dossier, reference.number)) }
            return Line(kind: .skipped, text: [])
        }
        if RunningFooter.isPageNumberOrIdentifier(text), !Self.isWrappedYear(text, after: previousContent(lines)) {
            return Line(kind: .skipped, text: [])
        }
        if let body = footnotes.footnoteBody(text) {
            builder.note(label: body.label, text: String(decoding: body.text, as: UTF8.self))
            return Line(kind: .skipped, text: [])
        }
        if QuestionHeading.matches(text) { return Line(kind: .heading, text: Array(text), headingLevel: 3) }
        footnotes.scanMarks(text, lineIndex: lineIndex)
        if let rest = Bullet.strip(text, markdown: markdown) { return Line(kind: .bullet, text: Array(rest)) }
        if Bullet.isEnumerator(text) { return Line(kind: .bullet, text: Array(text)) }
        return Line(kind: .content, text: Array(text))
    }

    // MARK: - Reflow

    /// Joins hard-wrapped lines into paragraphs. A line ends its paragraph when it ends a
    /// sentence and is clearly shorter than the text's wrap width; text that was never
    /// wrapped (one paragraph per line) has no wrap width, so every line break counts.
    private func reflow(_ lines: [Line], into builder: inout BlockBuilder) {
        let width = wrapWidth(lines)
        var paragraph = [UInt8]()
        var previousLength = 0
        var index = 0

        func flush(_ builder: inout BlockBuilder) {
            if !paragraph.isEmpty { builder.paragraph(bytes: paragraph.span) }
            paragraph.removeAll(keepingCapacity: true)
        }

        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .blank:
                if endsWithWordHyphen(paragraph), let next = nextContentLine(lines, after: index) {
                    index = next
                    continue
                }
                flush(&builder)
            case .skipped:
                break
            case .heading:
                flush(&builder)
                builder.heading(String(decoding: line.text, as: UTF8.self))
            case .bullet, .content:
                if line.kind == .bullet { flush(&builder) }
                if line.kind == .content || line.text.first.map(ByteClass.isDigit) == true, shortLinesAreHeadings, let width,
                   isHeading(line.text, after: paragraph, width: width,
                             next: lines[(index + 1)...].first { $0.kind == .content || $0.kind == .bullet }?.text) {
                    flush(&builder)
                    builder.heading(String(decoding: line.text, as: UTF8.self))
                    previousLength = 0
                    index += 1
                    continue
                }
                if paragraph.isEmpty {
                    paragraph.append(contentsOf: line.text)
                } else if endsWithWordHyphen(paragraph) {
                    joinHyphenated(&paragraph, line.text)
                } else if endsParagraph(paragraph, lineLength: previousLength, width: width, next: line.text) {
                    flush(&builder)
                    paragraph.append(contentsOf: line.text)
                } else {
                    paragraph.append(0x20)
                    paragraph.append(contentsOf: line.text)
                }
                previousLength = line.text.count
            }
            index += 1
        }
        flush(&builder)
    }

    /// The line length most wrapped lines reach (90th percentile), or nil when lines are
    /// so long that the text was not hard-wrapped.
    private func wrapWidth(_ lines: [Line]) -> Int? {
        var lengths = [Int]()
        for line in lines where line.kind == .content && line.text.count >= 20 { lengths.append(line.text.count) }
        guard lengths.count >= 5 else { return nil }
        lengths.sort()
        let width = lengths[lengths.count * 9 / 10]
        return width <= 160 ? width : nil
    }

    /// Without a wrap width a line break ends the paragraph, unless the line stops
    /// mid-sentence and the next starts in lower case: a wrapped line in an otherwise
    /// unwrapped export.
    private func endsParagraph(_ paragraph: [UInt8], lineLength: Int, width: Int?, next: [UInt8]) -> Bool {
        var end = paragraph.count
        while end > 0, paragraph[end - 1] == 0x20 || paragraph[end - 1] == UInt8(ascii: "\"")
            || paragraph[end - 1] == UInt8(ascii: ")") || paragraph[end - 1] == UInt8(ascii: "'") { end -= 1 }
        guard end > 0 else { return false }
        let last = paragraph[end - 1]
        let endsSentence = last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!")
            || last == UInt8(ascii: ":") || last == UInt8(ascii: ";")
        guard let width else {
            // `(ingezonden 14 november⏎2024).` continues too.
            let continues = next.first.map { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ByteClass.isDigit($0) } ?? false
            return endsSentence || !continues
        }
        return endsSentence && lineLength * 10 < width * 8
    }

    /// A short line after a sentence's end (or a blank), starting with a capital and not
    /// ending like a sentence part, before a line that starts a sentence.
    private func isHeading(_ line: [UInt8], after paragraph: [UInt8], width: Int, next: [UInt8]?) -> Bool {
        // A numbered section (`3. Nederlandse positie …`) counts from its first word.
        let numbered = line.prefix { ByteClass.isDigit($0) }
        let words = numbered.isEmpty || numbered.count > 2 || !line.dropFirst(numbered.count).starts(with: ". ".utf8)
            ? line[...] : line.dropFirst(numbered.count + 2)
        guard let first = words.first, ByteClass.isUpper(first) || first >= 0x80, line.count * 10 < width * 7, line.count <= 80,
              let last = line.last, ![UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(last),
              line.count(where: { $0 == 0x20 }) < 10,
              let next, let nextFirst = next.first,
              ByteClass.isUpper(nextFirst) || next.count >= 3 && next[next.startIndex + 1] == UInt8(ascii: ")"),  // or `a) …`
              // A place and date line (`Den Haag, 3 april 2009`) dates the text; it heads nothing.
              !ByteClass.isDigit(last) else { return false }
        if let end = paragraph.last(where: { $0 != 0x20 }) {
            return [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":")].contains(end)
        }
        return true
    }

    private func nextContentLine(_ lines: [Line], after index: Int) -> Int? {
        var next = index + 1
        while next < lines.count, next <= index + 8 {
            switch lines[next].kind {
            case .content: return next
            case .blank, .skipped: next += 1
            case .heading, .bullet: return nil
            }
        }
        return nil
    }

    /// True when the text ends in a hyphen right after a letter (`professio-`), the sign of
    /// a word broken at the line end; an en dash or a lone `-` is not.
    private func endsWithWordHyphen(_ paragraph: [UInt8]) -> Bool {
        guard paragraph.count >= 2, paragraph[paragraph.count - 1] == UInt8(ascii: "-") else { return false }
        let before = paragraph[paragraph.count - 2]
        return ByteClass.isLetter(before)
    }

    /// `professio-` + `nals` → `professionals`; `Verwey-` + `Jonker` → `Verwey-Jonker`;
    /// `zorg-` + `en veiligheid…` → `zorg- en veiligheid…` (an elided compound part).
    private func joinHyphenated(_ paragraph: inout [UInt8], _ next: [UInt8]) {
        let word = next.prefix { !WhiteSpace.isSpace($0) && $0 != UInt8(ascii: ",") }
        if ["en", "of", "tot", "t/m", "noch"].contains(where: { word.elementsEqual($0.utf8) }) {
            paragraph.append(0x20)
        } else if let first = next.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") {
            paragraph.removeLast()
        }
        paragraph.append(contentsOf: next)
    }
}

/// Byte classes for the cleanup's scanners; any non-ASCII byte counts as part of a
/// letter, since the accented letters of Dutch are all outside ASCII.
enum ByteClass {
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
}
