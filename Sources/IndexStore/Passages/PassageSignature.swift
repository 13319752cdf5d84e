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

    private var votes = [Int32](repeating: 0, count: 64)
    private var previous: UInt64 = 0
    private var beforePrevious: UInt64 = 0
    public private(set) var words = 0

    public init() {}

    /// The hash of a word's bytes (FNV-1a, then mixed): stable across runs and machines.
    public static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
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
        var signature: UInt64 = 0
        for bit in 0 ..< 64 where votes[bit] > 0 { signature |= 1 << UInt64(bit) }
        return nonZero(signature)
    }

    /// How many bits two signatures differ in.
    @inline(__always)
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    private mutating func vote(_ shingle: UInt64) {
        votes.withUnsafeMutableBufferPointer { votes in
            for bit in 0 ..< 64 {
                // +1 where the shingle's bit is set, −1 where it is not.
                votes[bit] &+= Int32(truncatingIfNeeded: (shingle >> UInt64(bit)) & 1) &* 2 &- 1
            }
        }
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
