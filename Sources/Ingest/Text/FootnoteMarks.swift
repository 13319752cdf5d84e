/// Footnote marks in the body of a PDF-text letter, removed once the notes are known: the
/// mark is not part of the sentence, and a phrase search must find `kapitaalmarktunie.
/// Dit draagt` whether the PDF had a superscript there or not. Only the labels of notes
/// found are removed, and only where a number cannot be part of the text.
enum FootnoteMarks {
    /// Words after which a number is a number (`nr. 4.`, `artikel 2.`, `van 4.`), not a mark.
    static let numbered: Set<String> = [
        "nr", "nrs", "no", "art", "artikel", "lid", "hoofdstuk", "paragraaf", "bijlage", "fase", "stap",
        "niveau", "onderdeel", "figuur", "tabel", "punt", "deel", "sub", "week", "groep", "klasse",
        "categorie", "versie", "pagina", "blz", "p", "schaal", "ronde", "box", "scenario", "optie", "model",
        // A number after these is an amount: `een stijging van 4.`
        "van", "tot", "met", "op", "en", "of", "dan", "is", "zijn", "ca", "circa", "ruim", "bijna", "maximaal",
        "minimaal", "de", "het", "per", "om", "in", "uit", "naar", "voor", "bij", "over", "na", "tussen",
    ]

    /// Marks glued to what they mark (`draagmoederschap.1 Het`, `bouw3.`: after a
    /// lower-case letter or punctuation, so that `CO2` and `4,7` keep their digits) and
    /// marks set off by a space, pdftotext's rendering of a superscript
    /// (`kapitaalmarktunie. 8 Dit`, `Zweden 4. We`, `broker 2— toegang`).
    static func remove(_ labels: Set<String>, from line: String) -> String {
        guard !labels.isEmpty else { return line }
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if ByteClass.isDigit(byte), index > 0, !ByteClass.isDigit(bytes[index - 1]) {
                var end = index
                while end < bytes.count, ByteClass.isDigit(bytes[end]) { end += 1 }
                if labels.contains(String(decoding: bytes[index ..< end], as: UTF8.self)) {
                    if isGlued(bytes, start: index, end: end) {
                        index = end
                        continue
                    }
                    if isSpaced(bytes, start: index, end: end) {
                        output.removeLast()  // the space before the mark
                        index = end
                        continue
                    }
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let closingQuotes: [[UInt8]] = [[0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99]]  // ” ’
    private static let dashes: [[UInt8]] = [[0xE2, 0x80, 0x94], [0xE2, 0x80, 0x93]]  // — –

    static func isGlued(_ bytes: [UInt8], start: Int, end: Int) -> Bool {
        let previous = bytes[start - 1]
        let afterPunctuation = ".,;:)\"".utf8.contains(previous) && !(start >= 2 && ByteClass.isDigit(bytes[start - 2]))
        let isMarkable = (previous >= 0x61 && previous <= 0x7A) || afterPunctuation
            || closingQuotes.contains { start >= 3 && bytes[start - 3 ..< start].elementsEqual($0) }
        let after = end < bytes.count ? bytes[end] : 0x20
        return isMarkable && (after == 0x20 || after == UInt8(ascii: ".") || after == UInt8(ascii: ",") || after == UInt8(ascii: ";"))
    }

    static func isSpaced(_ bytes: [UInt8], start: Int, end: Int) -> Bool {
        guard start >= 2, bytes[start - 1] == 0x20 else { return false }
        let before = bytes[start - 2]
        guard (before >= 0x61 && before <= 0x7A) || ".,)".utf8.contains(before) else { return false }
        // The word before, without its full stop: `nr. 4` and `artikel 2.` stay.
        var wordEnd = start - 1
        if bytes[wordEnd - 1] == UInt8(ascii: ".") || bytes[wordEnd - 1] == UInt8(ascii: ",") { wordEnd -= 1 }
        var wordStart = wordEnd
        while wordStart > 0, ByteClass.isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
        let word = String(decoding: bytes[wordStart ..< wordEnd], as: UTF8.self).lowercased()
        guard !word.isEmpty, !numbered.contains(word) else { return false }
        if end == bytes.count { return true }
        let after = bytes[end]
        if dashes.contains(where: { end + 3 <= bytes.count && bytes[end ..< end + 3].elementsEqual($0) }) { return true }
        if after == UInt8(ascii: ".") || after == UInt8(ascii: ",") {
            return end + 1 == bytes.count || bytes[end + 1] == 0x20
        }
        // `… unie. 8 Dit`: a mark between a sentence's end and the next one's capital.
        return after == 0x20 && end + 1 < bytes.count && ByteClass.isUpper(bytes[end + 1]) && ".,)".utf8.contains(before)
    }
}
