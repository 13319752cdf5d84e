/// Porter's Dutch stemmer with our rules around it (docs/ANALYZER.md, "Stemming").
///
/// Order: the override table; the pre-rules (`'s`, plural `-es`/`-ies` of known
/// singulars), the override table again for what they produce; libstemmer; the
/// post-rules. Each rule was chosen because it fixes conflations or splits that the plain
/// algorithm gets wrong on parliamentary text.
final class DutchStemmer {
    /// Bump when any rule or table below changes: indexes record it and refuse to mix.
    static let rulesVersion = 1

    private let snowball: SnowballStemmer
    let stemming: AnalyzerConfiguration.Stemming

    var algorithm: String { snowball.algorithm }

    init(stemming: AnalyzerConfiguration.Stemming = .porterWithRules) throws {
        snowball = try SnowballStemmer()
        self.stemming = stemming
    }

    /// Checked before anything else. Lucene's Dutch defaults (`fiets` would lose its `s`,
    /// `kind` would not meet `kinderen`, `ei` not `eieren`), and the verbs that would
    /// otherwise collide with *wet* (law) and *met* (with).
    static let overrides: [String: String] = [
        "fiets": "fiets", "bromfiets": "bromfiets",
        "ei": "eier", "kind": "kinder",
        "weten": "weet", "weet": "weet",
        "meten": "meet", "meet": "meet",
    ]

    /// The stem of a folded, lower-case word.
    func stem(_ word: String) -> String {
        switch stemming {
        case .none:
            return word
        case .porter:
            return String(decoding: snowball.stem(Array(word.utf8)), as: UTF8.self)
        case .porterWithRules:
            break
        }
        if let override = Self.overrides[word] { return override }
        let singular = Self.applyPreRules(word)
        if singular != word, let override = Self.overrides[singular] { return override }
        var stem = snowball.stem(Array(singular.utf8))
        Self.applyPostRules(&stem)
        return String(decoding: stem, as: UTF8.self)
    }

    /// Pre-rules: drop a trailing `'s` (`regio's`), and map a plural in `-ies`/`-es` to its
    /// singular when that singular is a known word (`gemeentes`, `ministeries`,
    /// `procedures`), which Porter's algorithm leaves unstemmed.
    static func applyPreRules(_ word: String) -> String {
        var word = word
        if word.hasSuffix("'s"), word.utf8.count > 2 {
            word.removeLast(2)
        }
        while word.hasSuffix("'") { word.removeLast() }
        if word.utf8.count >= 5, word.hasSuffix("es") {
            let singular = String(word.dropLast())
            if KnownSingulars.words.contains(singular) { return singular }
        }
        return word
    }

    /// Post-rules on stems of four letters or more: undouble a final double consonant
    /// (`straff` → `straf`, `process` → `proces`), then final `v` → `f` and `z` → `s`
    /// (`briev` → `brief`, `huiz` → `huis`), so that singular and plural meet.
    static func applyPostRules(_ stem: inout [UInt8]) {
        guard stem.count >= 4 else { return }
        let last = stem[stem.count - 1]
        if last == stem[stem.count - 2], isConsonant(last) {
            stem.removeLast()
        }
        switch stem[stem.count - 1] {
        case UInt8(ascii: "v"): stem[stem.count - 1] = UInt8(ascii: "f")
        case UInt8(ascii: "z"): stem[stem.count - 1] = UInt8(ascii: "s")
        default: break
        }
    }

    private static func isConsonant(_ byte: UInt8) -> Bool {
        guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return false }
        return !"aeiouy".utf8.contains(byte)
    }

    /// A stable fingerprint of what this stemmer does: the final stems (rules and
    /// configuration included) of a fixed probe list, hashed. Two analyzers that stem the
    /// probes alike share it; a change in the library, the rules or the configuration
    /// changes it.
    func behaviourFingerprint() -> String {
        let probes = [
            "gemeenten", "gemeentes", "ministeries", "brieven", "huizen", "kinderen", "weten",
            "maatregelen", "geinformeerd", "mening", "geweld", "minister", "beleidsmatige",
            "ontwikkelingen", "verantwoordelijkheid", "uitvoering", "ouders", "vragen", "kind",
            "straffen", "procedures",
        ]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for probe in probes {
            for byte in Array(stem(probe).utf8) + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash & 0xFFFF_FFFF, radix: 16)
    }
}
