import Foundation

/// Metadata that plain-text letters and Kamervragen carry only in their words: the date
/// line, the subject, dossier and number, Kamervragen identifiers, and what kind of
/// document the text says it is. Looks only at the opening of the document (and the
/// footers the cleanup kept), so the cost does not grow with the file.
struct LetterMetadata: Equatable {
    var title: String?
    /// The first paragraph's first sentence, for a document that states no title (a
    /// manifest's title and a descriptive file name beat it).
    var fallbackTitle: String?
    /// The first paragraph when it is one short line (`Bijlage 1. Voortgang aanpak van
    /// huiselijk geweld`): a heading in all but name, which beats a file name.
    var openingLine: String?
    var date: String?
    var type: DocumentType = .overig
    var dossiers: [String] = []
    var documentNumber: String?
    var identifiers: [String] = []
    var ministry: String?
    var authors: [String] = []

    /// The longest first paragraph that still reads as a heading line.
    static let openingLineLength = 160

    /// How many blocks count as the document's opening.
    static let headerBlocks = 40
    /// How many characters make "the start" of a document for type and questioner cues.
    static let openingLength = 600
    /// How many bytes of the raw text are searched for identifiers.
    static let identifierWindow = 16_384

    init(rawText: String, cleanup: TextCleanup.Result) {
        let blocks = cleanup.builder.blocks
        let header = blocks.prefix(Self.headerBlocks)
        // The opening only: at most headerBlocks blocks and about 8 KB.
        var headerText = ""
        for block in header {
            if !headerText.isEmpty { headerText += "\n" }
            headerText += block.text
            if headerText.utf8.count >= 8192 { break }
        }
        let headings = cleanup.builder.headings

        date = Self.findDate(in: headerText) ?? Self.dateLine(in: rawText.utf8Prefix(Self.dateLineWindow))
        var raw = rawText
        raw.makeContiguousUTF8()
        identifiers = Self.identifiers(in: raw.utf8.span.extracting(first: Self.identifierWindow))
        for (dossier, number) in cleanup.footerReferences where !dossiers.contains(dossier) {
            dossiers.append(dossier)
            if documentNumber == nil { documentNumber = number }
        }
        if dossiers.isEmpty, let reference = Self.ownReference(in: header.prefix(10).map(\.text)) {
            dossiers = [reference.dossier]
            documentNumber = reference.number
        }
        // The letterhead, where the ministry is named, may be gone from the cleaned text.
        ministry = (Self.phrase(after: "Ministerie van ", in: headerText)
            ?? Self.phrase(after: "Ministerie van ", in: rawText.utf8Prefix(4096))?.trimmingCharacters(in: CharacterSet(charactersIn: "*_ ")))
            .map { "Ministerie van " + $0 }
        type = Self.classify(headerText: headerText, headings: headings, firstHeading: headings.first)
        if type == .overig, Self.endsWithSignature(blocks.suffix(8).map(\.text)) {
            // No cue at the start, but signed by a minister or state secretary: a letter
            // from the government (PDF text of a Kamerstuk often starts mid-letter).
            type = .brief
        }
        // A law is dated by its own title (`Wet van 18 maart 1993, …`), not by the dates
        // of the decisions it cites.
        if type == .wet, let heading = headings.first, let own = Self.lawDate(in: heading) {
            date = own
        }
        if [.antwoord, .vragen, .mededeling].contains(type) {
            authors = Self.questioners(in: headerText.utf8Prefix(Self.openingLength))
        } else {
            // Only Kamervragen papers print their own zaak and KOOP numbers; anywhere else
            // such a number is a citation (`de Nationale Grondstoffenstrategie (Kamerstuk
            // 2022Z24775)`) and must not become the document's identifier or address.
            identifiers = []
        }
        // A Kamerstuk known by its own footer is better named by its number than by its
        // first paragraph (PDF text of a letter often has no title line at all).
        let kamerstuk = documentNumber.flatMap { number in dossiers.first.map { "Kamerstuk \($0), nr. \(number)" } }
        // A law is named by its own title, whatever references its text carries.
        title = (type == .wet ? headings.first : nil) ?? Self.subject(in: header.map(\.text)) ?? Self.ficheTitle(in: header.prefix(2).map(\.text))
            ?? Self.titleLine(in: header.prefix(5).map(\.text))
            ?? Self.printedTitle(in: headerText) ?? kamerstuk ?? headings.first
        let opening = blocks.first { !$0.text.hasPrefix("Geachte") }?.text
        fallbackTitle = opening.map { Self.firstSentence(of: $0) }
        openingLine = opening.map(WhiteSpace.collapse).flatMap { line in
            line.count <= Self.openingLineLength && Self.firstSentence(of: line) == line ? line : nil
        }
    }

    // MARK: - Dates

    private static let months = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]
    private static let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    private static let monthAbbreviations = [
        "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Date lines in order of trust: the letter's own `Datum`, then the place-and-date
    /// line, then when answers were received, then when questions were sent in.
    static func findDate(in text: String) -> String? {
        for cue in ["Datum", "Den Haag,", "s-Gravenhage,", "s Gravenhage,", "(ontvangen", "(ingezonden", "ingezonden", "(Ingezonden",
                    "Vastgesteld", "vastgesteld", "Ontvangen", "Voorgesteld", "VERGADERING"] {
            var searchStart = text.startIndex
            while let range = text[searchStart...].byteRange(of: cue) {
                if let date = parseDate(text[range.upperBound...].prefix(40)) { return date }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    /// How many bytes of the raw text are searched for a line that is a date.
    static let dateLineWindow = 3000

    /// A line of the opening that is a date and nothing else, the way printed Kamerstukken
    /// and letters set their own date when no cue names it: `1 juli 1994`, `Maandag 11
    /// oktober 1993`, a place and date (`Zoetermeer, 18 november 1993`) or the paper's
    /// kind and date (`GEWIJZIGD VOORSTEL VAN WET 16 november 1994`). Dates inside
    /// sentences are other events and are not taken.
    static func dateLine(in text: String) -> String? {
        // Lines are found on the bytes and only those ending in a year become strings:
        // this runs for every document no cue dated.
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lines = 0
        while lineStart < bytes.count, lines < 80 {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1; lines += 1 }
            var end = lineEnd
            while end > lineStart, bytes[end - 1] == 0x20 || bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == 0x0D { end -= 1 }
            guard end - lineStart >= 8, bytes[(end - 4) ..< end].allSatisfy(ByteClass.isDigit),
                  bytes[end - 4] == UInt8(ascii: "1") || bytes[end - 4] == UInt8(ascii: "2") else { continue }
            let trimmed = String(decoding: bytes[lineStart ..< end], as: UTF8.self)
            let words = trimmed.split(separator: " ")
            guard words.count >= 3, words.count <= 9,
                  let date = parseDate(words.suffix(3).joined(separator: " ")[...]) else { continue }
            // `Datum ontvangst Commissiedocument⏎25 november 2021`: a date another line names.
            if previousLineNamesADate(bytes, before: lineStart) { continue }
            let before = words.dropLast(3)
            if before.isEmpty { return date }
            if before.count == 1, weekdays.contains(before[before.startIndex].lowercased()) { return date }
            // `Zoetermeer,` / `Den Haag,`: one or two capitalised words, the last with a comma.
            if before.count <= 2, before.last!.hasSuffix(","), before.allSatisfy({ $0.first?.isUppercase == true || $0.first == "'" || $0.first == "’" }) {
                return date
            }
            // The kind of paper in capitals.
            if before.count >= 2, before.allSatisfy({ word in word.allSatisfy { $0.isUppercase || $0 == "-" } }) { return date }
        }
        return nil
    }

    /// Whether the last non-blank line before `start` holds `datum` (`Datum ontvangst`).
    private static func previousLineNamesADate(_ bytes: [UInt8], before start: Int) -> Bool {
        var end = start - 1
        while end > 0, WhiteSpace.isSpace(bytes[end - 1]) { end -= 1 }
        var begin = end
        while begin > 0, bytes[begin - 1] != 0x0A { begin -= 1 }
        guard begin < end else { return false }
        return bytes[begin ..< end].firstOffset(of: Array("atum".utf8)) != nil
    }

    /// The date in a law's title: `Wet van 18 maart 1993, …`, `Grondwet voor het
    /// Koninkrijk der Nederlanden van 24 augustus 1815`, `Wet van den 18den April 1827`.
    static func lawDate(in title: String) -> String? {
        var searchStart = title.startIndex
        while let range = title[searchStart...].byteRange(of: " van ") {
            if let date = parseDate(title[range.upperBound...].prefix(40)) { return date }
            searchStart = range.upperBound
        }
        return nil
    }

    /// `19 november 2024`, `d.d.24 okitober 2025`, `: 3 juni 2021` at the start of `text`;
    /// also the old style `den 18den April 1827`, `21sten`.
    static func parseDate(_ text: Substring) -> String? {
        var rest = text.drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "." || $0 == "," || $0 == "—" || $0 == "–" || $0 == "*" }
        if rest.hasPrefix("d.d.") { rest = rest.dropFirst(4).drop { $0 == " " } }
        // `(Ingezonden bij brief van 3 mei 1957)`: the paper's covering letter.
        if rest.hasPrefix("bij brief van ") { rest = rest.dropFirst(14) }
        // `VERGADERING VAN DINSDAG 16 MAART 1920`, `Donderdag 8 februari 2018`
        if rest.lowercased().hasPrefix("van ") { rest = rest.dropFirst(4) }
        if let weekday = weekdays.first(where: { rest.lowercased().hasPrefix($0) }) {
            rest = rest.dropFirst(weekday.count).drop { $0 == " " || $0 == "," }
        }
        if rest.hasPrefix("den ") { rest = rest.dropFirst(4) }
        let words = rest.split(maxSplits: 3, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count >= 3, let day = Int(Self.withoutOrdinal(words[0])), (1 ... 31).contains(day),
              let month = month(named: words[1].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) else { return nil }
        let yearDigits = words[2].prefix { $0.isASCII && $0.isNumber }
        guard yearDigits.count == 4, let year = Int(yearDigits), (1800 ... 2100).contains(year) else { return nil }
        return isoDate(year: year, month: month, day: day)
    }

    /// `18den` → `18`, `21sten` → `21`, `1ste` → `1`; anything else as it is.
    static func withoutOrdinal(_ word: Substring) -> Substring {
        for suffix in ["sten", "den", "ste", "de"] where word.count > suffix.count && word.hasSuffix(suffix) {
            let digits = word.dropLast(suffix.count)
            if digits.allSatisfy(\.isNumber) { return digits }
        }
        return word
    }

    static func isoDate(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// A month by its Dutch name, abbreviation, or a name one typing error away
    /// (`okitober`, `novmber`); short names must match exactly, so `mei` stays `mei`.
    static func month(named name: String) -> Int? {
        if let index = months.firstIndex(of: name) { return index + 1 }
        if let number = monthAbbreviations[name] { return number }
        guard name.count >= 5 else { return nil }
        let candidates = months.enumerated().filter { $0.element.count >= 5 && editDistanceIsOne(Array($0.element.utf8), Array(name.utf8)) }
        return candidates.count == 1 ? candidates[0].offset + 1 : nil
    }

    private static func editDistanceIsOne(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if abs(a.count - b.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if b.count > a.count { j += 1 } else { i += 1; j += 1 }
        }
        edits += (a.count - i) + (b.count - j)
        return edits == 1
    }

    // MARK: - Identifiers and references

    /// `2025Z19210`, `kv-tk-2024Z18775`, `ah-tk-20242025-594`, `kst-28345-252`, in order of
    /// first appearance, without repeats.
    static func identifiers(in bytes: [UInt8]) -> [String] {
        identifiers(in: bytes.span)
    }

    static func identifiers(in bytes: Span<UInt8>) -> [String] {
        var found = [String]()
        func add(_ value: String) { if !found.contains(value) { found.append(value) } }
        let count = bytes.count
        func digits(_ range: Range<Int>) -> Bool {
            guard range.lowerBound >= 0, range.upperBound <= count else { return false }
            for index in range where !ByteClass.isDigit(bytes[index]) { return false }
            return true
        }
        func string(_ range: Range<Int>) -> String { String(decoding: range.map { bytes[$0] }, as: UTF8.self) }
        var index = 0
        while index < count {
            let byte = bytes[index]
            // Most bytes are neither 'Z' nor the start of a prefix; keep that test cheap.
            if byte == UInt8(ascii: "Z") {
                if digits(index - 4 ..< index), digits(index + 1 ..< index + 6),
                   index + 6 >= count || !ByteClass.isDigit(bytes[index + 6]),
                   index < 5 || !ByteClass.isDigit(bytes[index - 5]) {
                    add(string(index - 4 ..< index + 6))
                }
            } else if (byte == UInt8(ascii: "a") || byte == UInt8(ascii: "k")), index + 4 < count,
                      bytes[index + 2] == UInt8(ascii: "-") || bytes[index + 3] == UInt8(ascii: "-"),
                      index == 0 || !ByteClass.isLetter(bytes[index - 1]) {
                for prefix in Self.identifierPrefixes where index + prefix.count <= count
                    && prefix.indices.allSatisfy({ bytes[index + $0] == prefix[$0] }) {
                    var end = index + prefix.count
                    while end < count, ByteClass.isDigit(bytes[end]) || ByteClass.isUpper(bytes[end]) || bytes[end] == UInt8(ascii: "-") {
                        end += 1
                    }
                    while end > index, bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
                    if end - index > prefix.count + 3 {
                        let identifier = string(index ..< end)
                        if prefix.first == UInt8(ascii: "k"), prefix.count == 6 { add(String(identifier.dropFirst(6))) }
                        add(identifier)
                    }
                }
            }
            index += 1
        }
        return found
    }

    private static let identifierPrefixes: [[UInt8]] = [Array("ah-tk-".utf8), Array("kv-tk-".utf8), Array("kst-".utf8)]

    /// `28 345, nr. 252` in the opening lines when it is not a citation of another paper
    /// (`Kamerstukken II, 2024-2025, 28345, nr. 285`).
    static func ownReference(in lines: [String]) -> (dossier: String, number: String)? {
        for line in lines {
            guard let range = line.byteRange(of: ", nr. ") else { continue }
            let before = line[..<range.lowerBound]
            if before.containsBytes("Kamerstuk") || before.containsBytes("Handelingen") { continue }
            let digits = before.reversed().prefix { ($0.isASCII && $0.isNumber) || $0 == " " }
            let dossier = String(digits.reversed()).filter { $0 != " " }
            let number = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
            if dossier.count >= 4, dossier.count <= 6, !number.isEmpty { return (dossier, String(number)) }
        }
        return nil
    }

    // MARK: - Subject, people, type

    /// `Betreft …` up to the next header label; a subject wrapped onto following lines
    /// (which then start in lower case) is joined.
    static func subject(in blocks: [String]) -> String? {
        for (index, block) in blocks.enumerated() {
            // `Betreft` anywhere in the opening; `Onderwerp` (older letters) and `Document:`
            // (committee decision lists) only where they start a block.
            let label = block.byteRange(of: "Betreft")
                ?? (block.hasPrefix("Onderwerp") ? block.byteRange(of: "Onderwerp") : nil)
                ?? (block.hasPrefix("Document:") ? block.byteRange(of: "Document:") : nil)
            guard let range = label else { continue }
            var subject = String(block[range.upperBound...].drop { $0 == " " || $0 == ":" })
            var continuation = index + 1
            // A label in a column of its own: its value is the next block, and what
            // wrapped is a short line (`2011`), not a list that follows.
            let inColumn = subject.isEmpty
            if inColumn, continuation < blocks.count {
                subject = blocks[continuation].split(separator: "\n").prefix(2).joined(separator: " ")
                continuation += 1
            }
            for next in blocks.dropFirst(continuation).prefix(3) {
                guard let first = next.first, first.isLowercase || (inColumn && first.isNumber) else { break }
                if inColumn, next.contains("\n") || next.split(separator: " ").count > 12 { break }
                subject += " " + next
            }
            for label in ["Onze referentie", "Uw referentie", "Ons kenmerk", "Uw kenmerk", "Bijlage", "Datum "] {
                if let end = subject.byteRange(of: label) { subject = String(subject[..<end.lowerBound]) }
            }
            let trimmed = subject.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return shorten(trimmed) }
        }
        return nil
    }

    /// Whether one of the last blocks is a signature: a line starting "De Minister" or
    /// "De Staatssecretaris" (as the letters sign: "De Minister voor Rechtsbescherming,").
    static func endsWithSignature(_ blocks: [String]) -> Bool {
        blocks.contains { block in
            block.split(separator: "\n").contains { line in
                let trimmed = line.drop { $0 == " " }
                return (trimmed.hasPrefix("De Minister ") || trimmed.hasPrefix("De Staatssecretaris ")) && trimmed.count < 120
            }
        }
    }

    /// `Fiche 5: Herziening verordening …` opening a BNC-fiche: its first line.
    static func ficheTitle(in blocks: [String]) -> String? {
        for block in blocks where block.hasPrefix("Fiche ") {
            let line = block.prefix { $0 != "\n" }
            let number = line.dropFirst(6).prefix { $0.isNumber }
            guard !number.isEmpty, line.dropFirst(6 + number.count).hasPrefix(":") else { continue }
            return shorten(String(line))
        }
        return nil
    }

    /// The title a printed Kamerstuk sets in capitals after its number (`Nr. 39 AGENDA
    /// VOOR DE …. Vastgesteld 6 juni 1984`): the run of words without a lower-case
    /// letter, a footnote digit glued to a word dropped (`DEFENSIE1`).
    static func printedTitle(in text: String) -> String? {
        var searchStart = text.startIndex
        while let range = text[searchStart...].byteRange(of: "Nr. ") {
            searchStart = range.upperBound
            let afterNumber = text[range.upperBound...].drop { $0.isNumber }
            guard afterNumber.startIndex > range.upperBound, afterNumber.first == " " || afterNumber.first == "\n" else { continue }
            var words: [Substring] = []
            for word in afterNumber.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if word.contains(where: \.isLowercase) { break }
                words.append(word)
                if words.count >= 40 { break }
            }
            // At least two words with capitals, so that `Nr. 3 I` or a number alone is no title.
            guard words.filter({ $0.contains(where: \.isUppercase) }).count >= 2 else { continue }
            let cleaned = words.map { word -> String in
                let letters = word.dropLast()
                if let last = word.last, last.isNumber, letters.count >= 3, letters.allSatisfy(\.isUppercase) { return String(letters) }
                return String(word)
            }
            var title = cleaned.joined(separator: " ")
            while let last = title.last, last == "." || last == "," || last == ":" || last == "\"" { title.removeLast() }
            return shorten(title)
        }
        return nil
    }

    /// The line that names a Kamervragen document (`Antwoorden op Kamervragen van …`,
    /// `Vragen van het lid …`, `Mededeling van …`).
    static func titleLine(in blocks: [String]) -> String? {
        let openers = ["Antwoorden op", "Antwoord op", "Antwoord van", "Vragen van", "Mondelinge vragen", "Mededeling van", "Schriftelijke vragen"]
        for block in blocks {
            for opener in openers {
                if let range = block.byteRange(of: opener) { return shorten(String(block[range.lowerBound...])) }
            }
        }
        return nil
    }

    /// What to call a document that states no title and has no heading: its first
    /// sentence (a paragraph would fill a result line), shortened at a word when long.
    static func firstSentence(of text: String, limit: Int = 160) -> String {
        let scalars = Array(text.unicodeScalars.prefix(limit + 1))
        var index = 20
        while index + 2 < scalars.count {
            let mark = scalars[index]
            if mark == "." || mark == "?" || mark == "!", scalars[index + 1] == " ",
               CharacterSet.uppercaseLetters.contains(scalars[index + 2]), !CharacterSet.uppercaseLetters.contains(scalars[index - 1]) {
                var sentence = String.UnicodeScalarView()
                sentence.append(contentsOf: scalars[...index])
                return String(sentence)
            }
            index += 1
        }
        return shorten(text, limit: limit)
    }

    static func shorten(_ text: String, limit: Int = 240) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + " …" }
        return String(cut) + "…"
    }

    /// The words after `cue` while they look like a name (capitals, `en`, `van`, …).
    static func phrase(after cue: String, in text: String) -> String? {
        guard let range = text.byteRange(of: cue) else { return nil }
        var words = [Substring]()
        let line = text[range.upperBound...].prefix(120).prefix { $0 != "\n" }
        for word in line.split(separator: " ") {
            let connector = ["en", "van", "voor", "het", "de"].contains(word)
            guard connector || word.first?.isUppercase == true else { break }
            words.append(word)
        }
        while let last = words.last, ["en", "van", "voor", "het", "de"].contains(last) { words.removeLast() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// `van het lid Becker (VVD)`, `van de leden Piri (GroenLinks-PvdA) en Paternotte (D66)`.
    static func questioners(in text: String) -> [String] {
        for cue in ["van het lid ", "van de leden ", "van het leden ", "van lid "] {
            guard let range = text.byteRange(of: cue) else { continue }
            var names = text[range.upperBound...].prefix(300)
            for stop in [" aan de ", " aan het ", " aan\n", " over ", "\n"] {
                if let end = names.byteRange(of: stop) { names = names[..<end.lowerBound] }
            }
            for tail in [" aan de", " aan het", " aan"] where names.hasSuffix(tail) { names = names.dropLast(tail.count) }
            let people = names.replacingOccurrences(of: " en ", with: ", ")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !people.isEmpty { return people }
        }
        return []
    }

    /// What the text says it is, from its opening words and headings. Only the opening
    /// counts: a letter that later mentions "antwoord op vragen" is still a letter.
    static func classify(headerText: String, headings: [String], firstHeading: String?) -> DocumentType {
        let opening = headerText.utf8Prefix(openingLength)
        let lower = opening.asciiLowercased
        func mentions(_ phrases: [String]) -> Bool { phrases.contains { lower.containsBytes($0) } }
        // A law opens with its title and the royal formula; what its articles say (`voor zover
        // het betreft`, `mededeling van`) does not make it a letter.
        let lawTitles = ["Wet ", "Wet van", "Besluit", "Rijkswet", "Verdrag", "Regeling", "Reglement", "Grondwet", "Wetboek", "Burgerlijk Wetboek"]
        let isLawTitle = firstHeading.map { heading in lawTitles.contains { heading.hasPrefix($0) } } ?? false
        if isLawTitle, firstHeading.flatMap(Self.lawDate(in:)) != nil { return .wet }
        // A text that opens with its subject line is a letter; what it is about, not what
        // its body lists (`Nader antwoord op vragen van het lid …`), says whether it answers.
        if opening.hasPrefix("Betreft ") {
            let subject = opening.prefix { $0 != "\n" }.lowercased()
            if subject.contains("antwoord") { return .antwoord }
            if subject.contains("vragen van") { return .vragen }
            return .brief
        }
        // Numbered labels (`Vraag 1`, `Antwoord 1`), not a letter's section on questions.
        func isLabel(_ heading: String, _ opener: String) -> Bool {
            heading.hasPrefix(opener) && QuestionHeading.matches(Array(heading.utf8)[...])
        }
        let questionAndAnswer = headings.contains { isLabel($0, "Antwoord") } && headings.contains { isLabel($0, "Vraag") }
        if mentions(["uitstel beantwoording", "mededeling van", "niet binnen de gebruikelijke termijn"]) || opening.hasPrefix("Mededeling") {
            return .mededeling
        }
        if questionAndAnswer || mentions(["antwoorden op kamervragen", "antwoord op vragen van", "antwoord van ", "gegeven antwoorden"]) {
            return .antwoord
        }
        if mentions(["vragen van het lid", "vragen van de leden", "vragen van het leden", "vragen van lid", "mondelinge vragen",
                     "vragen gesteld door", "schriftelijke vragen"]) {
            return .vragen
        }
        let start = opening.utf8Prefix(200)
        if Self.ficheTitle(in: [String(start)]) != nil || start.containsBytes("BNC-fiche") { return .fiche }
        if start.containsBytes("BESLUITENLIJST") || start.containsBytes("Besluitenlijst van")
            || mentions(["document:\nbesluitenlijst", "document: besluitenlijst"]) {
            return .besluitenlijst
        }
        if start.containsBytes("AGENDA VOOR") || start.hasPrefix("Agenda") || start.containsBytes("CONVOCATIE") { return .agenda }
        if start.containsBytes("NOTA VAN WIJZIGING") || start.containsBytes("Nota van wijziging") { return .nota }
        if start.containsBytes("MEMORIE VAN TOELICHTING") { return .toelichting }
        if start.containsBytes("MOTIE") { return .motie }
        if start.containsBytes("AMENDEMENT") { return .amendement }
        if start.containsBytes("ONTWERP VAN WET") || start.containsBytes("VOORSTEL VAN WET") || start.containsBytes("Voorstel van wet") {
            return .wetsvoorstel
        }
        // "Bijlage 1." or "Bijlage bij …"; the plural "Bijlagen." heads a Handelingen appendix.
        if start.hasPrefix("Bijlage ") || firstHeading?.hasPrefix("Bijlage ") == true { return .bijlage }
        if start.containsBytes("VERSLAG") || start.hasPrefix("Verslag") { return .verslag }
        if mentions(["geachte voorzitter", "aan de voorzitter van de tweede kamer", "betreft"]) || headerText.containsBytes("\nBetreft ")
            || headerText.hasPrefix("Betreft ") {
            return .brief
        }
        if firstHeading != nil, isLawTitle || lower.containsBytes("bij de gratie gods") { return .wet }
        return .overig
    }
}

extension LetterMetadata {
    var metadata: DocumentMetadata {
        DocumentMetadata(
            title: title, date: date, type: type, dossiers: dossiers, documentNumber: documentNumber,
            identifiers: identifiers, ministry: ministry, authors: authors,
            ownKamerstuk: documentNumber != nil, fallbackTitle: fallbackTitle, openingLine: openingLine
        )
    }
}
