import Testing
@testable import Search

/// Which split of a closed compound the splitter picks, against a made-up vocabulary:
/// parts must be known words, and together more common than the whole word.
@Suite struct CompoundSplitterTests {
    /// Passage frequencies of exact forms and of stems, and a stemmer that cuts a plural
    /// `-en` and the suffix `-heid` (as the index's stemmer does for these words).
    static let exact: [String: Int] = [
        "kinderopvang": 400, "arbeid": 900, "markt": 1_200, "gezondheid": 700, "wiskunde": 40,
        "ber": 50, "sam": 12, "samen": 3_000, "raad": 5_000, "gemeente": 9_000, "typo": 2,
    ]
    static let stems: [String: Int] = [
        "kinderopvangtoeslag": 30, "toeslag": 800, "arbeidsmarkt": 2_000, "markt": 1_200, "risico": 1_500,
        "gezondheidsrisico": 20, "onderwijs": 4_000, "wiskundeonderwijs": 1, "ging": 6_000, "berging": 300,
        "gemeenteraad": 40_000, "raad": 5_000, "typofout": 1, "fout": 900,
    ]

    static var splitter: CompoundSplitter {
        CompoundSplitter(
            exactFrequency: { exact[$0] ?? 0 }, stemFrequency: { stems[$0] ?? 0 },
            stem: { word in
                if word.hasSuffix("heid") { return String(word.dropLast(4)) }
                return word
            })
    }

    @Test func splitsIntoKnownParts() throws {
        #expect(try Self.splitter.split("kinderopvangtoeslag") == .init(modifier: "kinderopvang", head: "toeslag"))
        #expect(try Self.splitter.split("wiskundeonderwijs") == .init(modifier: "wiskunde", head: "onderwijs"))
    }

    /// The linking `s` between parts is not part of the modifier; the modifier's stem is
    /// what the phrase of parts searches.
    @Test func dropsTheLinkingS() throws {
        #expect(try Self.splitter.split("gezondheidsrisico") == .init(modifier: "gezond", head: "risico"))
    }

    /// A word more common than its parts together stays whole (`gemeenteraad`), and so
    /// does a word whose split would need a part of three letters (`ber` + `ging`) or a
    /// part rarer than a word (`typo`).
    @Test func keepsWordsThatAreNotWorthSplitting() throws {
        #expect(try Self.splitter.split("gemeenteraad") == nil)
        #expect(try Self.splitter.split("berging") == nil)
        #expect(try Self.splitter.split("typofout") == nil)
        #expect(try Self.splitter.split("arbeid") == nil)
        #expect(try Self.splitter.split("covid19test") == nil)
    }
}
