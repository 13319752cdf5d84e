/// Turns Dutch text into index terms: folding (``Normalizer``), tokenising
/// (``Tokenizer``), stop-word flags and stemming (``DutchStemmer``), per docs/ANALYZER.md.
///
/// An analyzer keeps buffers and a stem cache between calls and owns a libstemmer object,
/// which is not thread-safe: use one analyzer per thread or task. Building one costs a
/// stemmer and an empty cache, nothing more.
public final class Analyzer {
    /// What an index records, so that it is never read with terms made differently.
    public let identity: AnalyzerIdentity

    private let stemmer: DutchStemmer
    private var normalizer = Normalizer()
    private var normalized = NormalizedText()
    private var tokenizer = Tokenizer()
    private var cache = TermCache()

    /// Version of the tokeniser and normaliser rules; part of the identity's rule version.
    static let tokenizerVersion = 3

    public let configuration: AnalyzerConfiguration

    /// Fails only when libstemmer has no Porter Dutch stemmer (see ``AnalyzerError``).
    public init(configuration: AnalyzerConfiguration = .standard) throws {
        self.configuration = configuration
        stemmer = try DutchStemmer(stemming: configuration.stemming)
        identity = AnalyzerIdentity(
            algorithm: configuration == .standard ? stemmer.algorithm : "\(stemmer.algorithm)/\(configuration.stemming.rawValue)",
            library: SnowballStemmer.libraryFileName,
            stemmerFingerprint: stemmer.behaviourFingerprint(),
            rulesVersion: DutchStemmer.rulesVersion * 1000 + Self.tokenizerVersion)
    }

    /// The tokens of `text`, ordered by position (within a position: the word, then its
    /// alternatives). Offsets are UTF-8 byte offsets into `text`.
    public func analyze(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.makeContiguousUTF8()
        try analyze(utf8: text.utf8.span, into: &tokens)
        return tokens
    }

    /// Appends the tokens of UTF-8 `bytes` to `tokens`. Invalid UTF-8 sequences act as
    /// separators; they never stop the analysis.
    public func analyze(utf8 bytes: Span<UInt8>, into tokens: inout [Token]) throws {
        guard bytes.count < Int(UInt32.max) else { throw AnalyzerError.textTooLarge(bytes: bytes.count) }
        normalized.keepsSourceRanges = true
        normalizer.normalize(bytes, into: &normalized)
        tokenizer.tokenize(normalized)
        tokens.reserveCapacity(tokens.count + tokenizer.terms.count)
        // A reference of its own, so that the span does not borrow `tokenizer` while the
        // cache (another member of this class) changes.
        let allTermBytes = tokenizer.termBytes
        let termBytes = allTermBytes.span
        for raw in tokenizer.terms {
            let term = cachedTerm(raw.kind, termBytes.extracting(Int(raw.bytesStart) ..< Int(raw.bytesStart + raw.bytesCount)))
            var flags = term.flags
            if raw.isAlternative { flags.insert(.alternative) }
            tokens.append(Token(
                position: raw.position,
                start: Int(normalized.sourceStart[Int(raw.normalizedStart)]),
                end: Int(normalized.sourceEnd[Int(raw.normalizedEnd) - 1]),
                exact: term.exact, stem: term.stem, flags: flags))
        }
    }

    /// Appends the terms of UTF-8 `bytes` to `terms` as numbers instead of strings: what the
    /// indexer inverts. A number names one (folded form, stem) pair until
    /// ``termGeneration`` changes, which happens only between two calls; the bytes behind it
    /// come from ``withTermSpans(_:_:)``. Same terms, positions and order as ``analyze(_:)``.
    public func analyze(utf8 bytes: Span<UInt8>, into terms: inout [IndexTerm]) throws {
        guard bytes.count < Int(UInt32.max) else { throw AnalyzerError.textTooLarge(bytes: bytes.count) }
        // Terms carry no offsets into the text: the normalised bytes' source ranges are not kept.
        normalized.keepsSourceRanges = false
        normalizer.normalize(bytes, into: &normalized)
        tokenizer.tokenize(normalized)
        cache.makeRoom(for: tokenizer.terms.count)
        terms.reserveCapacity(terms.count + tokenizer.terms.count)
        let allTermBytes = tokenizer.termBytes
        let termBytes = allTermBytes.span
        for raw in tokenizer.terms {
            let bytes = termBytes.extracting(Int(raw.bytesStart) ..< Int(raw.bytesStart + raw.bytesCount))
            terms.append(IndexTerm(position: raw.position, term: Int32(cachedEntry(raw.kind, bytes))))
        }
    }

    /// Changes when the numbers of ``analyze(utf8:into:)`` start naming
    /// other terms (the term cache starts over once it holds a million terms): a caller that
    /// remembers numbers forgets them then.
    public var termGeneration: Int { cache.generation }

    /// The folded form and the stem of term number `term` (valid in this generation).
    public func withTermSpans<Result>(_ term: Int32, _ body: (_ exact: Span<UInt8>, _ stem: Span<UInt8>) -> Result) -> Result {
        cache.withBytes(of: Int(term), body)
    }

    /// The stem the analyzer gives a folded word (for query expansion and tests).
    public func stem(ofFoldedWord word: String) -> String {
        stemmer.stem(word)
    }

    @inline(__always)
    private func cachedTerm(_ kind: TermKind, _ bytes: Span<UInt8>) -> CachedTerm {
        // Look up (or make) the entry first: `cache.entries[…]` would read the array before
        // the call adds to it.
        let entry = cachedEntry(kind, bytes)
        return cache.entries[entry]
    }

    /// The cache entry of a term, made on first sight (the stemmer runs once per word type).
    @inline(__always)
    private func cachedEntry(_ kind: TermKind, _ bytes: Span<UInt8>) -> Int {
        let hash = TermCache.hash(kind: kind.rawValue, bytes)
        if let hit = cache.findEntry(kind: kind.rawValue, bytes, hash: hash) { return hit }
        let exact = String(decoding: [UInt8](copying: bytes), as: UTF8.self)
        let term: CachedTerm
        switch kind {
        case .word:
            term = CachedTerm(exact: exact, stem: stemmer.stem(exact), flags: DutchStopWords.contains(exact) ? .stop : [])
        case .acronym:
            term = CachedTerm(exact: exact, stem: exact, flags: .acronym)
        case .number:
            term = CachedTerm(exact: exact, stem: exact, flags: .number)
        case .identifier:
            term = CachedTerm(exact: exact, stem: exact, flags: .identifier)
        case .abbreviation:
            term = CachedTerm(exact: exact, stem: exact, flags: .abbreviation)
        }
        return cache.insert(kind: kind.rawValue, bytes, hash: hash, term)
    }
}
