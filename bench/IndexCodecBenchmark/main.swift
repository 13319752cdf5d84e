// Decode throughput of the IndexStore codecs. Run in release:
//
//     swift run -c release --package-path bench IndexCodecBenchmark
//
// Each figure is the best of several runs over data built before the clock starts; a
// running sum of the decoded values is printed so the optimiser cannot drop the work.
// Figures go to docs/BENCHMARKS.md with the machine they were measured on.
import IndexStore

let clock = ContinuousClock()

/// Runs `body` `runs` times and returns the fastest run in seconds.
func best(runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs {
        let elapsed = try clock.measure(body)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        fastest = min(fastest, seconds)
    }
    return fastest
}

func format(_ value: Double, _ digits: Int = 0) -> String {
    let scale = Double([1, 10, 100, 1000][digits])
    let rounded = (value * scale).rounded() / scale
    let text = digits == 0 ? String(Int(rounded)) : String(rounded)
    return String(repeating: " ", count: max(0, 8 - text.count)) + text
}

var random = SystemRandomNumberGenerator()
var sink: UInt64 = 0
let blockCount = 8192  // 1 Mi values per pass
let valueCount = blockCount * BitPacking.blockLength

print("IndexCodecBenchmark: \(valueCount) values per pass, best of 7")
print()
print("bit-packed blocks of 128 (PackedBlock.read through a ByteReader)")
for width in [1, 2, 4, 7, 8, 12, 16, 20, 24, 32] {
    let maximum = UInt32.max >> UInt32(32 - width)
    var writer = ByteWriter()
    for _ in 0..<blockCount {
        let values = (0..<128).map { _ in UInt32.random(in: 0...maximum, using: &random) }
        PackedBlock.write(values, into: &writer)
    }
    let data = ByteSlice(copying: writer.bytes)
    var buffer = [UInt32](repeating: 0, count: 128)
    let seconds = try best {
        var reader = ByteReader(data)
        for _ in 0..<blockCount {
            try PackedBlock.read(count: 128, from: &reader, into: &buffer)
            sink &+= UInt64(buffer[127])
        }
    }
    print("  width \(width < 10 ? " " : "")\(width): \(format(Double(valueCount) / seconds / 1e6)) M ints/s")
}

print()
print("delta blocks (DeltaBlock.read, gaps 1…16, i.e. width 4)")
do {
    var writer = ByteWriter()
    var ids: [UInt32] = []
    var next: UInt32 = 0
    for _ in 0..<valueCount {
        ids.append(next)
        next += UInt32.random(in: 1...16, using: &random)
    }
    var base: UInt32 = 0
    for block in 0..<blockCount {
        let slice = Array(ids[(block * 128)..<(block * 128 + 128)])
        DeltaBlock.write(slice, base: base, into: &writer)
        base = slice[127] + 1
    }
    let data = ByteSlice(copying: writer.bytes)
    var buffer = [UInt32](repeating: 0, count: 128)
    let seconds = try best {
        var reader = ByteReader(data)
        var base: UInt32 = 0
        for _ in 0..<blockCount {
            try DeltaBlock.read(count: 128, base: base, from: &reader, into: &buffer)
            base = buffer[127] + 1
        }
        sink &+= UInt64(base)
    }
    print("  \(format(Double(valueCount) / seconds / 1e6)) M ids/s")
}

print()
print("varints (ByteReader.readVarUInt32, one call per value)")
for (label, maximum) in [("1 byte   ", UInt32(127)), ("1-2 bytes", UInt32(16_383)), ("1-5 bytes", UInt32.max)] {
    var writer = ByteWriter()
    for _ in 0..<valueCount {
        // Spread over the lengths rather than mostly the longest.
        let value = UInt32.random(in: 0...maximum, using: &random) >> UInt32.random(in: 0...(maximum == .max ? 31 : 0), using: &random)
        writer.writeVarUInt32(value)
    }
    let data = ByteSlice(copying: writer.bytes)
    let seconds = try best {
        var reader = ByteReader(data)
        var sum: UInt64 = 0
        for _ in 0..<valueCount { sum &+= UInt64(try reader.readVarUInt32()) }
        sink &+= sum
    }
    print("  \(label): \(format(Double(valueCount) / seconds / 1e6)) M ints/s")
}

print()
print("varint tails (PackedBlock.read of 127 values, gaps below 128)")
do {
    var writer = ByteWriter()
    let tails = valueCount / 127
    for _ in 0..<tails {
        PackedBlock.write((0..<127).map { _ in UInt32.random(in: 0...127, using: &random) }, into: &writer)
    }
    let data = ByteSlice(copying: writer.bytes)
    var buffer = [UInt32](repeating: 0, count: 128)
    let seconds = try best {
        var reader = ByteReader(data)
        for _ in 0..<tails {
            try PackedBlock.read(count: 127, from: &reader, into: &buffer)
            sink &+= UInt64(buffer[0])
        }
    }
    print("  \(format(Double(tails * 127) / seconds / 1e6)) M ints/s")
}

print()
print("CRC-32C (slicing-by-8) over 64 MiB")
do {
    let bytes = (0..<(64 << 20)).map { _ in UInt8.random(in: 0...255, using: &random) }
    let seconds = best {
        var crc = CRC32C()
        crc.update(bytes)
        sink &+= UInt64(crc.value)
    }
    print("  \(format(Double(bytes.count) / seconds / 1e6)) MB/s")
}

print()
print("zlib, 16 KiB blocks of Dutch prose (level 6)")
do {
    let sentence = "De minister antwoordt op de vragen van het lid Van der Staaij over het huisverbod en de gemeenten. "
    var text = Array(String(repeating: sentence, count: 2000).utf8)
    for i in stride(from: 0, to: text.count, by: 7) { text[i] = UInt8.random(in: 97...122, using: &random) }
    let blocks = stride(from: 0, to: text.count - 16384, by: 16384).map { Array(text[$0..<($0 + 16384)]) }
    var writer = ByteWriter()
    let compressSeconds = best(runs: 3) {
        writer = ByteWriter()
        for block in blocks { Deflate.writeBlock(block, into: &writer) }
    }
    let data = ByteSlice(copying: writer.bytes)
    let decompressSeconds = try best(runs: 3) {
        var reader = ByteReader(data)
        for _ in blocks {
            let block = try Deflate.readBlock(from: &reader, maximumUncompressedCount: 1 << 16)
            sink &+= UInt64(block.count)
        }
    }
    let megabytes = Double(blocks.count * 16384) / 1e6
    print("  compress   \(format(megabytes / compressSeconds)) MB/s")
    print("  decompress \(format(megabytes / decompressSeconds)) MB/s (ratio \(format(Double(blocks.count * 16384) / Double(writer.count), 1)))")
}

print()
print("(checksum of decoded values: \(sink))")
