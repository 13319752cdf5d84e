import Testing
@testable import IndexStore

/// Random bytes fed to every decoder: each must either decode or throw IndexCorruption.
/// A trap would end the test process, so passing means no input traps.
@Suite struct GarbageInputTests {
    private func garbage(seed: UInt64, count: Int) -> [[UInt8]] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...700, using: &random)
            // Bias some inputs towards small bytes, which look like plausible widths and varints.
            let top: UInt8 = Bool.random(using: &random) ? 255 : 40
            return (0..<length).map { _ in UInt8.random(in: 0...top, using: &random) }
        }
    }

    private func expectOnlyCorruption(_ body: () throws -> Void) {
        do {
            try body()
        } catch is IndexCorruption {
        } catch {
            Issue.record("threw \(error), not IndexCorruption")
        }
    }

    @Test func decodersNeverTrapOnGarbage() {
        var random = SeededGenerator(seed: 2024)
        var buffer: [UInt32] = []
        for bytes in garbage(seed: 1, count: 3000) {
            let data = slice(bytes)
            expectOnlyCorruption {
                var reader = ByteReader(data)
                while !reader.isAtEnd { _ = try reader.readVarUInt64() }
            }
            expectOnlyCorruption {
                var reader = ByteReader(data)
                while !reader.isAtEnd {
                    try PackedBlock.read(count: Int.random(in: 0...128, using: &random), from: &reader, into: &buffer)
                }
            }
            expectOnlyCorruption {
                var reader = ByteReader(data)
                var base = UInt32.random(in: 0...UInt32.max, using: &random) >> UInt32.random(in: 0...32, using: &random)
                while !reader.isAtEnd {
                    let count = Bool.random(using: &random) ? 128 : Int.random(in: 1...127, using: &random)
                    try DeltaBlock.read(count: count, base: base, from: &reader, into: &buffer)
                    guard buffer[count - 1] < .max else { break }
                    base = buffer[count - 1] + 1
                }
            }
            expectOnlyCorruption {
                var reader = ByteReader(data)
                _ = try reader.readLengthPrefixedSlice()
            }
            expectOnlyCorruption {
                var reader = ByteReader(data)
                _ = try Deflate.readBlock(from: &reader, maximumUncompressedCount: 1 << 20)
            }
            expectOnlyCorruption {
                _ = try IndexFile.verify(data, kind: .postings, segmentID: nil)
            }
        }
    }
}
