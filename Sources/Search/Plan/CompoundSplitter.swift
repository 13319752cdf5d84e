/// Finds the two words a closed compound the user typed is made of, against the index's
/// own vocabulary: `kinderopvangtoeslag` is `kinderopvang` + `toeslag`, `arbeidsmarkt`
/// is `arbeid` + `s` + `markt`.
///
/// Dutch writes compounds closed, but documents also write their parts apart (`wiskunde
/// onderwijs`, a `toeslag voor kinderopvang`); a query for the closed form alone misses
/// them. The split is the one Koehn and Knight (2003) pick: the modifier as written and
/// the head's stem must both be known in the index, and the geometric mean of their
/// passage frequencies must beat the whole word's, so a word the index knows well
/// (`gemeenteraad` beside a rare `gemeente raad`) is split only when its parts are
/// far more common than itself; a word that is no compound finds no known parts.
struct CompoundSplitter {
    /// A compound's two parts as index terms: the modifier's stem and the head's stem.
    struct Split: Equatable {
        var modifier: String
        var head: String
    }

    /// Shortest modifier (`bio` in `biobrandstof`) and head (`wet`-like heads of three
    /// letters are left alone: too many words end in them by chance).
    static let shortestModifier = 4
    static let shortestHead = 4
    /// Parts below this many passages are not taken for words (OCR fragments, typos).
    static let rarestPart = 10

    /// Passages holding the exact (folded) form; the modifier must occur as written.
    let exactFrequency: (String) throws -> Int
    /// Passages holding the stem.
    let stemFrequency: (String) throws -> Int
    /// The stem of one folded word, or nil when it is not a single plain word.
    let stem: (String) throws -> String?

    /// The best split of `stem` (a query word's stem, itself a folded word whose ending
    /// the stemmer may have cut), or nil when no split beats the whole word.
    func split(_ stem: String) throws -> Split? {
        let letters = Array(stem.unicodeScalars)
        guard letters.count >= Self.shortestModifier + Self.shortestHead,
              letters.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let whole = try stemFrequency(stem)
        var best: (split: Split, score: Double)?
        for cut in Self.shortestModifier ... letters.count - Self.shortestHead {
            let head = String(String.UnicodeScalarView(letters[cut...]))
            let headFrequency = try stemFrequency(head)
            guard headFrequency >= Self.rarestPart else { continue }
            let written = String(String.UnicodeScalarView(letters[..<cut]))
            for modifier in Self.modifierReadings(written) {
                let modifierFrequency = try exactFrequency(modifier)
                guard modifierFrequency >= Self.rarestPart, let modifierStem = try self.stem(modifier) else { continue }
                let score = (Double(modifierFrequency) * Double(headFrequency)).squareRoot()
                if score > Double(whole), score > best?.score ?? 0 {
                    best = (Split(modifier: modifierStem, head: head), score)
                }
            }
        }
        return best?.split
    }

    /// The modifier as written, and without the linking `s` Dutch puts between many
    /// parts (`arbeid-s-markt`, `veiligheid-s-regio`) when enough letters are left.
    static func modifierReadings(_ written: String) -> [String] {
        var readings = [written]
        if written.hasSuffix("s"), written.unicodeScalars.count > shortestModifier {
            readings.append(String(written.dropLast()))
        }
        return readings
    }
}
