/// Text extracted from a PDF page by page (pdftotext and pdfminer end every page with a
/// form feed): before the line cleanup, the page furniture goes, the footnotes at each
/// page's foot become notes, and the letterhead becomes metadata. Done per page because
/// that is where a PDF's layout lives: a footnote of three lines is everything from its
/// number to the page's end, and the margin column of a Rijksoverheid letter is the set
/// of lines that come back on page after page.
enum PagedText {
    struct Result {
        /// The body text, pages joined by line breaks, so that a sentence running over a
        /// page break reflows into one paragraph.
        var text: String
        var notes: [(label: String, text: String)]
        var letterhead: Letterhead?
    }

    /// Nil when the text has no page breaks.
    static func clean(_ text: String) -> Result? {
        guard text.utf8.contains(0x0C) else { return nil }
        var rawPages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        rawPages = rawPages.map { $0.flatMap(splitColumns) }
        let trimmedPages = rawPages.map { page in
            page.map { line in
                String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
            }
        }
        let pages = withoutPageNumbers(trimmedPages)
        let furniture = repeatedLines(pages)
        let furnitureTails = furniture.filter { $0.count >= 8 }
        var bodyPages: [[String]] = []
        var notes: [(label: String, text: String)] = []
        var letterhead: Letterhead?
        for (index, page) in pages.enumerated() {
            var lines = page.filter { !furniture.contains(key($0)) && !isPageNumber($0) }.map { stripTail($0, furnitureTails) }
            if index == 0, let found = Letterhead(lines: lines) {
                letterhead = found
                lines.removeFirst(found.lineCount)
            }
            lines = removeMarginBlocks(lines)
            let (body, pageNotes) = splitFootnotes(
                lines, nextNumber: (notes.last.flatMap { Int($0.label) } ?? 0) + 1, before: bodyPages.last ?? [])
            notes += pageNotes
            // Blank lines at a page's edges are layout: a sentence runs on over the break.
            let first = body.firstIndex { !$0.isEmpty } ?? body.endIndex
            let last = body.lastIndex { !$0.isEmpty } ?? first
            bodyPages.append(first < body.endIndex ? Array(body[first ... last]) : [])
        }
        let marks = Set(notes.map(\.label))
        let body = bodyPages.map { page in page.map { FootnoteMarks.remove(marks, from: $0) }.joined(separator: "\n") }
        return Result(text: body.joined(separator: "\n"), notes: notes, letterhead: letterhead)
    }

    /// A body line with a margin line stuck to its end (pdftotext sets `DGBI / 26844711`
    /// after the last word of the line beside it): the tail goes.
    static func stripTail(_ line: String, _ tails: Set<String>) -> String {
        guard !tails.isEmpty, line.count > 12 else { return line }
        let lineKey = key(line)
        for tail in tails where lineKey.count > tail.count && lineKey.hasSuffix(tail) {
            // Walk back over as many non-space characters as the tail has.
            var remaining = tail.count
            var end = line.endIndex
            while remaining > 0, end > line.startIndex {
                end = line.index(before: end)
                if !line[end].isWhitespace { remaining -= 1 }
            }
            return String(line[..<end].reversed().drop { $0 == " " }.reversed())
        }
        return line
    }

    /// Where a run of six or more spaces after some text starts, if the line has one.
    static func gapStart(in line: String) -> String.Index? {
        var spaces = 0
        var sawText = false
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == " " {
                spaces += 1
            } else {
                if sawText, spaces >= 6 { return line.index(index, offsetBy: -spaces) }
                sawText = true
                spaces = 0
            }
            index = line.index(after: index)
        }
        return nil
    }

    /// A line cut at its wide gaps (`pdftotext -layout` sets the margin column beside the
    /// body, and a label's value beside the label): the body's part first, then each part
    /// beside it as a line of its own, where furniture and letterhead rules can see it.
    static func splitColumns(_ line: String) -> [String] {
        var parts: [String] = []
        var rest = line
        while let gap = gapStart(in: rest) {
            parts.append(String(rest[..<gap]))
            rest = String(rest[gap...].drop { $0 == " " })
        }
        parts.append(rest)
        return parts
    }

    /// A line without its spaces, lower-cased: the letter-spaced `Inf rastructuur en` of
    /// one page and `Infrastructuur en` of another are the same line.
    static func key(_ line: String) -> String {
        String(line.lowercased().filter { !$0.isWhitespace })
    }

    /// Lines that come back on at least two pages and 40% of them (the margin column:
    /// ministry, Kenmerk and its value, Datum and the date), with letters in them, so
    /// that a bullet dash or an empty line is never taken for furniture.
    static func repeatedLines(_ pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var pagesWith: [String: Int] = [:]
        for page in pages {
            var seen = Set<String>()
            for line in page where line.count <= 80 {
                let lineKey = key(line)
                guard lineKey.count(where: \.isLetter) >= 2, seen.insert(lineKey).inserted else { continue }
                pagesWith[lineKey, default: 0] += 1
            }
        }
        let needed = max(2, (pages.count * 2 + 4) / 5)
        return Set(pagesWith.filter { $0.value >= needed }.keys)
    }

    /// The rest of a letter's margin column wherever a page prints it: address and contact
    /// runs (two or more lines with a postcode, `Postbus`, a phone number, a web or mail
    /// address, between blank lines) and a letterhead label alone on its line with the
    /// short value under it (`Bijlage(n)⏎4`, `Kenmerk⏎IENW/BSK-2023/33017`).
    static func removeMarginBlocks(_ lines: [String]) -> [String] {
        var keep = [Bool](repeating: true, count: lines.count)
        var runStart = 0
        // The run of short lines just before (the department's name above its address).
        var shortRunBefore: Range<Int>?
        for index in 0 ... lines.count {
            guard index == lines.count || lines[index].isEmpty else { continue }
            let run = runStart ..< index
            let isShort = !run.isEmpty && lines[run].allSatisfy { $0.count <= 50 && !$0.hasSuffix(".") && !$0.hasSuffix(",") }
            if run.count >= 2, isShort, lines[run].count(where: isContactLine) >= 2 {
                for line in run { keep[line] = false }
                if let before = shortRunBefore, before.upperBound + 1 == run.lowerBound, before.count <= 6 {
                    for line in before { keep[line] = false }
                }
            }
            if !run.isEmpty { shortRunBefore = isShort ? run : nil }
            runStart = index + 1
        }
        for index in lines.indices where keep[index] {
            guard let (_, value) = Letterhead.label(of: lines[index]), value.isEmpty else { continue }
            keep[index] = false
            if let next = lines[(index + 1)...].firstIndex(where: { !$0.isEmpty }), next <= index + 2, lines[next].count <= 40,
               Letterhead.label(of: lines[next]) == nil {
                keep[next] = false
            }
        }
        return lines.indices.filter { keep[$0] }.map { lines[$0] }
    }

    /// `2515 XP Den Haag` (also `2 5 15 XP`), `Postbus 20901`, `T 070-456 0000`,
    /// `www.rijksoverheid.nl/ienw`, `info@minienw.nl`, `Bezoekadres`, `Postadres`.
    static func isContactLine(_ line: String) -> Bool {
        let compact = Array(key(line).utf8)
        if compact.count >= 6, compact[0 ..< 4].allSatisfy(ByteClass.isDigit), compact[4 ..< 6].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            return true
        }
        let text = String(decoding: compact, as: UTF8.self)
        if text.hasPrefix("postbus") || text.hasPrefix("bezoekadres") || text.hasPrefix("postadres") || text.hasPrefix("www.") || text.contains("@") {
            return true
        }
        // A phone or fax line: T or F, then (after an optional `+31`) digits and dashes.
        if let first = compact.first, first == UInt8(ascii: "t") || first == UInt8(ascii: "f"), compact.count >= 8,
           compact.dropFirst().prefix(8).allSatisfy({ ByteClass.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
            return true
        }
        return false
    }

    /// The pages without a bare page number at their foot (`2`, on page 2), where most
    /// pages have one: a footnote's number alone on the last line looks the same.
    static func withoutPageNumbers(_ pages: [[String]]) -> [[String]] {
        func footNumber(_ page: [String], _ index: Int) -> Int? {
            guard let last = page.lastIndex(where: { !$0.isEmpty }), Int(page[last]) == index + 1 else { return nil }
            return last
        }
        let numbered = pages.indices.filter { footNumber(pages[$0], $0) != nil }.count
        let nonEmpty = pages.filter { $0.contains { !$0.isEmpty } }.count
        guard numbered >= 2, numbered * 2 >= nonEmpty else { return pages }
        return pages.enumerated().map { index, page in
            guard let last = footNumber(page, index) else { return page }
            var page = page
            page.remove(at: last)
            return page
        }
    }

    /// `Pagina 3 van 7`, also letter-spaced (`P agina 3 van 7`).
    static func isPageNumber(_ line: String) -> Bool {
        let compact = key(line)
        guard compact.hasPrefix("pagina"), let van = compact.range(of: "van") else { return false }
        let first = compact[compact.index(compact.startIndex, offsetBy: 6) ..< van.lowerBound]
        let second = compact[van.upperBound...]
        return !first.isEmpty && !second.isEmpty && first.allSatisfy(\.isNumber) && second.allSatisfy(\.isNumber)
    }

    /// The footnotes at a page's foot: from the first line that starts note `nextNumber`
    /// (`3 Besluitvorming …`, or `3` alone with its text on the next line) to the page's
    /// end, cut at each following number in sequence. Lines before stay body text.
    static func splitFootnotes(
        _ lines: [String], nextNumber: Int, before previousPage: [String] = []
    ) -> (body: [String], notes: [(label: String, text: String)]) {
        if let zone = ScrambledFootnotes.split(lines, nextNumber: nextNumber) { return zone }
        // A note missed on an earlier page must not stop the count: the next two numbers
        // are accepted too when the text above carries their mark, so that a line that
        // merely starts with a number (`2 april ontvangen)`) is not taken for one.
        guard let start = lines.indices.first(where: { index in
            guard let number = footnoteNumber(lines, at: index), (nextNumber ... nextNumber + 2).contains(number),
                  index >= lines.count / 3 else { return false }
            // The next number in sequence is trusted (pdftotext often drops the mark);
            // one that skips ahead must show its mark.
            return number == nextNumber || hasMark(number, in: previousPage.suffix(20) + lines[..<index])
        }) else { return (lines, []) }
        var notes: [(label: String, text: String)] = []
        var expected = footnoteNumber(lines, at: start) ?? nextNumber
        var index = start
        // Numbers stacked before their texts (`2⏎3⏎⏎Kamerstukken …⏎https://…`, pdftotext's
        // order for notes set side by side): one line each, the last takes the rest.
        var waiting: [Int] = []
        while index < lines.count {
            let line = lines[index]
            if Int(line) == expected, line.count <= 3 {
                waiting.append(notes.count)
                notes.append((line, ""))
                expected += 1
            } else if !waiting.isEmpty, !line.isEmpty {
                let note = waiting.removeFirst()
                notes[note].text = line
            } else if footnoteNumber(lines, at: index) == expected {
                let digits = line.prefix { $0.isNumber }
                let rest = line.dropFirst(digits.count).drop { $0 == " " }
                notes.append((String(digits), String(rest)))
                expected += 1
            } else if !line.isEmpty, !notes.isEmpty {
                let joined = notes[notes.count - 1].text.isEmpty ? line : notes[notes.count - 1].text + " " + line
                notes[notes.count - 1].text = joined
            }
            index += 1
        }
        notes = notes.filter { !$0.text.isEmpty }
        return (Array(lines[..<start]), notes)
    }

    /// Whether `lines` carry footnote mark `number`: glued to what it marks (`bouw3`,
    /// `(CDA).5`, `HUF-toets6`) or set off by a space after a word (`grondstoffen 1.`,
    /// pdftotext's rendering of a superscript), but not a number among words (`2 april`).
    static func hasMark(_ number: Int, in lines: some Sequence<String>) -> Bool {
        let mark = Array(String(number).utf8)
        for line in lines {
            let bytes = Array(line.utf8)
            var index = 0
            while index + mark.count <= bytes.count {
                defer { index += 1 }
                guard bytes[index ..< index + mark.count].elementsEqual(mark) else { continue }
                let after = index + mark.count < bytes.count ? bytes[index + mark.count] : 0x20
                guard !ByteClass.isDigit(after), index > 0 else { continue }
                let before = bytes[index - 1]
                if ByteClass.isDigit(before) { continue }
                if before != 0x20 {
                    // Glued: a letter, closing bracket, quote or punctuation before it.
                    if !(before == UInt8(ascii: "/") || before == UInt8(ascii: "-") && index >= 2 && ByteClass.isDigit(bytes[index - 2])) {
                        return true
                    }
                } else if index >= 2, ByteClass.isLetter(bytes[index - 2]) || bytes[index - 2] == UInt8(ascii: ")"),
                          after == 0x20 || after == UInt8(ascii: ".") || after == UInt8(ascii: ",") || index + mark.count == bytes.count {
                    // `grondstoffen 1.` — but not `op 2 april`, a number among words.
                    let next = index + mark.count + 1 < bytes.count ? bytes[index + mark.count + 1] : 0x20
                    if after != 0x20 || !ByteClass.isLetter(next) || ByteClass.isUpper(next) { return true }
                }
            }
        }
        return false
    }

    /// The number a footnote line starts with: `3 Besluitvorming …`, or a line that is
    /// only `3` followed (after blank lines) by text. Nil for anything else, including
    /// enumerations (`1. Stel …`, `1: Vermindering`).
    static func footnoteNumber(_ lines: [String], at index: Int) -> Int? {
        let line = lines[index]
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        let rest = line.dropFirst(digits.count)
        if rest.isEmpty {
            let next = lines[(index + 1)...].first { !$0.isEmpty }
            if let next, Int(next) == number + 1 { return number }
            guard let next, let first = next.first, first.isLetter || first == "h" || first == "“" || first == "\"" else { return nil }
            return number
        }
        // pdfminer glues a label to an address (`5https://…`).
        if rest.hasPrefix("http") || rest.hasPrefix("www.") { return number }
        guard rest.first == " ", let first = rest.dropFirst().first else { return nil }
        if first.isLetter || first == "“" || first == "\"" { return number }
        // A note that opens with an amount: `18 4,7 megaton CO2-equivalenten …`.
        let amount = rest.dropFirst().prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard amount.contains(where: { $0 == "," || $0 == "." }), amount.last?.isNumber == true,
              rest.dropFirst(amount.count + 1).first == " " else { return nil }
        return number
    }
}

/// The letterhead of a government letter as PDF text: everything before the salutation
/// (return address, addressee, the margin column of the first page) is metadata, not
/// text. Its labels give the date and the subject, whether each value follows its label
/// on the same line (`Datum 3 februari 2023`) or the labels stand in a column before
/// their values (`Datum⏎Betreft⏎⏎3 februari 2023⏎Nationaal …`, pdftotext's order).
struct Letterhead {
    var date: String?
    var subject: String?
    /// How many lines of the first page it takes.
    var lineCount: Int

    static let labels = [
        "Datum", "Betreft", "Onderwerp", "Kenmerk", "Ons kenmerk", "Uw kenmerk", "Uw brief", "Uw referentie", "Onze referentie",
        "Bijlage(n)", "Bijlagen", "Bijlage", "Contactpersoon", "Doorkiesnummer", "Inlichtingen", "Ons nummer",
    ]

    init?(lines: [String]) {
        let window = min(lines.count, 80)
        let salutation = lines[..<window].firstIndex { $0.hasPrefix("Geachte ") }
        var values: [String: [String]] = [:]
        var pending: [String] = []
        var current: String?
        var sawLabel = false
        var end: Int?
        var index = 0
        let limit = salutation ?? window
        while index < limit {
            let line = lines[index]
            defer { index += 1 }
            if line.isEmpty {
                current = nil
                continue
            }
            if let (label, value) = Self.label(of: line) {
                sawLabel = true
                if value.isEmpty {
                    pending.append(label)
                    current = nil
                } else {
                    values[label] = [value]
                    current = label
                }
                continue
            }
            if let label = current {
                values[label, default: []].append(line)
            } else if !pending.isEmpty {
                // Labels in a column: a date goes to Datum, a bare number to Bijlage(n),
                // other text to the subject first; the last label takes the wrapped rest.
                let isDate = DocumentMetadata.isoDate(from: line) != nil
                let isCount = line.count <= 3 && line.allSatisfy(\.isNumber)
                let position = pending.firstIndex { label in
                    isDate ? label == "Datum" : isCount ? label.hasPrefix("Bijlage") : label == "Betreft" || label == "Onderwerp"
                } ?? 0
                let label = pending.remove(at: position)
                values[label] = [line]
                // A date never wraps; the last label of the column takes what follows.
                current = pending.isEmpty && label != "Datum" ? label : nil
            } else if sawLabel, salutation == nil {
                end = index
                break
            }
        }
        guard sawLabel, values["Datum"] != nil || values["Betreft"] != nil || values["Onderwerp"] != nil else { return nil }
        lineCount = salutation ?? end ?? limit
        date = values["Datum"].flatMap { DocumentMetadata.isoDate(from: $0.joined(separator: " ")) }
        subject = (values["Betreft"] ?? values["Onderwerp"]).map { $0.joined(separator: " ") }
    }

    /// `Datum`, `Datum 3 februari 2023`, `Onderwerp  Draagmoederschap`: the label and
    /// what follows it on the line.
    static func label(of line: String) -> (String, String)? {
        for label in labels where line.hasPrefix(label) {
            let rest = line.dropFirst(label.count)
            guard rest.isEmpty || rest.first == " " || rest.first == ":" else { continue }
            return (label, String(rest.drop { $0 == " " || $0 == ":" }))
        }
        return nil
    }
}
