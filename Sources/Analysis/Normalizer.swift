/// The text as the tokeniser reads it: folded bytes, each pointing back at the original
/// bytes it came from.
///
/// ASCII letters keep their case (the tokeniser decides on acronyms and line-break hyphens
/// by case and lower-cases when it forms a term); everything else is already folded.
/// `sourceStart[i] ..< sourceEnd[i]` is the original UTF-8 range that produced byte `i`;
/// several bytes share a range when one scalar folds to several (`ﬁ` → `fi`), and a range
/// grows over the combining marks and ignorables that folding removed after it.
struct NormalizedText {
    var bytes: [UInt8] = []
    /// Whether `sourceStart` and `sourceEnd` are kept: tokens for highlighting need them,
    /// the terms an indexer inverts do not, and two offsets per byte cost more to record
    /// than the folding itself.
    var keepsSourceRanges = true
    var sourceStart: [UInt32] = []
    var sourceEnd: [UInt32] = []
    /// Footnote bodies (`[1:  Kamerstukken II, …]` in Word exports), in normalised
    /// coordinates and ascending order. They are tokenised after the running text, behind a
    /// position gap, so that no phrase spans a footnote and the sentence around it stays
    /// contiguous.
    var footnoteBodies: [Range<Int>] = []

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        sourceStart.removeAll(keepingCapacity: true)
        sourceEnd.removeAll(keepingCapacity: true)
        footnoteBodies.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, from start: Int, to end: Int) {
        bytes.append(byte)
        guard keepsSourceRanges else { return }
        sourceStart.append(UInt32(truncatingIfNeeded: start))
        sourceEnd.append(UInt32(truncatingIfNeeded: end))
    }

    /// Appends source bytes that normalise to themselves, each pointing at its own offset.
    mutating func appendIdentityRun(_ source: Span<UInt8>, _ range: Range<Int>) {
        // One bulk copy (a Span is no Sequence, and a loop appending byte by byte costs
        // several times more on the ASCII runs that are most of a text). The pointer lives
        // only for this call, inside the span's borrow; `extracting` checks `range` against
        // the buffer's bounds before anything is read.
        source.withUnsafeBufferPointer { source in bytes.append(contentsOf: source.extracting(range)) }
        guard keepsSourceRanges else { return }
        sourceStart.append(contentsOf: range.lazy.map { UInt32(truncatingIfNeeded: $0) })
        sourceEnd.append(contentsOf: range.lazy.map { UInt32(truncatingIfNeeded: $0 + 1) })
    }

    /// Lets the last byte's source range cover bytes that folded to nothing after it.
    @inline(__always)
    mutating func extendLast(to end: Int) {
        guard keepsSourceRanges, !sourceEnd.isEmpty else { return }
        sourceEnd[sourceEnd.count - 1] = UInt32(truncatingIfNeeded: end)
    }
}

/// Pass one of the analyzer: Unicode folding and removal of export artefacts that are
/// not words at all (Word bookmarks and footnote references, `<sup>` markers, the link
/// targets of Markdown links). Works on the original UTF-8 bytes with an ASCII fast path.
struct Normalizer {
    private var folder = ScalarFolder()

    mutating func normalize(_ source: Span<UInt8>, into out: inout NormalizedText) {
        out.removeAll()
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            if Self.isPlainASCII(byte) {
                // Fast path: most of a Dutch text is ASCII that maps to itself; copy the run
                // in bulk instead of appending byte by byte to three arrays.
                var runEnd = index + 1
                while runEnd < count, Self.isPlainASCII(source[runEnd]) { runEnd += 1 }
                out.appendIdentityRun(source, index ..< runEnd)
                index = runEnd
                continue
            }
            if byte < 0x80 {
                index = normalizeASCII(byte, at: index, in: source, into: &out)
                continue
            }
            let (scalar, length) = Self.decodeScalar(source, at: index)
            appendFolded(scalar, from: index, to: index + length, into: &out)
            index += length
        }
    }

    /// Printable ASCII without a role in any export artefact: copied as it is.
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "<")
    }

    /// Handles one ASCII byte (and whatever artefact starts with it); returns the next index.
    /// `inFootnote`: inside a footnote body another `[n:` is text, not a nested body
    /// (bodies must not overlap: they are cut out of the running text).
    private mutating func normalizeASCII(
        _ byte: UInt8, at index: Int, in source: Span<UInt8>, into out: inout NormalizedText,
        inFootnote: Bool = false
    ) -> Int {
        switch byte {
        case UInt8(ascii: "["):
            if let end = Self.wordMarkerEnd(source, at: index) {
                return end
            }
            if !inFootnote, let body = Self.footnoteBody(source, at: index) {
                // The label `[12:` and the closing `]` produce nothing; the body is kept.
                let bodyStart = out.bytes.count
                var inner = body.contentStart
                while inner < body.contentEnd {
                    let innerByte = source[inner]
                    if innerByte < 0x80 {
                        inner = normalizeASCII(innerByte, at: inner, in: source, into: &out, inFootnote: true)
                    } else {
                        let (scalar, length) = Self.decodeScalar(source, at: inner)
                        appendFolded(scalar, from: inner, to: inner + length, into: &out)
                        inner += length
                    }
                }
                out.footnoteBodies.append(bodyStart ..< out.bytes.count)
                return body.end
            }
            out.append(UInt8(ascii: " "), from: index, to: index + 1)
            return index + 1
        case UInt8(ascii: "<"):
            if let end = Self.superscriptMarkerEnd(source, at: index) {
                return end
            }
            out.append(byte, from: index, to: index + 1)
            return index + 1
        case UInt8(ascii: "]"):
            out.append(UInt8(ascii: " "), from: index, to: index + 1)
            if let end = Self.markdownLinkTargetEnd(source, at: index + 1) {
                return end
            }
            return index + 1
        case UInt8(ascii: "\r"):
            let next = index + 1
            if next < source.count, source[next] == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: "\n"), from: index, to: next + 1)
                return next + 1
            }
            out.append(UInt8(ascii: "\n"), from: index, to: next)
            return next
        case UInt8(ascii: "\n"):
            out.append(byte, from: index, to: index + 1)
            return index + 1
        case 0 ..< 0x20, 0x7F:
            out.append(UInt8(ascii: " "), from: index, to: index + 1)
            return index + 1
        default:
            out.append(byte, from: index, to: index + 1)
            return index + 1
        }
    }

    private mutating func appendFolded(_ scalar: Unicode.Scalar?, from start: Int, to end: Int, into out: inout NormalizedText) {
        switch scalar.map({ folder.fold($0) }) ?? .separator {
        case .drop: out.extendLast(to: end)
        case .separator: out.append(UInt8(ascii: " "), from: start, to: end)
        case .ascii(let mapped): out.append(mapped, from: start, to: end)
        case .text(let folded): for folded in folded { out.append(folded, from: start, to: end) }
        }
    }

    /// Decodes one scalar; invalid UTF-8 yields nil for one byte, so that damaged input
    /// becomes a separator instead of stopping the analysis.
    static func decodeScalar(_ source: Span<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = source[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2 ... 0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0 ... 0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0 ... 0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard index + length <= source.count else { return (nil, 1) }
        for offset in 1 ..< length {
            let continuation = source[index + offset]
            guard continuation & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        // Reject overlong forms and surrogates, as a validating decoder must.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }

    /// `[bookmark: _Hlk205377714]`, `[footnoteRef:1]`, `[endnoteRef:2]`: markers that Word
    /// text exports leave in the running text. Returns the index after the closing `]`.
    private static let wordMarkerPrefixes: [StaticString] = ["[bookmark:", "[footnoteRef:", "[endnoteRef:", "[commentRef:"]

    static func wordMarkerEnd(_ source: Span<UInt8>, at index: Int) -> Int? {
        guard wordMarkerPrefixes.contains(where: { source.hasPrefix($0, at: index) }) else { return nil }
        var cursor = index + 1
        let limit = min(source.count, index + 120)
        while cursor < limit {
            let byte = source[cursor]
            if byte == UInt8(ascii: "]") { return cursor + 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "[") { return nil }
            cursor += 1
        }
        return nil
    }

    /// A Word-export footnote body: `[` 1–3 digits `:` text `]`, with nested brackets
    /// allowed inside. Bounded, so an unclosed bracket costs little and stays text.
    static func footnoteBody(_ source: Span<UInt8>, at index: Int) -> (contentStart: Int, contentEnd: Int, end: Int)? {
        var cursor = index + 1
        let digitsStart = cursor
        while cursor < source.count, cursor - digitsStart < 4, source[cursor] >= 0x30, source[cursor] <= 0x39 {
            cursor += 1
        }
        let digitCount = cursor - digitsStart
        guard (1 ... 3).contains(digitCount), cursor < source.count, source[cursor] == UInt8(ascii: ":") else { return nil }
        let contentStart = cursor + 1
        var depth = 0
        cursor = contentStart
        let limit = min(source.count, index + 10_000)
        while cursor < limit {
            switch source[cursor] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                if depth == 0 { return (contentStart, cursor, cursor + 1) }
                depth -= 1
            default: break
            }
            cursor += 1
        }
        return nil
    }

    /// `<sup>1</sup>`: a footnote marker in HTML-flavoured exports. Only short contents
    /// count, so real text in superscript (rare) is not thrown away wholesale.
    static func superscriptMarkerEnd(_ source: Span<UInt8>, at index: Int) -> Int? {
        guard source.hasPrefix("<sup>", at: index) else { return nil }
        var cursor = index + 5
        let limit = min(source.count, cursor + 12)
        while cursor < limit {
            if source.hasPrefix("</sup>", at: cursor) { return cursor + 6 }
            cursor += 1
        }
        return nil
    }

    /// The `(url)` right after a Markdown link's `]`: syntax, not text.
    static func markdownLinkTargetEnd(_ source: Span<UInt8>, at index: Int) -> Int? {
        guard index < source.count, source[index] == UInt8(ascii: "(") else { return nil }
        var cursor = index + 1
        let limit = min(source.count, index + 2048)
        while cursor < limit {
            let byte = source[cursor]
            if byte == UInt8(ascii: ")") { return cursor + 1 }
            if byte <= 0x20 { return nil }
            cursor += 1
        }
        return nil
    }
}
