import Analysis
import IndexStore

/// "Did you mean": the query with each word that looks misspelt replaced by the closest
/// frequent word of the index, everything else (other words, operators, fields, quotes,
/// spacing) as typed.
///
/// A word looks misspelt when its folded exact form is in no document, or in at least
/// ``rarityFactor`` times fewer documents than a word within the edit distance
/// (``maximumDistance(for:)``) found in ``SpellingDictionary``. Of the words that close,
/// the nearest wins, then the one in most documents, then the first in byte order.
///
/// Left alone: words shorter than ``minimumLength`` letters, words with anything but
/// letters (numbers, identifiers such as `36600-VI`, hyphenated words), words in capitals
/// (acronyms), stop words, prefixes (`kindermis*`), field values (`soort:brief`, and
/// everything under `titel:`) and excluded words (`-woord`, `NOT (…)`). Words inside a
/// phrase are corrected one by one, like bare words: a phrase of a misspelt word finds
/// nothing either.
struct QuerySuggester {
    let analyzer: Analyzer
    let dictionary: SpellingDictionary
    /// Documents with an exact form, over the snapshot's segments.
    let documents: (String) throws -> Int

    static let rarityFactor = 20
    static let minimumLength = 4

    /// At most one edit for words of four letters (two would reach half the word), two
    /// for longer ones.
    static func maximumDistance(for length: Int) -> Int { length <= 4 ? 1 : 2 }

    /// `query` with its misspelt words replaced, or nil when none is.
    func suggestion(for query: String) throws -> String? {
        var lexer = QueryLexer(query)
        let lexemes = try lexer.lexemes()
        var scalars = Array(query.unicodeScalars)
        var replacements: [(range: Range<Int>, text: String)] = []
        var depth = 0
        // Set while inside a group that is excluded or under `titel:`.
        var skippedGroup: Int?
        // The next operand is excluded, or a field's value.
        var skipOperand = false
        for lexeme in lexemes {
            switch lexeme.kind {
            case .open:
                depth += 1
                if skipOperand, skippedGroup == nil { skippedGroup = depth }
                skipOperand = false
            case .close:
                if skippedGroup == depth { skippedGroup = nil }
                depth -= 1
            case .minus, .not, .field:
                skipOperand = true
            case .and, .or:
                skipOperand = false
            case .word(let text, let star):
                if !skipOperand, skippedGroup == nil, !star, let replacement = try correction(of: text) {
                    replacements.append((lexeme.start ..< lexeme.end, replacement))
                }
                skipOperand = false
            case .phrase(let text, _):
                if !skipOperand, skippedGroup == nil {
                    // The phrase's words, at their offsets after the opening quote.
                    let content = Array(text.unicodeScalars)
                    var start = 0
                    while start < content.count {
                        while start < content.count, content[start].properties.isWhitespace { start += 1 }
                        var end = start
                        while end < content.count, !content[end].properties.isWhitespace { end += 1 }
                        if end > start, let replacement = try correction(of: String(String.UnicodeScalarView(content[start ..< end]))) {
                            replacements.append((lexeme.start + 1 + start ..< lexeme.start + 1 + end, replacement))
                        }
                        start = end
                    }
                }
                skipOperand = false
            }
        }
        guard !replacements.isEmpty else { return nil }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            scalars.replaceSubrange(replacement.range, with: replacement.text.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The word to write instead of `word`, or nil when it is left as it is.
    func correction(of word: String) throws -> String? {
        guard word.count >= Self.minimumLength, word.allSatisfy(\.isLetter), !word.allSatisfy(\.isUppercase) else { return nil }
        let tokens = try analyzer.analyze(word)
        guard tokens.count == 1, tokens[0].flags.isDisjoint(with: [.stop, .acronym, .number, .identifier, .abbreviation]) else {
            return nil
        }
        let exact = tokens[0].exact
        let own = try documents(exact)
        let most = Self.maximumDistance(for: exact.unicodeScalars.count)
        // The nearest win: a word one edit away ends the search before the longer walk.
        var best: (term: String, distance: Int, documents: Int)?
        for distance in 1 ... most where best == nil {
            best = dictionary.candidates(near: Array(exact.utf8), maximumDistance: distance, minimumDocuments: Self.rarityFactor * own)
                .filter { $0.term != exact }
                .min { lhs, rhs in
                    if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
                    if lhs.documents != rhs.documents { return lhs.documents > rhs.documents }
                    return Array(lhs.term.utf8).lexicographicallyPrecedes(Array(rhs.term.utf8))
                }
        }
        guard let best else { return nil }
        // Written as the word was: a capital first letter stays one.
        if let first = word.first, first.isUppercase { return best.term.prefix(1).uppercased() + best.term.dropFirst() }
        return best.term
    }
}
