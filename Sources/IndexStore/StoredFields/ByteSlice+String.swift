extension ByteSlice {
    /// The bytes decoded as UTF-8 (ill-formed sequences become U+FFFD), without an
    /// intermediate array: stored strings (ids, paths, titles) are read this way.
    func decodedString() -> String {
        // The buffer is the slice's own range of its mapped file, which the slice keeps
        // alive; the pointer is read only while String copies the bytes, inside this call.
        withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }
}
