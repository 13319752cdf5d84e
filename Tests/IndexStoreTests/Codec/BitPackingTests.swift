import Testing
@testable import IndexStore

@Suite struct BitPackingTests {
    /// A block whose largest value needs exactly `width` bits (all zeros for width 0).
    private func block(width: Int, seed: UInt64) -> [UInt32] {
        var random = SeededGenerator(seed: seed)
        guard width > 0 else { return [UInt32](repeating: 0, count: 128) }
        let maximum = UInt32.max >> UInt32(32 - width)
        var values = (0..<128).map { _ in UInt32.random(in: 0...maximum, using: &random) }
        values[Int.random(in: 0..<128, using: &random)] = maximum
        return values
    }

    private func pack(_ values: [UInt32], width: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0xEE, count: BitPacking.packedByteCount(bitWidth: width))
        values.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBytes { BitPacking.pack(source, bitWidth: width, into: $0) }
        }
        return output
    }

    private func unpack(_ bytes: [UInt8], width: Int) -> [UInt32] {
        var output = [UInt32](repeating: 0xDEAD_BEEF, count: 128)
        bytes.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer { BitPacking.unpack(source, bitWidth: width, into: $0) }
        }
        return output
    }

    /// The documented layout, built one bit at a time: value i at bits i*w ..< (i+1)*w,
    /// least significant bit of byte 0 first.
    private func referencePack(_ values: [UInt32], width: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16 * width)
        for (i, value) in values.enumerated() {
            for bit in 0..<width where value >> UInt32(bit) & 1 == 1 {
                let position = i * width + bit
                bytes[position / 8] |= 1 << UInt8(position % 8)
            }
        }
        return bytes
    }

    @Test(arguments: 0...32)
    func roundTripAtEveryWidth(width: Int) {
        for seed in UInt64(1)...3 {
            let values = block(width: width, seed: seed * 100 + UInt64(width))
            #expect(values.withUnsafeBufferPointer { BitPacking.bitWidth(of: $0) } == width)
            let packed = pack(values, width: width)
            #expect(packed.count == 16 * width)
            #expect(packed == referencePack(values, width: width))
            #expect(unpack(packed, width: width) == values)
        }
    }

    /// A block followed by more bytes, as in a file: the kernel that reads 8 bytes at a
    /// time runs, and must neither take bits of what follows nor differ from the other.
    @Test(arguments: 0...32)
    func unpackingWithBytesAfterTheBlock(width: Int) {
        for (seed, trailing) in [(UInt64(7), UInt8(0xFF)), (8, 0x00), (9, 0xA5)] {
            let values = block(width: width, seed: seed * 1000 + UInt64(width))
            let packed = pack(values, width: width)
            for extra in [7, 8, 64] {
                let input = packed + [UInt8](repeating: trailing, count: extra)
                var output = [UInt32](repeating: 0xDEAD_BEEF, count: 128)
                input.withUnsafeBytes { source in
                    output.withUnsafeMutableBufferPointer { BitPacking.unpack(source, bitWidth: width, into: $0) }
                }
                #expect(output == values, "width \(width), \(extra) bytes after")
            }
        }
    }

    /// Gaps summed while unpacking: id i = previous + (gap 0 + 1) + … + (gap i + 1), with
    /// and without bytes after the block, from 0 (the wrapped "one below base 0") and
    /// from a large base, and the 64-bit last sum returned as it is.
    @Test(arguments: [0, 1, 3, 8, 13, 20, 31, 32])
    func gapsAreSummedIntoIds(width: Int) {
        let gaps = block(width: width, seed: 77 + UInt64(width))
        let packed = pack(gaps, width: width)
        for previous in [UInt64.max, 41, UInt64(UInt32.max) - 5] {
            var expected: [UInt32] = []
            var running = previous
            for gap in gaps {
                running = running &+ UInt64(gap) &+ 1
                expected.append(UInt32(truncatingIfNeeded: running))
            }
            for extra in [0, 8] {
                let input = packed + [UInt8](repeating: 0xFF, count: extra)
                var output = [UInt32](repeating: 0, count: 128)
                let last = input.withUnsafeBytes { source in
                    output.withUnsafeMutableBufferPointer { BitPacking.unpackGaps(source, bitWidth: width, after: previous, into: $0) }
                }
                #expect(output == expected, "width \(width), after \(previous), \(extra) bytes after")
                #expect(last == running)
            }
        }
    }

    @Test func smallValuesPackAtAWiderWidth() {
        let values = (0..<128).map { UInt32($0 % 4) }
        for width in 2...32 {
            #expect(unpack(pack(values, width: width), width: width) == values)
        }
    }

    @Test func workedExampleWidth3() {
        let values = (0..<128).map { UInt32($0 % 8) }
        let packed = pack(values, width: 3)
        // 0,1,2,…,7 in 3 bits each, LSB first: 000 100 010 110 001 101 011 111 → 88 C6 FA
        #expect(hex(Array(packed.prefix(6))) == "88 C6 FA 88 C6 FA")
    }

    @Test func widthsOfMaxima() {
        #expect(BitPacking.bitWidth(forMaximum: 0) == 0)
        #expect(BitPacking.bitWidth(forMaximum: 1) == 1)
        #expect(BitPacking.bitWidth(forMaximum: 255) == 8)
        #expect(BitPacking.bitWidth(forMaximum: 256) == 9)
        #expect(BitPacking.bitWidth(forMaximum: UInt32.max) == 32)
    }
}
