import Foundation
import SeededRandom
import IndexStore
import Testing
@testable import Search

/// "Did you mean": which words are replaced, by what, and when a search looks at all.
@Suite("Suggestions")
struct SuggestionTests {
    /// `stikstof` in 30 documents, the misspelling `stikstoof` in one, `stikstaf` in two;
    /// `boden` in 40, `boten` in 10; `natuur` everywhere; a number and an acronym.
    static func makeSearcher() throws -> (Searcher, String) {
        let directory = NSTemporaryDirectory() + "kamerzoek-suggest-" + UUID().uuidString
        var texts: [String] = []
        for number in 0 ..< 60 {
            var words = ["natuur", "beleid"]
            if number < 30 { words.append("stikstof") }
            if number == 30 { words.append("stikstoof") }
            if number == 31 || number == 32 { words.append("stikstaf") }
            if number < 40 { words.append("boden") }
            if number >= 40, number < 50 { words.append("boten") }
            if number < 6 { words += ["36001", "OCW"] }
            texts.append(words.joined(separator: " ") + " stuk \(number).")
        }
        let documents = texts.enumerated().map { number, text in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", title: number == 0 ? "Stikstofbrief" : nil,
                type: "brief", passages: [FixtureIndex.passage(text)])
        }
        try IndexWriter(directory: directory).add(documents)
        return (try Searcher(snapshot: try IndexSnapshot.open(directory: directory)), directory)
    }

    static func withSearcher(_ body: (Searcher) throws -> Void) throws {
        let (searcher, directory) = try makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(searcher)
    }

    @Test func aWordNotInTheIndexIsReplacedByTheClosestFrequentWord() throws {
        let (searcher, directory) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            #expect(try searcher.suggestion(for: "stiksof") == "stikstof")
            // Other words, operators, capitals and spacing stay as typed.
            #expect(try searcher.suggestion(for: "Stiksof  natuur") == "Stikstof  natuur")
            #expect(try searcher.suggestion(for: "(stiksof OR natuur) soort:brief") == "(stikstof OR natuur) soort:brief")
            // Words in phrases, one by one.
            #expect(try searcher.suggestion(for: "\"stiksof natuur\"~2 beleid") == "\"stikstof natuur\"~2 beleid")
            // Two misspelt words.
            #expect(try searcher.suggestion(for: "stiksof natuurr") == "stikstof natuur")
        }
    }

    @Test func aFarRarerWordIsReplacedAComparableOneIsNot() throws {
        let (searcher, directory) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            // 1 document against 30: at least 20 times rarer.
            #expect(try searcher.suggestion(for: "stikstoof") == "stikstof")
            // 2 against 30: not rare enough.
            #expect(try searcher.suggestion(for: "stikstaf") == nil)
            #expect(try searcher.suggestion(for: "stikstof") == nil)
        }
    }

    @Test func theNearestWinsThenTheMostFrequent() throws {
        let (searcher, directory) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            // `boxen` is one edit from `boden` (40) and `boten` (10): the more frequent.
            #expect(try searcher.suggestion(for: "boxen") == "boden")
            // One edit from `boten`, two from `boden`: the nearer.
            #expect(try searcher.suggestion(for: "botn") == "boten")
            // A transposition is one edit.
            #expect(try searcher.suggestion(for: "stiktsof") == "stikstof")
        }
    }

    @Test func numbersIdentifiersPrefixesFieldsAndExclusionsAreLeftAlone() throws {
        let (searcher, directory) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            for query in [
                "36002", "OCX", "stiksof*", "titel:stiksof", "titel:(stiksof OR natuur)", "-stiksof natuur", "NOT stiksof natuur",
                "soort:brieff", "de", "bod", "stik-sof", "stiksof2",
            ] {
                #expect(try searcher.suggestion(for: query) == nil, "\(query)")
            }
            // Outside the skipped part, words are still corrected.
            #expect(try searcher.suggestion(for: "titel:natuur stiksof") == "titel:natuur stikstof")
            #expect(try searcher.suggestion(for: "-(natuur) stiksof") == "-(natuur) stikstof")
        }
    }

    /// Only searches with few documents look for a suggestion.
    @Test func onlySearchesWithFewDocumentsSuggest() throws {
        let (searcher, directory) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            var options = SearchOptions()
            options.snippets = false
            let none = try searcher.search("stiksof", options: options)
            #expect(none.documents == 0 && none.suggestion == "stikstof")
            // `stikstoof` has the stem of `stikstof`: the search finds their 31 documents and
            // needs no suggestion.
            let stemmed = try searcher.search("stikstoof", options: options)
            #expect(stemmed.documents == 31 && stemmed.suggestion == nil)
            let phrase = try searcher.search("\"stikstoof\"", options: options)
            #expect(phrase.documents == 1 && phrase.suggestion == "\"stikstof\"")
            // Enough documents: no suggestion, though `stikstoof` alone would get one.
            let many = try searcher.search("natuur OR stikstoof", options: options)
            #expect(many.documents >= SearchOptions.suggestionBelow && many.suggestion == nil)
            options.suggest = false
            #expect(try searcher.search("stiksof", options: options).suggestion == nil)
        }
    }

    /// A word in ``QuerySuggester/frequentForm`` documents or more is not looked up; a
    /// query of only such words does not consult the dictionary at all.
    @Test func frequentWordsAreNotLookedUp() throws {
        let (searcher, directory) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            var options = SearchOptions()
            options.snippets = false
            // `natuur` and `beleid` are in all 60 documents; `-stuk` leaves none.
            let frequent = try searcher.search("natuur beleid -stuk", options: options)
            #expect(frequent.documents == 0 && frequent.suggestion == nil)
            #expect(searcher.dictionaryLookups == 0)
            #expect(try searcher.suggestion(for: "\"natuur beleid\"") == nil)
            #expect(searcher.dictionaryLookups == 0)
            // `stikstof` (30 documents) could be misspelt: it is looked up, and left alone.
            #expect(try searcher.search("stikstof -stuk", options: options).suggestion == nil)
            #expect(searcher.dictionaryLookups == 1)
            // One rare word among frequent ones is enough to look.
            let misspelt = try searcher.search("natuur stiksof", options: options)
            #expect(misspelt.suggestion == "natuur stikstof" && searcher.dictionaryLookups == 2)
        }
    }
}

/// The two half-pruned walks of ``SpellingDictionary`` find exactly the terms a distance
/// computed against every term finds.
@Suite("Spelling dictionary")
struct SpellingDictionaryTests {
    /// The optimal string alignment distance, computed in full.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { table[i][0] = i }
        for j in 0 ... b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    @Test func theWalksFindEveryTermWithinTheDistance() throws {
        var random = SeededGenerator(seed: 2112)
        // Words of a four-letter alphabet, so that many lie within two edits of each other.
        func word() -> String {
            String((0 ..< Int.random(in: 2 ... 9, using: &random)).map { _ in "abeo".randomElement(using: &random)! })
        }
        let pool = (0 ..< 1500).map { _ in word() }
        let directory = NSTemporaryDirectory() + "kamerzoek-spelling-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let documents = (0 ..< 400).map { number in
            StoredDocument(
                id: "doc-\(number)", source: "doc-\(number).txt", contentHash: "\(number)", type: "brief",
                passages: [FixtureIndex.passage((0 ..< 60).map { _ in pool.randomElement(using: &random)! }.joined(separator: " "))])
        }
        try IndexWriter(directory: directory).add(documents)
        let dictionary = try SpellingDictionary(try IndexSnapshot.open(directory: directory))
        let terms = dictionary.terms
        #expect(terms.count > 300 && terms.allSatisfy { $0.documents >= 5 })
        for _ in 0 ..< 200 {
            let query = Array(word().utf8)
            for (maximum, minimum) in [(1, 0), (2, 0), (2, 7), (2, 12), (2, 45), (1, 330)] {
                let expected = Set(terms.filter { $0.documents >= minimum && Self.distance(Array($0.term.utf8), query) <= maximum }.map(\.term))
                let found = dictionary.candidates(near: query, maximumDistance: maximum, minimumDocuments: minimum)
                #expect(Set(found.map(\.term)) == expected, "\(String(decoding: query, as: UTF8.self)) within \(maximum)")
                #expect(found.allSatisfy { $0.distance == Self.distance(Array($0.term.utf8), query) })
            }
        }
    }
}
