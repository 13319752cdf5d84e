import Testing
@testable import Ingest

/// The memchr-backed search that the text path's substring tests go through: every hit,
/// every miss and every edge (empty, needle longer than the text, a match at the very end).
@Suite struct ByteSearchTests {
    let text = Array("kamerstuk 36 658, nr. 5; kamerstuk".utf8)

    /// Plain values for `#expect`, which cannot capture a span.
    func findByte(_ byte: Unicode.Scalar, in bytes: [UInt8], from start: Int = 0) -> Int? {
        ByteSearch.firstIndex(of: UInt8(ascii: byte), in: bytes.span, from: start)
    }

    func find(_ needle: String, in haystack: [UInt8]) -> Int? {
        ByteSearch.firstIndex(of: Array(needle.utf8).span, in: haystack.span)
    }

    @Test func aByteIsFoundFromAnyStart() {
        #expect(findByte("k", in: text) == 0)
        #expect(findByte("k", in: text, from: 1) == 8)
        #expect(findByte("k", in: text, from: 25) == 25)
        #expect(findByte("k", in: text, from: 26) == 33)
        #expect(findByte("z", in: text) == nil)
        #expect(findByte("k", in: text, from: text.count) == nil)
        #expect(findByte("k", in: []) == nil)
    }

    @Test func aNeedleIsFoundWhereItFirstStandsWhole() {
        #expect(find("kamerstuk", in: text) == 0)
        #expect(find("nr.", in: text) == 18)
        #expect(find("stuk", in: text) == 5)
        // The last candidate position, and one that would run past the end.
        #expect(find("uk", in: text) == 7)
        #expect(find("tuk", in: Array("kamerstu".utf8)) == nil)
        #expect(find("kamerstuk;", in: text) == nil)
        #expect(find("", in: text) == nil)
        #expect(find("kamerstukken", in: Array("kamerstuk".utf8)) == nil)
        #expect(find("k", in: []) == nil)
    }

    @Test func stringSearchesAnswerInTheStringsOwnIndices() {
        let line = "Ons kenmerk: 2024-0000123456"
        let range = line.byteRange(of: "kenmerk")
        #expect(range.map { String(line[$0]) } == "kenmerk")
        let tail = line.dropFirst(4)
        #expect(tail.byteRange(of: "2024").map { String(tail[$0]) } == "2024")
        #expect(!line.containsBytes("Kenmerk"))
        #expect(Array("abcabd".utf8)[1...].firstOffset(of: Array("abd".utf8)) == 2)
    }
}
