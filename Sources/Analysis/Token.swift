/// One indexable term occurrence.
///
/// Extra terms at the same position (the concatenation `eurichtlijn` of `EU-richtlijn`,
/// the second reading `veiligheid` of `(on)veiligheid`) are tokens of their own with the
/// ``TokenFlags/alternative`` flag and the position of the word they belong to.
public struct Token: Sendable, Hashable {
    /// Word position; phrases match on consecutive positions. Footnote bodies and lines
    /// skipped inside a hyphenated word follow the running text behind a gap of one.
    public var position: UInt32
    /// UTF-8 byte offsets into the analysed text: `text.utf8[start ..< end]` is what the
    /// user sees, for highlighting.
    public var start: Int
    public var end: Int
    /// The folded surface form (NFKC, lower case, no diacritics): the exact term.
    public var exact: String
    /// The ranking term: the stem for words, the exact form for numbers, identifiers,
    /// acronyms and abbreviations.
    public var stem: String
    public var flags: TokenFlags

    public init(position: UInt32, start: Int, end: Int, exact: String, stem: String, flags: TokenFlags) {
        self.position = position
        self.start = start
        self.end = end
        self.exact = exact
        self.stem = stem
        self.flags = flags
    }

    public var isStopWord: Bool { flags.contains(.stop) }
}

/// Properties of a token that search and ranking act on.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// On Snowball's Dutch stop list. Indexed like any term; dropped from bag-of-words
    /// queries unless every query term is one.
    public static let stop = TokenFlags(rawValue: 1 << 0)
    /// Written in capitals (`OM`, `GREVIO`, `MDA++`): never a stop word, never stemmed.
    public static let acronym = TokenFlags(rawValue: 1 << 1)
    /// A number (`990000`, `1,3`, `2025`).
    public static let number = TokenFlags(rawValue: 1 << 2)
    /// A reference: dossier number, Kamervragen id, KOOP id, ECLI, article number.
    public static let identifier = TokenFlags(rawValue: 1 << 3)
    /// A dotted abbreviation (`z.s.m.` → `zsm`): not stemmed.
    public static let abbreviation = TokenFlags(rawValue: 1 << 4)
    /// A further term at the position of the previous token.
    public static let alternative = TokenFlags(rawValue: 1 << 5)

    /// Names for machine output, in a fixed order.
    public var names: [String] {
        var names: [String] = []
        if contains(.stop) { names.append("stop") }
        if contains(.acronym) { names.append("acronym") }
        if contains(.number) { names.append("number") }
        if contains(.identifier) { names.append("identifier") }
        if contains(.abbreviation) { names.append("abbreviation") }
        if contains(.alternative) { names.append("alternative") }
        return names
    }
}

/// One term occurrence as the indexer takes it (``Analyzer/analyze(utf8:into:)-(_,[IndexTerm])``):
/// a position and the analyzer's number for the term, so that inverting a token touches no
/// `String`. The number stands for the folded form and the stem together.
public struct IndexTerm: Sendable, Equatable {
    public var position: UInt32
    public var term: Int32

    public init(position: UInt32, term: Int32) {
        self.position = position
        self.term = term
    }
}
