import Testing
@testable import IndexStore

/// BM25 reads lengths through their byte: the quantisation must keep short lengths exact,
/// never lengthen, keep order (block-max bounds rely on it) and stay within 1/16.
@Suite("Length norms")
struct LengthNormTests {
    @Test func shortLengthsAreExact() {
        for length in UInt32(0) ..< 64 {
            #expect(LengthNorm.encode(length) == UInt8(length))
            #expect(LengthNorm.quantized(length) == length)
        }
    }

    @Test func documentedSteps() {
        #expect(LengthNorm.encode(64) == 64)
        #expect(LengthNorm.encode(67) == 64)
        #expect(LengthNorm.encode(68) == 65)
        #expect(LengthNorm.quantized(67) == 64)
        #expect(LengthNorm.quantized(100) == 100)
        #expect(LengthNorm.quantized(1_000) == 992)  // steps of 32 between 512 and 1,023
        #expect(LengthNorm.encode(262_143) == 255)
        #expect(LengthNorm.encode(UInt32.max) == 255)
        #expect(LengthNorm.decode(255) == 253_952)
    }

    @Test func monotoneNeverLongerAndWithinASixteenth() {
        var previous: UInt8 = 0
        for length in UInt32(0) ... 300_000 {
            let code = LengthNorm.encode(length)
            #expect(code >= previous)
            previous = code
            let quantized = LengthNorm.quantized(length)
            #expect(quantized <= length)
            if length < 262_144 {
                #expect(Double(length - quantized) < Double(length) / 16 + 1e-9)
            }
        }
    }

    @Test func everyCodeDecodesToALengthThatEncodesBackToIt() {
        for code in 0 ... 255 {
            #expect(LengthNorm.encode(LengthNorm.decode(UInt8(code))) == UInt8(code))
        }
    }
}
