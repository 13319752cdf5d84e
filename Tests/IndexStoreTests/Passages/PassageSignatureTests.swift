import Foundation
import Testing
@testable import IndexStore

/// The SimHash of a passage's words: the same text gives the same signature, a small
/// change a few bits, other text about half the bits.
@Suite struct PassageSignatureTests {
    static func signature(_ text: String) -> UInt64 {
        var signature = PassageSignature()
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let bytes = Array(word.utf8)
            signature.add(wordHash: PassageSignature.wordHash(bytes.span))
        }
        return signature.finish()
    }

    static let article = """
        Het bevoegd gezag stelt een meldcode vast waarin stapsgewijs wordt aangegeven hoe met signalen van \
        huiselijk geweld of kindermishandeling wordt omgegaan en die erop gericht is dat de beroepskracht die \
        beroepshalve in contact komt met jeugdigen en ouders zo snel mogelijk adequate hulp kan bieden.
        """

    /// The signature as first written: each shingle adds +1 to a bit's vote where it is set
    /// and −1 where it is not; a bit is kept when its vote is above 0.
    static func votedSignature(_ hashes: [UInt64]) -> UInt64 {
        guard hashes.count >= 3 else {
            var signature = PassageSignature()
            for hash in hashes { signature.add(wordHash: hash) }
            return signature.finish()
        }
        var votes = [Int](repeating: 0, count: 64)
        for index in 2 ..< hashes.count {
            let (beforePrevious, previous) = (hashes[index - 2], hashes[index - 1])
            let shingle = PassageSignature.mix(beforePrevious &* 0x9E37_79B9_7F4A_7C15 ^ (previous << 21 | previous >> 43) ^ hashes[index])
            for bit in 0 ..< 64 { votes[bit] += shingle >> UInt64(bit) & 1 == 1 ? 1 : -1 }
        }
        var signature: UInt64 = 0
        for bit in 0 ..< 64 where votes[bit] > 0 { signature |= 1 << UInt64(bit) }
        return signature == PassageSignature.none ? 1 : signature
    }

    /// The counters kept a byte per bit and emptied every 255 shingles give the signature
    /// of the votes, for passages of every length around those 255s, and for word hashes
    /// from a small set, whose shingles repeat and tie votes, or from one word, whose one
    /// shingle sets its bits in every count.
    @Test(arguments: [0, 1, 2, 3, 4, 100, 256, 257, 258, 510, 511, 512, 1_300])
    func byteCountersAgreeWithVotes(words: Int) {
        var random = SeededGenerator(seed: UInt64(words) + 1)
        for alphabet in [UInt64.max, 3, 0] {
            let hashes = (0 ..< words).map { _ in alphabet == .max ? random.next() : UInt64.random(in: 0 ... alphabet, using: &random) }
            var signature = PassageSignature()
            for hash in hashes { signature.add(wordHash: hash) }
            #expect(signature.finish() == Self.votedSignature(hashes), "\(words) words")
        }
    }

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
