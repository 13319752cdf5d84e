import Analysis

/// What to highlight: stems (words of a bag of words), exact forms (one-word phrases),
/// prefixes (`kinder*`: every exact form that starts with one) and phrases (marked as one
/// span).
struct HighlightTerms: Sendable {
    var stems: Set<String> = []
    var exacts: Set<String> = []
    var prefixes: Set<String> = []
    var phrases: [[String]] = []
    var stemPhrases: [[String]] = []

    /// Whether `token` is one of the single words to mark.
    func marks(_ token: Token) -> Bool {
        stems.contains(token.stem) || exacts.contains(token.exact) || prefixes.contains { token.exact.hasPrefix($0) }
    }
}

/// Cuts the best window (about 300 characters) out of a passage and marks the hits in it.
struct SnippetBuilder {
    static let windowBytes = 300

    let analyzer: Analyzer

    func snippet(for text: String, terms: HighlightTerms) throws -> Snippet {
        Self.window(text, marks: try marks(in: text, terms: terms))
    }

    /// Every place in `text` that the query matched: UTF-8 byte ranges, ascending, not
    /// overlapping (a phrase is one range). The whole text, uncut (the document page).
    func marks(in text: String, terms: HighlightTerms) throws -> [Range<Int>] {
        let tokens = try analyzer.analyze(text)
        var marks: [Range<Int>] = []
        for token in tokens where terms.marks(token) {
            marks.append(token.start ..< token.end)
        }
        let words = tokens.filter { !$0.flags.contains(.alternative) }
        for (phrase, key) in terms.phrases.map({ ($0, \Token.exact) }) + terms.stemPhrases.map({ ($0, \Token.stem) }) where !phrase.isEmpty {
            var index = 0
            while index + phrase.count <= words.count {
                var matches = true
                for offset in phrase.indices where words[index + offset][keyPath: key] != phrase[offset] || (offset > 0 && words[index + offset].position != words[index + offset - 1].position + 1) {
                    matches = false
                    break
                }
                if matches {
                    marks.append(words[index].start ..< words[index + phrase.count - 1].end)
                    index += phrase.count
                } else {
                    index += 1
                }
            }
        }
        return Self.merge(marks)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
    }

    /// Sorts and joins overlapping or touching ranges.
    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound ..< max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The window of about ``windowBytes`` holding the most marks, widened to word
    /// boundaries, with `…` where it cuts the passage.
    static func window(_ text: String, marks: [Range<Int>]) -> Snippet {
        let bytes = Array(text.utf8)
        guard bytes.count > windowBytes else { return Snippet(text: text, highlights: marks) }
        var bestStart = 0, bestCount = -1
        for (index, mark) in marks.enumerated() {
            // Start a little before a mark so that it has some context.
            let start = max(0, mark.lowerBound - 40)
            let count = marks[index...].prefix { $0.upperBound <= start + windowBytes }.count
            if count > bestCount {
                bestCount = count
                bestStart = start
            }
        }
        var start = min(bestStart, max(0, bytes.count - windowBytes))
        var end = min(bytes.count, start + windowBytes)
        // Cut at whitespace, moving inwards, so that no word (or UTF-8 sequence) is split.
        while start > 0, start < end, !isSpace(bytes[start - 1]) { start += 1 }
        while end < bytes.count, end > start, !isSpace(bytes[end]) { end -= 1 }
        let prefix = start > 0 ? "… " : ""
        let suffix = end < bytes.count ? " …" : ""
        let shift = prefix.utf8.count - start
        let inside = marks.filter { $0.lowerBound >= start && $0.upperBound <= end }.map { ($0.lowerBound + shift) ..< ($0.upperBound + shift) }
        let body = String(decoding: bytes[start ..< end], as: UTF8.self).trimmingWhitespace()
        let leading = String(decoding: bytes[start ..< end], as: UTF8.self).utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }.count
        return Snippet(text: prefix + body + suffix, highlights: inside.map { ($0.lowerBound - leading) ..< ($0.upperBound - leading) })
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first ... last])
    }
}
