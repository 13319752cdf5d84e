/// What kind of term a token is; decides stemming and flags.
enum TermKind: UInt8 {
    case word, acronym, number, identifier, abbreviation
}

/// A term found by the tokeniser, before stemming. Offsets are in normalised coordinates;
/// the folded, lower-case term bytes live in ``Tokenizer/termBytes``.
struct RawTerm {
    var position: UInt32
    var normalizedStart: Int32
    var normalizedEnd: Int32
    var kind: TermKind
    var isAlternative: Bool
    var bytesStart: Int32
    var bytesCount: Int32
}

/// Pass two of the analyzer: splits normalised text into terms, handling the artefacts of
/// docs/ANALYZER.md (line-break hyphens, compounds with hyphens, parenthesised affixes,
/// abbreviations, acronyms, numbers and references, footnote digits glued to words).
///
/// It scans bytes with a class table; no `Character` or `String` is made per token. The
/// output arrays are reused between calls, so analysing allocates nothing once warm.
struct Tokenizer {
    private(set) var terms: [RawTerm] = []
    private(set) var termBytes: [UInt8] = []

    /// Longest term kept. A longer run of letters (base64, a damaged export) is cut into
    /// terms of this size instead of becoming one huge term.
    static let maximumTermLength = 64
    /// Longer words in capitals are words set in capitals (`FEMICIDE`, a shouted heading),
    /// stemmed like any word; shorter ones are acronyms (`OM`, `VNG`, `GGZ`).
    static let maximumAcronymLetters = 5
    /// Compounds with more parts still give every part, but no concatenation.
    static let maximumConcatenatedParts = 6

    private var nextPosition: UInt32 = 0
    /// The parts of the word being scanned; a member so that words allocate nothing.
    private var parts: [Part] = []
    private var deferred: [Range<Int>] = []

    mutating func tokenize(_ text: NormalizedText) {
        terms.removeAll(keepingCapacity: true)
        termBytes.removeAll(keepingCapacity: true)
        deferred.removeAll(keepingCapacity: true)
        nextPosition = 0
        let bytes = text.bytes.span
        var cursor = 0
        for body in text.footnoteBodies where body.lowerBound >= cursor {
            scan(bytes, cursor ..< body.lowerBound)
            cursor = body.upperBound
        }
        scan(bytes, cursor ..< bytes.count)
        // Footnote bodies and the footnote or footer lines found inside hyphenated words
        // come after the running text, each behind a gap, so no phrase spans into them.
        var later = text.footnoteBodies + deferred
        later.sort { $0.lowerBound < $1.lowerBound }
        var processed = 0
        while processed < later.count {
            if !terms.isEmpty { nextPosition += 1 }
            deferred.removeAll(keepingCapacity: true)
            scan(bytes, later[processed])
            later.append(contentsOf: deferred)
            processed += 1
        }
    }

    // MARK: - Scanning

    private mutating func scan(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if CharacterClass.isWord(byte) {
                index = scanTokenStartingAt(index, bytes, end)
            } else if byte == UInt8(ascii: "("), let next = scanParenthesisedPrefix(index, bytes, end) {
                index = next
            } else {
                index += 1
            }
        }
    }

    /// Tries the special shapes first (references, numbers, abbreviations), then words.
    /// Each special shape is tried only when the byte that all its forms share is there
    /// (a KOOP prefix's hyphen, ECLI's `e`, an abbreviation's first dot): most words are
    /// none of them, and this runs at the start of every token.
    private mutating func scanTokenStartingAt(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int {
        if Self.mayStartKOOPIdentifier(start, bytes, end), let next = scanKOOPIdentifier(start, bytes, end) { return next }
        if bytes[start] | 0x20 == UInt8(ascii: "e"), let next = scanECLI(start, bytes, end) { return next }
        if CharacterClass.isDigit(bytes[start]) {
            return scanNumber(start, bytes, end)
        }
        if start + 1 < end, bytes[start + 1] == UInt8(ascii: "."), let next = scanAbbreviation(start, bytes, end) { return next }
        return scanWord(start, bytes, end, prefix: nil)
    }

    // MARK: Words and compounds

    /// One hyphen-free piece of a word, in normalised coordinates.
    private struct Part {
        /// Normalised range of the term, for its offsets.
        var start: Int
        var end: Int
        /// Where scanning goes on: after `end`, or after footnote digits that were dropped.
        var resume: Int
        var bytesStart: Int
        var bytesCount: Int
        var kind: TermKind
        var startsUppercase: Bool
    }

    /// The `(on)` of `(on)veiligheid` or the `(ex-)` of `(ex-)partner`, already consumed.
    private struct AffixPrefix {
        var start: Int
        var bytesStart: Int
        var bytesCount: Int
    }

    private mutating func scanParenthesisedPrefix(_ open: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int? {
        var cursor = open + 1
        while cursor < end, CharacterClass.isLetter(bytes[cursor]), cursor - open <= 12 { cursor += 1 }
        let lettersEnd = cursor
        guard lettersEnd > open + 1, cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
        guard cursor + 1 < end, bytes[cursor] == UInt8(ascii: ")"), CharacterClass.isLetter(bytes[cursor + 1]) else { return nil }
        let bytesStart = termBytes.count
        appendFolded(bytes, open + 1 ..< lettersEnd)
        let prefix = AffixPrefix(start: open, bytesStart: bytesStart, bytesCount: termBytes.count - bytesStart)
        return scanWord(cursor + 1, bytes, end, prefix: prefix)
    }

    /// Scans a word and whatever hangs on it: hyphen parts (also across a line break),
    /// a parenthesised suffix, a trailing `'s`. Emits the parts, the concatenation and the
    /// affix readings. Returns the index after the last byte used.
    private mutating func scanWord(_ start: Int, _ bytes: Span<UInt8>, _ end: Int, prefix: AffixPrefix?) -> Int {
        parts.removeAll(keepingCapacity: true)
        var cursor = start
        var suffixReading: (part: Part, whole: Part)?
        var current = scanPart(cursor, bytes, end)
        cursor = current.resume
        while true {
            // A hyphen between two word characters joins parts of a compound.
            guard cursor < end else { break }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "-") {
                if cursor + 1 < end, CharacterClass.isWord(bytes[cursor + 1]) {
                    parts.append(current)
                    current = scanPart(cursor + 1, bytes, end)
                    cursor = current.resume
                    continue
                }
                switch lineBreakHyphen(after: cursor, current, bytes, end) {
                case .join(let continuation):
                    // The word goes on after the line break: `kindermishan-⏎deling`.
                    let more = scanPart(continuation, bytes, end)
                    let extended = Part(
                        start: current.start, end: more.end, resume: more.resume, bytesStart: current.bytesStart,
                        bytesCount: more.bytesStart + more.bytesCount - current.bytesStart,
                        kind: current.kind == more.kind ? current.kind : .word, startsUppercase: current.startsUppercase)
                    current = extended
                    cursor = more.resume
                    continue
                case .newPart(let next):
                    // `Verwey-⏎Jonker`: a real hyphen that happens to end the line.
                    parts.append(current)
                    current = scanPart(next, bytes, end)
                    cursor = current.resume
                    continue
                case .end:
                    break
                }
            } else if byte == UInt8(ascii: "("), let whole = parenthesisedSuffix(current, cursor, bytes, end) {
                suffixReading = (current, whole)
                current = whole
                cursor = whole.resume
            }
            break
        }
        parts.append(current)
        emit(prefix: prefix, suffixReading: suffixReading, bytes: bytes)
        return cursor
    }

    /// `ouder(s)`, `kind(eren)`: the word with and without the parenthesised letters.
    private mutating func parenthesisedSuffix(_ part: Part, _ open: Int, _ bytes: Span<UInt8>, _ end: Int) -> Part? {
        var cursor = open + 1
        while cursor < end, CharacterClass.isLetter(bytes[cursor]), cursor - open <= 8 { cursor += 1 }
        guard cursor > open + 1, cursor < end, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        let close = cursor
        guard close + 1 >= end || !CharacterClass.isWord(bytes[close + 1]) else { return nil }
        // The base part's bytes are the last ones written, so the whole reading extends them.
        guard part.bytesStart + part.bytesCount == termBytes.count else { return nil }
        appendFolded(bytes, open + 1 ..< close)
        return Part(
            start: part.start, end: close + 1, resume: close + 1, bytesStart: part.bytesStart,
            bytesCount: termBytes.count - part.bytesStart, kind: .word, startsUppercase: part.startsUppercase)
    }

    /// A run of word characters with inner apostrophes (`zo'n`, `regio's`), a trailing `+`
    /// run for `MDA++`, and footnote digits glued to the end of a word dropped.
    private mutating func scanPart(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Part {
        var cursor = start
        var letters = 0, uppercase = 0, lowercase = 0, digits = 0
        var trailingDigits = 0
        while cursor < end {
            let byte = bytes[cursor]
            if CharacterClass.isWord(byte) {
                if cursor - start >= Self.maximumTermLength, !CharacterClass.isContinuation(byte) { break }
                if CharacterClass.isDigit(byte) {
                    digits += 1
                    trailingDigits += 1
                } else {
                    letters += 1
                    trailingDigits = 0
                    if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { uppercase += 1 }
                    else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= 0xC0 { lowercase += 1 }
                }
                cursor += 1
            } else if byte == UInt8(ascii: "'"), cursor + 1 < end, CharacterClass.isLetter(bytes[cursor + 1]), cursor > start {
                trailingDigits = 0
                cursor += 1
            } else {
                break
            }
        }
        var termEnd = cursor
        // `aanbieden1`, `elementen6`: a footnote number glued to a lower-case word.
        if trailingDigits > 0, trailingDigits <= 2, letters >= 3, lowercase > 0, digits == trailingDigits {
            termEnd = cursor - trailingDigits
        }
        var kind: TermKind = .word
        if letters == 0 {
            kind = .number
        } else if CharacterClass.isDigit(bytes[start]) {
            kind = .number  // `2e`, `10e`, `5G`: ordinals and the like, not stemmed
        } else if uppercase >= 2, lowercase == 0, uppercase <= Self.maximumAcronymLetters {
            kind = .acronym
            while cursor < end, bytes[cursor] == UInt8(ascii: "+"), cursor - start < Self.maximumTermLength {
                cursor += 1
                termEnd = cursor
            }
        }
        let bytesStart = termBytes.count
        appendFolded(bytes, start ..< termEnd)
        return Part(
            start: start, end: termEnd, resume: cursor, bytesStart: bytesStart,
            bytesCount: termBytes.count - bytesStart, kind: kind,
            startsUppercase: bytes[start] >= UInt8(ascii: "A") && bytes[start] <= UInt8(ascii: "Z"))
    }

    // MARK: Line-break hyphens

    private enum LineBreakDecision {
        case join(continuation: Int)
        case newPart(start: Int)
        case end
    }

    /// Decides what a hyphen at the end of a line means (docs/ANALYZER.md): join when the next
    /// line starts in lower case (`professio-⏎nals`); a real hyphen when both sides are
    /// capitalised (`Verwey-⏎Jonker`); never a join before `en`, `of`, `tot`
    /// (`zorg-⏎en hulpverlening`). Blank lines, a footnote line and a page footer between
    /// the halves are stepped over; those lines are tokenised later.
    private mutating func lineBreakHyphen(after hyphen: Int, _ part: Part, _ bytes: Span<UInt8>, _ end: Int) -> LineBreakDecision {
        var cursor = hyphen + 1
        while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "\n") else { return .end }
        cursor += 1
        var skipped: [Range<Int>] = []
        var linesSkipped = 0
        while cursor < end, linesSkipped < 4 {
            var lineStart = cursor
            while lineStart < end, bytes[lineStart] == UInt8(ascii: " ") { lineStart += 1 }
            guard lineStart < end else { return .end }
            if bytes[lineStart] == UInt8(ascii: "\n") {
                cursor = lineStart + 1
                linesSkipped += 1
                continue
            }
            if Self.isFootnoteOrFooterLine(lineStart, bytes, end) {
                var lineEnd = lineStart
                while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                skipped.append(lineStart ..< lineEnd)
                cursor = min(lineEnd + 1, end)
                linesSkipped += 1
                continue
            }
            cursor = lineStart
            break
        }
        guard cursor < end, CharacterClass.isLetter(bytes[cursor]) else { return .end }
        let next = bytes[cursor]
        let decision: LineBreakDecision
        if CharacterClass.isLowercaseLetter(next) {
            decision = Self.isConjunction(cursor, bytes, end) ? .end : .join(continuation: cursor)
        } else if part.startsUppercase {
            decision = .newPart(start: cursor)
        } else {
            decision = .end
        }
        if case .end = decision { return .end }
        deferred.append(contentsOf: skipped)
        return decision
    }

    /// `en`, `of`, `tot` as whole words: `zorg- en hulpverlening` elides a shared ending.
    private static func isConjunction(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Bool {
        var cursor = start
        while cursor < end, CharacterClass.isWord(bytes[cursor]) { cursor += 1 }
        switch cursor - start {
        case 2: return bytes.hasPrefix("en", at: start) || bytes.hasPrefix("of", at: start)
        case 3: return bytes.hasPrefix("tot", at: start)
        default: return false
        }
    }

    /// A footnote line (`1 Raadpleegbaar via www.tweedekamer.nl`) or a running footer
    /// (`Tweede Kamer, vergaderjaar 2020–2021, 28 345, nr. 252 15`).
    private static func isFootnoteOrFooterLine(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Bool {
        if bytes.hasPrefix("Tweede Kamer, vergaderjaar", at: start) || bytes.hasPrefix("Eerste Kamer, vergaderjaar", at: start) {
            return true
        }
        var cursor = start
        while cursor < end, CharacterClass.isDigit(bytes[cursor]), cursor - start < 3 { cursor += 1 }
        let digits = cursor - start
        guard digits >= 1, digits <= 2, cursor + 1 < end, bytes[cursor] == UInt8(ascii: " ") else { return false }
        return bytes[cursor + 1] >= UInt8(ascii: "A") && bytes[cursor + 1] <= UInt8(ascii: "Z")
    }

    // MARK: Emission

    private mutating func emit(prefix: AffixPrefix?, suffixReading: (part: Part, whole: Part)?, bytes: Span<UInt8>) {
        let first = parts[0]
        if let prefix {
            // `(on)veiligheid`: `onveiligheid` and `veiligheid` at one position.
            let joinedStart = termBytes.count
            repeatTermBytes(prefix.bytesStart, prefix.bytesCount)
            repeatTermBytes(first.bytesStart, first.bytesCount)
            let joined = Part(
                start: prefix.start, end: first.end, resume: first.resume, bytesStart: joinedStart, bytesCount: termBytes.count - joinedStart,
                kind: .word, startsUppercase: false)
            append(joined, alternative: false)
            append(first, alternative: true)
        } else {
            append(first, alternative: false)
        }
        if let suffixReading, parts.count == 1 {
            // `ouder(s)`: `ouders` was emitted; `ouder` joins it at the same position.
            append(suffixReading.part, alternative: true)
        }
        if parts.count > 1 {
            let hasLetters = parts.contains { $0.kind != .number }
            if hasLetters, parts.count <= Self.maximumConcatenatedParts {
                // `EU-richtlijn` → `eurichtlijn` at the first part's position, so that the
                // written-together and hyphenated forms find each other.
                let joinedStart = termBytes.count
                for part in parts {
                    repeatTermBytes(part.bytesStart, part.bytesCount)
                }
                let kind: TermKind = parts.contains { $0.kind == .word } ? .word : parts.contains { $0.kind == .acronym } ? .acronym : .number
                let joined = Part(
                    start: first.start, end: parts[parts.count - 1].end, resume: parts[parts.count - 1].resume, bytesStart: joinedStart,
                    bytesCount: termBytes.count - joinedStart, kind: kind, startsUppercase: false)
                appendAtLastPosition(joined)
            }
            // `wiskunde-onderwijs-beleid`: each pair of neighbouring parts written together
            // too (`wiskundeonderwijs` at the first part, `onderwijsbeleid` at the second), so
            // that a query for an inner compound finds the longer chain.
            let pairs = hasLetters && parts.count >= 3 && parts.count <= Self.maximumConcatenatedParts
            if pairs { appendAtLastPosition(joinedPair(0)) }
            for index in parts.indices.dropFirst() {
                append(parts[index], alternative: false)
                if pairs, index + 1 < parts.count { appendAtLastPosition(joinedPair(index)) }
            }
        }
    }

    /// Parts `index` and `index + 1` written together.
    private mutating func joinedPair(_ index: Int) -> Part {
        let left = parts[index], right = parts[index + 1]
        let start = termBytes.count
        repeatTermBytes(left.bytesStart, left.bytesCount)
        repeatTermBytes(right.bytesStart, right.bytesCount)
        let kind: TermKind = left.kind == .word || right.kind == .word ? .word
            : left.kind == .acronym || right.kind == .acronym ? .acronym : .number
        return Part(
            start: left.start, end: right.end, resume: right.resume, bytesStart: start, bytesCount: termBytes.count - start,
            kind: kind, startsUppercase: false)
    }

    private mutating func append(_ part: Part, alternative: Bool) {
        guard part.bytesCount > 0 else { return }
        if alternative {
            appendAtLastPosition(part)
            return
        }
        terms.append(RawTerm(
            position: nextPosition, normalizedStart: Int32(part.start), normalizedEnd: Int32(part.end),
            kind: part.kind, isAlternative: false, bytesStart: Int32(part.bytesStart), bytesCount: Int32(part.bytesCount)))
        nextPosition += 1
    }

    private mutating func appendAtLastPosition(_ part: Part) {
        guard part.bytesCount > 0 else { return }
        let position = nextPosition == 0 ? 0 : nextPosition - 1
        terms.append(RawTerm(
            position: position, normalizedStart: Int32(part.start), normalizedEnd: Int32(part.end),
            kind: part.kind, isAlternative: true, bytesStart: Int32(part.bytesStart), bytesCount: Int32(part.bytesCount)))
    }

    private mutating func appendTerm(_ kind: TermKind, _ range: Range<Int>, folded: (inout Tokenizer) -> Void) {
        let bytesStart = termBytes.count
        folded(&self)
        guard termBytes.count > bytesStart else { return }
        terms.append(RawTerm(
            position: nextPosition, normalizedStart: Int32(range.lowerBound), normalizedEnd: Int32(range.upperBound),
            kind: kind, isAlternative: false, bytesStart: Int32(bytesStart), bytesCount: Int32(termBytes.count - bytesStart)))
        nextPosition += 1
    }

    /// Appends a copy of earlier term bytes, element by element: appending a slice of the
    /// array to itself would copy the whole buffer first.
    private mutating func repeatTermBytes(_ start: Int, _ count: Int) {
        for index in start ..< start + count { termBytes.append(termBytes[index]) }
    }

    /// Appends bytes lower-cased (ASCII; everything else was folded by the normaliser).
    private mutating func appendFolded(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        for index in range {
            let byte = bytes[index]
            termBytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
    }

    // MARK: Abbreviations

    /// `z.s.m.`, `o.a.`, `c.s.`, `t.a.v.`: single letters with dots become `zsm`, `oa`, …
    private mutating func scanAbbreviation(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int? {
        var cursor = start
        var letters = 0
        // Single letters, each followed by a dot.
        while cursor + 1 < end, CharacterClass.isASCIILetter(bytes[cursor]), bytes[cursor + 1] == UInt8(ascii: ".") {
            letters += 1
            cursor += 2
        }
        // `j.l` whose last dot became the end of the sentence.
        if letters >= 1, cursor < end, CharacterClass.isASCIILetter(bytes[cursor]),
           cursor + 1 >= end || !CharacterClass.isWord(bytes[cursor + 1]) {
            letters += 1
            cursor += 1
        }
        guard letters >= 2 else { return nil }
        appendTerm(.abbreviation, start ..< cursor) { tokenizer in
            for index in start ..< cursor where CharacterClass.isASCIILetter(bytes[index]) {
                tokenizer.termBytes.append(bytes[index] | 0x20)
            }
        }
        return cursor
    }

    // MARK: Numbers and references

    private mutating func scanNumber(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int {
        if let next = scanKamervragenIdentifier(start, bytes, end) { return next }
        if let next = scanDossierNumber(start, bytes, end) { return next }
        var cursor = start
        while cursor < end, CharacterClass.isDigit(bytes[cursor]) { cursor += 1 }
        let leadingDigits = cursor - start
        // Thousands groups: `990.000`, `1.325` → `990000`, `1325`.
        if leadingDigits <= 3, Self.isThousandsGroup(cursor, bytes, end) {
            var groupsEnd = cursor
            while Self.isThousandsGroup(groupsEnd, bytes, end) { groupsEnd += 4 }
            appendTerm(.number, start ..< groupsEnd) { tokenizer in
                for index in start ..< groupsEnd where CharacterClass.isDigit(bytes[index]) {
                    tokenizer.termBytes.append(bytes[index])
                }
            }
            return groupsEnd
        }
        var kind: TermKind = .number
        if cursor + 1 < end, CharacterClass.isDigit(bytes[cursor + 1]) {
            switch bytes[cursor] {
            case UInt8(ascii: ","), UInt8(ascii: "."):
                // Decimals and times keep their separator: `1,3`, `15.30`.
                cursor += 1
                while cursor < end, CharacterClass.isDigit(bytes[cursor]) { cursor += 1 }
            case UInt8(ascii: ":"):
                // Article numbers: `1:253a` (Burgerlijk Wetboek), one token.
                cursor += 1
                while cursor < end, CharacterClass.isDigit(bytes[cursor]) { cursor += 1 }
                if cursor < end, CharacterClass.isASCIILetter(bytes[cursor]), cursor + 1 >= end || !CharacterClass.isWord(bytes[cursor + 1]) {
                    cursor += 1
                }
                kind = .identifier
            default:
                break
            }
        }
        if cursor < end, CharacterClass.isLetter(bytes[cursor]) {
            // Digits with letters (`2e`, `5G`, `3a`): one unstemmed token.
            return scanWord(start, bytes, end, prefix: nil)
        }
        appendTerm(kind, start ..< cursor) { tokenizer in
            for index in start ..< cursor { tokenizer.termBytes.append(bytes[index]) }
        }
        return cursor
    }

    private static func isThousandsGroup(_ dot: Int, _ bytes: Span<UInt8>, _ end: Int) -> Bool {
        guard dot + 3 < end, bytes[dot] == UInt8(ascii: "."),
              CharacterClass.isDigit(bytes[dot + 1]), CharacterClass.isDigit(bytes[dot + 2]), CharacterClass.isDigit(bytes[dot + 3])
        else { return false }
        return dot + 4 >= end || !CharacterClass.isDigit(bytes[dot + 4])
    }

    /// `36 658`: a dossier number written with a space, joined to `36658` only where the
    /// text speaks of a dossier (`Kamerstuk`, `dossier`, `vergaderjaar` before it, or `nr.`
    /// after it), so that postcodes (`2500 EH`) and counts stay apart.
    private mutating func scanDossierNumber(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int? {
        guard start + 6 <= end,
              CharacterClass.isDigit(bytes[start]), CharacterClass.isDigit(bytes[start + 1]), bytes[start + 2] == UInt8(ascii: " "),
              CharacterClass.isDigit(bytes[start + 3]), CharacterClass.isDigit(bytes[start + 4]), CharacterClass.isDigit(bytes[start + 5]),
              start + 6 == end || !CharacterClass.isWord(bytes[start + 6])
        else { return nil }
        guard Self.mentionsDossier(before: start, bytes) || Self.isFollowedByNumberMark(start + 6, bytes, end) else { return nil }
        appendTerm(.identifier, start ..< start + 6) { tokenizer in
            for index in [start, start + 1, start + 3, start + 4, start + 5] { tokenizer.termBytes.append(bytes[index]) }
        }
        return start + 6
    }

    private static let dossierCues: [[UInt8]] = [Array("kamerstuk".utf8), Array("dossier".utf8), Array("vergaderjaar".utf8)]

    private static func mentionsDossier(before index: Int, _ bytes: Span<UInt8>) -> Bool {
        let windowStart = max(0, index - 48)
        for cue in dossierCues {
            var position = windowStart
            while position + cue.count <= index {
                var matches = true
                for (offset, expected) in cue.enumerated() where bytes[position + offset] | 0x20 != expected {
                    matches = false
                    break
                }
                if matches { return true }
                position += 1
            }
        }
        return false
    }

    private static func isFollowedByNumberMark(_ index: Int, _ bytes: Span<UInt8>, _ end: Int) -> Bool {
        var cursor = index
        if cursor < end, bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
        while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor + 2 <= end else { return false }
        return bytes[cursor] | 0x20 == UInt8(ascii: "n") && bytes[cursor + 1] | 0x20 == UInt8(ascii: "r")
            && (cursor + 2 == end || !CharacterClass.isLetter(bytes[cursor + 2]))
    }

    /// `2025Z19210`, `2024D01234`: Tweede Kamer case and document ids, one token.
    private mutating func scanKamervragenIdentifier(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int? {
        guard start + 9 <= end else { return nil }
        for offset in 0 ..< 4 where !CharacterClass.isDigit(bytes[start + offset]) { return nil }
        guard CharacterClass.isASCIILetter(bytes[start + 4]) else { return nil }
        var cursor = start + 5
        while cursor < end, CharacterClass.isDigit(bytes[cursor]) { cursor += 1 }
        let digits = cursor - start - 5
        guard digits >= 4, digits <= 6, cursor == end || !CharacterClass.isWord(bytes[cursor]) else { return nil }
        appendTerm(.identifier, start ..< cursor) { tokenizer in tokenizer.appendFolded(bytes, start ..< cursor) }
        return cursor
    }

    /// KOOP document ids: `kst-28345-252`, `ah-tk-20242025-594`, `kv-tk-2025Z19210`,
    /// `h-tk-20172018-50-1`, `stb-2024-12`: one token, not a hyphen compound.
    private static let koopPrefixes: [StaticString] = ["kst-", "ah-", "kv-", "h-", "stb-", "stcrt-", "blg-", "trb-", "gmb-", "prb-", "wsb-"]

    /// Every KOOP prefix ends in a hyphen at offset 1, 2, 3 or 5 (`h-`, `kv-`, `kst-`, `stcrt-`).
    @inline(__always)
    private static func mayStartKOOPIdentifier(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Bool {
        let hyphen = UInt8(ascii: "-")
        return start + 1 < end && bytes[start + 1] == hyphen || start + 2 < end && bytes[start + 2] == hyphen
            || start + 3 < end && bytes[start + 3] == hyphen || start + 5 < end && bytes[start + 5] == hyphen
    }

    private mutating func scanKOOPIdentifier(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int? {
        guard start == 0 || !CharacterClass.isWord(bytes[start - 1]) else { return nil }
        guard let prefix = Self.koopPrefixes.first(where: { bytes.hasPrefix($0, at: start) }) else { return nil }
        var cursor = start + prefix.utf8CodeUnitCount
        var segments = 0
        var sawDigit = false
        var lastSegmentHasDigit = false
        while cursor < end {
            let segmentStart = cursor
            var segmentHasDigit = false
            while cursor < end, CharacterClass.isASCIIAlphanumeric(bytes[cursor]) {
                if CharacterClass.isDigit(bytes[cursor]) { segmentHasDigit = true }
                cursor += 1
            }
            guard cursor > segmentStart else { return nil }
            segments += 1
            sawDigit = sawDigit || segmentHasDigit
            lastSegmentHasDigit = segmentHasDigit
            if cursor + 1 < end, bytes[cursor] == UInt8(ascii: "-"), CharacterClass.isASCIIAlphanumeric(bytes[cursor + 1]) {
                cursor += 1
                continue
            }
            break
        }
        guard sawDigit, lastSegmentHasDigit, segments >= 1, cursor == end || !CharacterClass.isWord(bytes[cursor]) else { return nil }
        appendTerm(.identifier, start ..< cursor) { tokenizer in tokenizer.appendFolded(bytes, start ..< cursor) }
        return cursor
    }

    /// `ECLI:NL:HR:2016:1234`: the European case law identifier, one token.
    private mutating func scanECLI(_ start: Int, _ bytes: Span<UInt8>, _ end: Int) -> Int? {
        guard bytes.hasPrefix("ECLI:", at: start) || bytes.hasPrefix("ecli:", at: start) else { return nil }
        var cursor = start + 5
        var lastWordEnd = cursor
        while cursor < end, cursor - start < 64 {
            let byte = bytes[cursor]
            if CharacterClass.isASCIIAlphanumeric(byte) {
                cursor += 1
                lastWordEnd = cursor
            } else if byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") {
                cursor += 1
            } else {
                break
            }
        }
        guard lastWordEnd > start + 5 else { return nil }
        appendTerm(.identifier, start ..< lastWordEnd) { tokenizer in tokenizer.appendFolded(bytes, start ..< lastWordEnd) }
        return lastWordEnd
    }
}

/// Byte classes of normalised text. Every byte of 0x80 and above belongs to a word:
/// the normaliser has already turned non-ASCII punctuation and symbols into ASCII.
enum CharacterClass {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { isASCIILetter(byte) || byte >= 0x80 }
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool { isASCIIAlphanumeric(byte) || byte >= 0x80 }
    @inline(__always) static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
    /// Lower-case ASCII, or any non-ASCII letter (the normaliser lower-cased those).
    @inline(__always) static func isLowercaseLetter(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 || byte >= 0x80 }
}
