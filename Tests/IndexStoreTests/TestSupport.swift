import Testing
@testable import IndexStore

/// A fixed-seed generator (SplitMix64), so that a failing random round trip fails the
/// same way on the next run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The bytes as a slice named like a file, so error messages in failures are readable.
func slice(_ bytes: [UInt8], name: String = "test.bin") -> ByteSlice {
    ByteSlice(copying: bytes, name: name)
}

/// Runs `body` and returns the `IndexCorruption` it threw; records an issue when it
/// throws something else or nothing.
func corruption(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> IndexCorruption? {
    do {
        try body()
        Issue.record("expected IndexCorruption, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as IndexCorruption {
        return error
    } catch {
        Issue.record("expected IndexCorruption, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
}
