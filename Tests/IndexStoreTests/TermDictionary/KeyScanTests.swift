import Testing
@testable import IndexStore

/// The key scan of "did you mean" (``TermDictionaryReader/forEachKeyAndDocumentCount(withPrefix:_:)``)
/// reads only keys and document counts: it must see exactly the terms and counts the
/// full entry decoding sees, for every prefix, across block boundaries.
@Suite("Term dictionary key scan")
struct KeyScanTests {
    @Test func scanAgreesWithFullDecoding() throws {
        let folder = try LetterFolder()
        // Enough distinct words for many blocks of 32 entries in each body space.
        for file in 0 ..< 6 {
            let words = (0 ..< 80).map { "woord\(file)x\($0) gemeente\($0 % 7)" }.joined(separator: " ")
            try folder.write("brief\(file).txt", "Geachte voorzitter,\n\n\(words).\n\nDe minister van de gemeenten\n")
        }
        try folder.run()
        let snapshot = try IndexSnapshot.open(directory: folder.index)
        let dictionary = snapshot.segments[0].reader.dictionary
        for prefix: [UInt8] in [[TermSpace.bodyExact.rawValue], [TermSpace.bodyStem.rawValue], [TermSpace.bodyExact.rawValue] + Array("woord3".utf8), [TermSpace.bodyExact.rawValue] + Array("zzz".utf8)] {
            var decoded: [([UInt8], UInt32)] = []
            try dictionary.forEachTerm(withPrefix: prefix) { key, info in
                decoded.append((key, info.documentCount ?? info.documentFrequency))
            }
            var scanned: [([UInt8], UInt32)] = []
            try dictionary.forEachKeyAndDocumentCount(withPrefix: prefix) { key, documents in
                scanned.append(((0 ..< key.count).map { key[$0] }, documents))
            }
            #expect(scanned.map(\.0) == decoded.map(\.0))
            #expect(scanned.map(\.1) == decoded.map(\.1))
            if prefix.count == 1 { #expect(decoded.count > 100) }
        }
    }
}
