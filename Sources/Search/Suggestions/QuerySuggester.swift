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
///
/// Only words that could be misspellings are looked up: a word whose folded exact form is
/// in at least ``frequentForm`` documents is taken as written, and the dictionary is not
/// consulted at all (nor built, in the CLI) when no word of the query passes that test.
struct QuerySuggester {
    let analyzer: Analyzer
    /// The spelling dictionary, asked for only when some word could be misspelt.
    let dictionary: () throws -> SpellingDictionary
    /// Documents with an exact form, over the snapshot's segments.
    let documents: (String) throws -> Int

    static let rarityFactor = 20
    static let minimumLength = 4
    /// A form in this many documents is not a typo: a typo is rarely repeated 50 times, and
    /// a replacement would need 20 times as many (``rarityFactor``: 1,000 documents) within
    /// two edits, which is then a variant the corpus uses on purpose (`minister` and
    /// `ministers`), not a slip. Looking such words up would cost a correctly spelled AND
    /// with few documents (`kinderopvang toeslagen`) a walk of the dictionary for nothing.
    static let frequentForm = 50

    /// At most one edit for words of four letters (two would reach half the word), two
    /// for longer ones.
    static func maximumDistance(for length: Int) -> Int { length <= 4 ? 1 : 2 }

    /// `query` with its misspelt words replaced, or nil when none is.
    func suggestion(for query: String) throws -> String? {
        var lexer = QueryLexer(query)
        let lexemes = try lexer.lexemes()
        var scalars = Array(query.unicodeScalars)
        // The words that could be misspelt, with where they are in the query.
        var suspects: [(range: Range<Int>, word: Suspect)] = []
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
                if !skipOperand, skippedGroup == nil, !star, let word = try suspect(text) {
                    suspects.append((lexeme.start ..< lexeme.end, word))
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
                        if end > start, let word = try suspect(String(String.UnicodeScalarView(content[start ..< end]))) {
                            suspects.append((lexeme.start + 1 + start ..< lexeme.start + 1 + end, word))
                        }
                        start = end
                    }
                }
                skipOperand = false
            }
        }
        // Only frequent (or no) words: nothing to look up, the dictionary is not touched.
        guard !suspects.isEmpty else { return nil }
        let dictionary = try self.dictionary()
        var replacements: [(range: Range<Int>, text: String)] = []
        for (range, word) in suspects {
            if let replacement = correction(of: word, in: dictionary) { replacements.append((range, replacement)) }
        }
        guard !replacements.isEmpty else { return nil }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            scalars.replaceSubrange(replacement.range, with: replacement.text.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A query word that could be misspelt: its folded exact form and the documents that
    /// have it.
    struct Suspect {
        var word: String
        var exact: String
        var documents: Int
    }

    /// `word` when it could be misspelt, nil when it is left as it is: too short, not all
    /// letters, in capitals, a stop word, or a form in ``frequentForm`` documents or more.
    func suspect(_ word: String) throws -> Suspect? {
        guard word.count >= Self.minimumLength, word.allSatisfy(\.isLetter), !word.allSatisfy(\.isUppercase) else { return nil }
        let tokens = try analyzer.analyze(word)
        guard tokens.count == 1, tokens[0].flags.isDisjoint(with: [.stop, .acronym, .number, .identifier, .abbreviation]) else {
            return nil
        }
        let exact = tokens[0].exact
        let own = try documents(exact)
        guard own < Self.frequentForm else { return nil }
        return Suspect(word: word, exact: exact, documents: own)
    }

    /// The word to write instead of `word`, or nil when it is left as it is.
    func correction(of word: String) throws -> String? {
        guard let suspect = try suspect(word) else { return nil }
        return correction(of: suspect, in: try dictionary())
    }

    /// The word to write instead of `suspect`, or nil when no word near it is frequent enough.
    private func correction(of suspect: Suspect, in dictionary: SpellingDictionary) -> String? {
        let exact = suspect.exact
        let most = Self.maximumDistance(for: exact.unicodeScalars.count)
        // One walk at the largest distance: its words include those fewer edits away, and
        // the nearest wins. (Walking at one edit first, to stop early, costs a whole walk
        // more for the usual case, a rare word spelt right, which neither walk replaces.)
        let best = dictionary.candidates(near: Array(exact.utf8), maximumDistance: most, minimumDocuments: Self.rarityFactor * suspect.documents)
            .filter { $0.term != exact }
            .min { lhs, rhs in
                if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
                if lhs.documents != rhs.documents { return lhs.documents > rhs.documents }
                return Array(lhs.term.utf8).lexicographicallyPrecedes(Array(rhs.term.utf8))
            }
        guard let best else { return nil }
        // Written as the word was: a capital first letter stays one.
        if let first = suspect.word.first, first.isUppercase { return best.term.prefix(1).uppercased() + best.term.dropFirst() }
        return best.term
    }
}
