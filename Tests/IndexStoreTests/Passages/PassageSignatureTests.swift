import Foundation
import Testing
@testable import IndexStore

/// The SimHash of a passage's words: the same text gives the same signature, a small
/// change a few bits, other text about half the bits.
@Suite struct PassageSignatureTests {
    static func signature(_ text: String) -> UInt64 {
        var signature = PassageSignature()
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var bytes = Array(word.utf8)
            signature.add(wordHash: bytes.withUnsafeBufferPointer(PassageSignature.wordHash))
            bytes.removeAll()
        }
        return signature.finish()
    }

    static let article = """
        Het bevoegd gezag stelt een meldcode vast waarin stapsgewijs wordt aangegeven hoe met signalen van \
        huiselijk geweld of kindermishandeling wordt omgegaan en die erop gericht is dat de beroepskracht die \
        beroepshalve in contact komt met jeugdigen en ouders zo snel mogelijk adequate hulp kan bieden.
        """

    @Test func sameTextSameSignature() {
        #expect(Self.signature(Self.article) == Self.signature(Self.article))
        #expect(Self.signature(Self.article) == Self.signature(Self.article.uppercased()))
    }

    /// One word changed in a passage of 45 moves the signature a few bits; how many
    /// depends on the word (2 to 9 here): folding at 7 catches most such pairs, not all
    /// (docs/SEARCH.md measures how many).
    @Test func aSmallChangeMovesFewBits() {
        let distances = [("kindermishandeling", "ouderenmishandeling"), ("Het bevoegd gezag", "Het college"), ("jeugdigen", "cliënten")].map { old, new in
            PassageSignature.distance(Self.signature(Self.article), Self.signature(Self.article.replacingOccurrences(of: old, with: new)))
        }
        #expect(distances.allSatisfy { $0 > 0 && $0 <= 10 }, "\(distances)")
        #expect(distances[0] <= 7, "\(distances)")
    }

    @Test func otherTextDiffersInAboutHalfTheBits() {
        let other = "De minister zendt jaarlijks een verslag aan de Staten-Generaal over de doeltreffendheid en de effecten van deze wet in de praktijk, en over de inzet van middelen."
        let distance = PassageSignature.distance(Self.signature(Self.article), Self.signature(other))
        #expect(distance >= 16)
    }

    @Test func emptyAndShortTexts() {
        #expect(PassageSignature().finish() == PassageSignature.none)
        #expect(Self.signature("Artikel") != PassageSignature.none)
        #expect(Self.signature("Artikel 5") != Self.signature("Artikel 6"))
        #expect(Self.signature("Artikel 5") == Self.signature("artikel 5"))
    }

    /// Written with the segment: the inverter signs every unit's text (not its heading),
    /// and a merge copies the signatures.
    @Test func segmentsStoreAndMergesKeepTheSignatures() throws {
        let directory = NSTemporaryDirectory() + "kamerzoek-signature-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func document(_ id: String, heading: String, _ text: String) -> StoredDocument {
            StoredDocument(
                id: id, source: id + ".txt", contentHash: id, title: nil, date: nil, type: "wet",
                passages: [StoredPassage(heading: heading, text: text, start: 0, end: text.utf8.count)])
        }
        let writer = try IndexWriter(directory: directory)
        try writer.add([document("a", heading: "Artikel 5", Self.article)])
        try writer.add([document("b", heading: "Artikel 12", Self.article)])
        var snapshot = try IndexSnapshot.open(directory: directory)
        #expect(snapshot.segments.count == 2)
        let signatures = snapshot.segments.map { $0.reader.passages.signature(0) }
        #expect(signatures[0] == signatures[1] && signatures[0] != PassageSignature.none)
        try writer.optimize()
        snapshot = try IndexSnapshot.open(directory: directory)
        #expect(snapshot.segments.count == 1)
        #expect((0 ..< 2).map { snapshot.segments[0].reader.passages.signature($0) } == signatures)
    }
}
