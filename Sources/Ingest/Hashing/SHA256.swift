import CCrypto

/// SHA-256 (FIPS 180-4) of a file's bytes: the content hash that tells an indexing run
/// which files changed since the last one.
///
/// Computed by OpenSSL's libcrypto, which uses the CPU's SHA instructions where there
/// are any, so that hashing a file costs next to nothing beside reading it.
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
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        // libcrypto reads `input.count` bytes and writes SHA-256's 32 into `digest` (32 long)
        // during the call; it keeps neither pointer, and neither outlives its closure.
        let succeeded = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil) == 1
            }
        }
        // EVP_Digest fails only when the library cannot allocate its context or has no
        // SHA-256, neither of which a caller could recover from.
        precondition(succeeded && length == 32, "libcrypto could not compute a SHA-256 digest")
        return digest
    }
}
