/// SHA-256 (FIPS 180-4), written here because the content hash only has to detect
/// changed files between indexing runs and a crypto package would be a dependency for
/// one function. Not constant-time; never use it for secrets.
public enum SHA256 {
    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        let digest = hash(bytes)
        let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
            0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        let fullBlocks = bytes.count / 64
        let schedule = UnsafeMutablePointer<UInt32>.allocate(capacity: 16)
        defer { schedule.deallocate() }
        bytes.withUnsafeBufferPointer { buffer in
            for block in 0 ..< fullBlocks {
                compress(buffer.baseAddress! + block * 64, &state, schedule)
            }
        }
        // The padding: one 1-bit, zeros, then the message length in bits as a big-endian
        // UInt64, filling up one or two final blocks.
        var tail = Array(bytes[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBufferPointer { buffer in
            for block in 0 ..< buffer.count / 64 {
                compress(buffer.baseAddress! + block * 64, &state, schedule)
            }
        }
        var digest = [UInt8]()
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// The constants in memory that lives as long as the program, so the rounds index a
    /// plain pointer rather than an array.
    nonisolated(unsafe) private static let roundConstantsPointer: UnsafePointer<UInt32> = {
        let pointer = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        pointer.initialize(from: roundConstants, count: 64)
        return UnsafePointer(pointer)
    }()

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// One 64-byte block. Raw pointers because this loop is the whole cost of hashing
    /// and bounds checks would double it; `block` always has 64 readable bytes.
    private static func compress(
        _ block: UnsafePointer<UInt8>,
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ w: UnsafeMutablePointer<UInt32>
    ) {
        let raw = UnsafeRawPointer(block)
        for t in 0 ..< 16 {
            w[t] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
        }
        var (a, b, c, d, e, f, g, h) = state
        // One round; `word` is the schedule entry for round `t`.
        @inline(__always) func round(_ t: Int, _ word: UInt32, _ k: UnsafePointer<UInt32>) {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[t] &+ word
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ s0 &+ majority
        }
        let k = roundConstantsPointer
        for t in 0 ..< 16 { round(t, w[t], k) }
        // The schedule lives in a ring of 16 words, computed as the rounds need it, so it
        // stays in L1 next to the round state.
        for t in 16 ..< 64 {
            let w15 = w[(t &- 15) & 15], w2 = w[(t &- 2) & 15]
            let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
            let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
            let word = w[t & 15] &+ s0 &+ w[(t &- 7) & 15] &+ s1
            w[t & 15] = word
            round(t, word, k)
        }
        state = (
            state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
            state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
        )
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
