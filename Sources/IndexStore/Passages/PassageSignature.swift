/// A 64-bit SimHash of a passage's text (Charikar 2002; Manku, Jain and Das Sarma 2007 for
/// near-duplicate web pages): every run of three consecutive words votes on each of the
/// 64 bits with its hash, and the signature keeps the majority. Passages whose word
/// sequences are nearly the same get signatures a few bits apart; unrelated ones differ
/// in about 32 bits. One article repeated in twenty laws, or a paragraph a later letter
/// copies, can then be folded into one result without comparing texts at search time.
///
/// Words are hashed from their exact (folded) bytes, so the signature is the same in every
/// segment and survives merges as a copied value.
public struct PassageSignature: Sendable {
    /// A signature for a passage that has none (older segments, no words): never similar.
    public static let none: UInt64 = 0

    /// Passages with fewer words than this are only folded when their signatures are
    /// equal: three or four words say too little for a near match.
    public static let minimumWordsForNearMatch = 12

    /// How many shingles set each bit, eight bits to a word, one byte per bit (a byte
    /// counts up to 255): adding a shingle is eight table look-ups and eight additions
    /// instead of 64 counters moved one by one. Emptied into `wideCounts` every 255 shingles.
    private var byteCounts: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var shinglesInBytes = 0
    /// The counts of passages longer than 255 shingles (allocated only for them).
    private var wideCounts: [UInt32] = []
    private var shingles = 0
    private var previous: UInt64 = 0
    private var beforePrevious: UInt64 = 0
    public private(set) var words = 0

    public init() {}

    /// The hash of a word's bytes (FNV-1a, then mixed): stable across runs and machines.
    public static func wordHash(_ bytes: Span<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in bytes.indices {
            hash ^= UInt64(bytes[index])
            hash &*= 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }

    /// Adds the next word of the passage.
    public mutating func add(wordHash: UInt64) {
        words += 1
        if words >= 3 {
            vote(Self.mix(beforePrevious &* 0x9E37_79B9_7F4A_7C15 ^ (previous << 21 | previous >> 43) ^ wordHash))
        }
        beforePrevious = previous
        previous = wordHash
    }

    /// The signature; a passage of one or two words is hashed as it stands.
    public func finish() -> UInt64 {
        if words == 0 { return Self.none }
        if words < 3 { return nonZero(Self.mix(beforePrevious &* 0x9E37_79B9_7F4A_7C15 ^ previous)) }
        // A bit is kept when more than half of the shingles set it.
        var signature: UInt64 = 0
        for bit in 0 ..< 64 where 2 * (Int(count(bit)) + (wideCounts.isEmpty ? 0 : Int(wideCounts[bit]))) > shingles {
            signature |= 1 << UInt64(bit)
        }
        return nonZero(signature)
    }

    /// How many bits two signatures differ in.
    @inline(__always)
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    private mutating func vote(_ shingle: UInt64) {
        let spread = Self.spreadBits
        byteCounts.0 &+= spread[Int(shingle & 0xFF)]
        byteCounts.1 &+= spread[Int(shingle >> 8 & 0xFF)]
        byteCounts.2 &+= spread[Int(shingle >> 16 & 0xFF)]
        byteCounts.3 &+= spread[Int(shingle >> 24 & 0xFF)]
        byteCounts.4 &+= spread[Int(shingle >> 32 & 0xFF)]
        byteCounts.5 &+= spread[Int(shingle >> 40 & 0xFF)]
        byteCounts.6 &+= spread[Int(shingle >> 48 & 0xFF)]
        byteCounts.7 &+= spread[Int(shingle >> 56)]
        shingles += 1
        shinglesInBytes += 1
        if shinglesInBytes == 255 {
            if wideCounts.isEmpty { wideCounts = [UInt32](repeating: 0, count: 64) }
            for bit in 0 ..< 64 { wideCounts[bit] += UInt32(count(bit)) }
            byteCounts = (0, 0, 0, 0, 0, 0, 0, 0)
            shinglesInBytes = 0
        }
    }

    /// The byte counter of `bit` (bit 8j + i lives in byte i of word j).
    private func count(_ bit: Int) -> UInt8 {
        let word: UInt64
        switch bit >> 3 {
        case 0: word = byteCounts.0
        case 1: word = byteCounts.1
        case 2: word = byteCounts.2
        case 3: word = byteCounts.3
        case 4: word = byteCounts.4
        case 5: word = byteCounts.5
        case 6: word = byteCounts.6
        default: word = byteCounts.7
        }
        return UInt8(truncatingIfNeeded: word >> UInt64((bit & 7) * 8))
    }

    /// For each byte value, a word with byte i set to 1 where bit i of the value is set.
    private static let spreadBits: [UInt64] = (0 ..< 256).map { (value: Int) -> UInt64 in
        var word: UInt64 = 0
        for bit in 0 ..< 8 where (value >> bit) & 1 == 1 { word |= UInt64(1) << UInt64(bit * 8) }
        return word
    }

    private func nonZero(_ signature: UInt64) -> UInt64 { signature == Self.none ? 1 : signature }

    /// A 64-bit finaliser (splitmix64's): neighbouring inputs get unrelated outputs.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
