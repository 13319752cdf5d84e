import Testing
@testable import Analysis

/// The span helpers the analyzer and the extraction read text with.
@Suite struct ByteSpanTests {
    /// Plain values for `#expect`, which cannot capture a span.
    func hasPrefix(_ bytes: [UInt8], _ prefix: StaticString, at index: Int) -> Bool { bytes.span.hasPrefix(prefix, at: index) }
    func copy(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] { [UInt8](copying: bytes.span.extracting(range)) }

    @Test func prefixesAreTestedInPlaceAndNeverPastTheEnd() {
        let bytes = Array("[bookmark: _Hlk1]".utf8)
        #expect(hasPrefix(bytes, "[bookmark:", at: 0))
        #expect(hasPrefix(bytes, "Hlk1]", at: 12))
        #expect(!hasPrefix(bytes, "Hlk1]!", at: 12))
        #expect(!hasPrefix(bytes, "bookmark", at: 0))
        #expect(hasPrefix(bytes, "", at: bytes.count))
        #expect(!hasPrefix([], "[", at: 0))
    }

    @Test func copiesAreExact() {
        let bytes: [UInt8] = [0x68, 0xC3, 0xA9, 0xFF, 0x00]
        #expect(copy(bytes, 0 ..< 5) == bytes)
        #expect(copy(bytes, 1 ..< 3) == [0xC3, 0xA9])
        #expect(copy([], 0 ..< 0).isEmpty)
    }
}
