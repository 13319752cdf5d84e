import Testing
@testable import IndexStore

@Suite struct DeltaBlockTests {
    /// Writes ids in blocks of 128 chained by base, as a postings writer will.
    private func write(_ ids: [UInt32]) -> [UInt8] {
        var writer = ByteWriter()
        var base: UInt32 = 0
        var index = 0
        while index < ids.count {
            let end = min(index + 128, ids.count)
            DeltaBlock.write(Array(ids[index..<end]), base: base, into: &writer)
            if ids[end - 1] < .max { base = ids[end - 1] + 1 }
            index = end
        }
        return writer.bytes
    }

    private func read(_ bytes: [UInt8], count: Int) throws -> [UInt32] {
        var reader = ByteReader(slice(bytes))
        var buffer: [UInt32] = []
        var ids: [UInt32] = []
        var base: UInt32 = 0
        var left = count
        while left > 0 {
            let blockCount = min(128, left)
            try DeltaBlock.read(count: blockCount, base: base, from: &reader, into: &buffer)
            ids += buffer.prefix(blockCount)
            if let last = ids.last, last < .max { base = last + 1 }
            left -= blockCount
        }
        #expect(reader.isAtEnd)
        return ids
    }

    private func randomIDs(count: Int, seed: UInt64, maxGap: UInt32) -> [UInt32] {
        var random = SeededGenerator(seed: seed)
        var ids: [UInt32] = []
        var next: UInt32 = UInt32.random(in: 0...maxGap, using: &random)
        for _ in 0..<count {
            ids.append(next)
            next += 1 + UInt32.random(in: 0...maxGap, using: &random)
        }
        return ids
    }

    @Test(arguments: [0, 1, 127, 128, 129, 256, 1000])
    func roundTripOfEveryBlockSizeEdge(count: Int) throws {
        for maxGap in [UInt32(0), 3, 1000, 1 << 20] {
            let ids = randomIDs(count: count, seed: UInt64(count) &* 31 &+ UInt64(maxGap), maxGap: maxGap)
            #expect(try read(write(ids), count: count) == ids)
        }
    }

    @Test func workedExample() {
        var writer = ByteWriter()
        DeltaBlock.write([7, 8, 11, 300], base: 5, into: &writer)
        #expect(hex(writer.bytes) == "02 00 02 A0 02")
    }

    @Test func consecutiveIdsPackAtWidthZero() throws {
        let ids = (1000..<1128).map { UInt32($0) }
        var writer = ByteWriter()
        DeltaBlock.write(ids, base: 1000, into: &writer)
        #expect(writer.bytes == [0])
    }

    @Test func largestIdsRoundTrip() throws {
        let ids = (0..<129).map { UInt32.max - 128 + UInt32($0) }
        #expect(try read(write(ids), count: ids.count) == ids)
        let spread: [UInt32] = [0, UInt32.max]
        #expect(try read(write(spread), count: 2) == spread)
    }

    @Test func gapsPastUInt32MaxThrow() {
        var writer = ByteWriter()
        PackedBlock.write([5], into: &writer)
        var reader = ByteReader(slice(writer.bytes))
        var buffer: [UInt32] = []
        let error = corruption { try DeltaBlock.read(count: 1, base: .max - 2, from: &reader, into: &buffer) }
        #expect(error?.reason == .idOverflow)
        #expect(reader.position == 0)

        // A full block: 128 gaps of 2^31 sum far past UInt32.max.
        var packed = ByteWriter()
        PackedBlock.write([UInt32](repeating: 1 << 31, count: 128), into: &packed)
        var packedReader = ByteReader(slice(packed.bytes))
        let blockError = corruption { try DeltaBlock.read(count: 128, base: 0, from: &packedReader, into: &buffer) }
        #expect(blockError?.reason == .idOverflow)
        #expect(packedReader.position == 0)

        // The same with bytes after the block, so the read-ahead kernel sums it: ids of
        // the form base + small gaps that cross UInt32.max only near the end.
        var nearTop = ByteWriter()
        PackedBlock.write([UInt32](repeating: 3, count: 128), into: &nearTop)
        nearTop.writeBytes([UInt8](repeating: 0xFF, count: 16))
        var nearTopReader = ByteReader(slice(nearTop.bytes))
        let nearTopError = corruption { try DeltaBlock.read(count: 128, base: .max - 400, from: &nearTopReader, into: &buffer) }
        #expect(nearTopError?.reason == .idOverflow)
        #expect(nearTopReader.position == 0)
        var fitsReader = ByteReader(slice(nearTop.bytes))
        try? DeltaBlock.read(count: 128, base: .max - 600, from: &fitsReader, into: &buffer)
        let first = UInt32.max - 597
        let expected: [UInt32] = (0..<128).map { (index: Int) -> UInt32 in first + UInt32(index) * 4 }
        #expect(Array(buffer.prefix(128)) == expected)
        #expect(fitsReader.position == 1 + 16 * 2)
    }

    @Test func decodesIntoCallerMemory() throws {
        let ids = randomIDs(count: 128, seed: 9, maxGap: 50)
        let bytes = write(ids)
        let decoded = try [UInt32](unsafeUninitializedCapacity: 128) { buffer, initialized in
            var reader = ByteReader(slice(bytes))
            try DeltaBlock.read(count: 128, base: 0, from: &reader, into: buffer)
            initialized = 128
        }
        #expect(decoded == ids)
    }
}
