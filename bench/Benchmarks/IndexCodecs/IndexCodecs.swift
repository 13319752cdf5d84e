// The block and varint decoders that search runs per posting, as package-benchmark
// benchmarks: percentiles over many samples instead of one best-of-7 figure, the heap
// allocations of each sample, and baselines to compare a change against:
//
//     swift package --package-path bench benchmark --target IndexCodecs
//
// One sample decodes 1 Mi (1,048,576) values, so the throughput column, in samples per
// second, times 1.049 is millions of values per second: the unit IndexCodecBenchmark
// prints, which also covers CRC-32C and zlib. The data is built in `setup`, outside the
// measurement, from a seeded generator so that every run decodes the same bytes; they
// decode without error, so a `try!` that traps is a bug in the codecs.
import Benchmark
import IndexStore
import SeededRandom

/// 8,192 blocks of 128 values: 1 Mi values a sample.
let blockCount = 8192
let valueCount = blockCount * BitPacking.blockLength

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        // Decoding allocates nothing: a buffer per block would show in mallocCountTotal.
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(2),
        maxIterations: 1000
    )

    for width in [1, 4, 8, 16, 24, 32] {
        Benchmark("PackedBlock.read, width \(width)") { benchmark, encoded in
            var buffer = [UInt32](repeating: 0, count: BitPacking.blockLength)
            benchmark.startMeasurement()
            var reader = ByteReader(encoded)
            for _ in 0..<blockCount {
                try! PackedBlock.read(count: BitPacking.blockLength, from: &reader, into: &buffer)
                blackHole(buffer[BitPacking.blockLength - 1])
            }
        } setup: {
            packedBlocks(width: width)
        }
    }

    Benchmark("DeltaBlock.read, gaps 1…16") { benchmark, encoded in
        var buffer = [UInt32](repeating: 0, count: BitPacking.blockLength)
        benchmark.startMeasurement()
        var reader = ByteReader(encoded)
        var base: UInt32 = 0
        for _ in 0..<blockCount {
            try! DeltaBlock.read(count: BitPacking.blockLength, base: base, from: &reader, into: &buffer)
            base = buffer[BitPacking.blockLength - 1] + 1
        }
        blackHole(base)
    } setup: {
        deltaBlocks()
    }

    for (label, maximum) in [("1 byte", UInt32(127)), ("1–2 bytes", UInt32(16_383)), ("1–5 bytes", UInt32.max)] {
        Benchmark("ByteReader.readVarUInt32, \(label)") { _, encoded in
            var reader = ByteReader(encoded)
            var sum: UInt64 = 0
            for _ in 0..<valueCount { sum &+= UInt64(try! reader.readVarUInt32()) }
            blackHole(sum)
        } setup: {
            varints(maximum: maximum)
        }
    }
}

/// `blockCount` packed blocks of random values below 2^width.
func packedBlocks(width: Int) -> ByteSlice {
    var random = SeededGenerator(seed: UInt64(width))
    let maximum = UInt32.max >> UInt32(32 - width)
    var writer = ByteWriter()
    for _ in 0..<blockCount {
        let values = (0..<BitPacking.blockLength).map { _ in UInt32.random(in: 0...maximum, using: &random) }
        PackedBlock.write(values, into: &writer)
    }
    return ByteSlice(copying: writer.bytes)
}

/// Ascending ids with gaps of 1 to 16 (width 4 once the gaps are taken), block by block,
/// each block's base one past the previous block's last id, as postings store them.
func deltaBlocks() -> ByteSlice {
    var random = SeededGenerator(seed: 100)
    var writer = ByteWriter()
    var next: UInt32 = 0
    var base: UInt32 = 0
    for _ in 0..<blockCount {
        var ids: [UInt32] = []
        for _ in 0..<BitPacking.blockLength {
            ids.append(next)
            next += UInt32.random(in: 1...16, using: &random)
        }
        DeltaBlock.write(ids, base: base, into: &writer)
        base = ids[BitPacking.blockLength - 1] + 1
    }
    return ByteSlice(copying: writer.bytes)
}

/// `valueCount` varints up to `maximum`; below `UInt32.max` uniform (nearly all of the
/// longest length), at `UInt32.max` shifted right by a random 0…31 bits, so that the
/// lengths mix as the 1–5-byte row of IndexCodecBenchmark mixes them.
func varints(maximum: UInt32) -> ByteSlice {
    var random = SeededGenerator(seed: UInt64(maximum))
    var writer = ByteWriter()
    for _ in 0..<valueCount {
        let shift = maximum == .max ? UInt32.random(in: 0...31, using: &random) : 0
        writer.writeVarUInt32(UInt32.random(in: 0...maximum, using: &random) >> shift)
    }
    return ByteSlice(copying: writer.bytes)
}
