#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte and substring search on spans, with libc's `memchr` for the first byte: the
/// extraction scans whole files for rare bytes and cue phrases, and `memchr` skips the
/// bytes between candidates many at a time. The only pointers of the text path are here.
enum ByteSearch {
    /// The index of the first `byte` in `bytes[start...]`, or nil.
    static func firstIndex(of byte: UInt8, in bytes: Span<UInt8>, from start: Int = 0) -> Int? {
        precondition(start >= 0, "search from \(start)")
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            // memchr reads `buffer[start ..< count]` (0 <= start < count, checked above)
            // during the call only; a hit lies in that range, so its distance from the base
            // is an index of `bytes`.
            guard let base = buffer.baseAddress, let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// The index of the first occurrence of `needle` in `haystack`, or nil (also for an
    /// empty needle).
    static func firstIndex(of needle: Span<UInt8>, in haystack: Span<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        // Candidates for the first byte end where the whole needle still fits.
        let candidates = haystack.extracting(0 ... haystack.count - needle.count)
        var offset = 0
        while let position = firstIndex(of: needle[0], in: candidates, from: offset) {
            if startsWith(needle, in: haystack, at: position) { return position }
            offset = position + 1
        }
        return nil
    }

    /// Whether `haystack[index...]` starts with `needle` (which must fit).
    @inline(__always)
    private static func startsWith(_ needle: Span<UInt8>, in haystack: Span<UInt8>, at index: Int) -> Bool {
        for offset in 1 ..< needle.count where haystack[index + offset] != needle[offset] { return false }
        return true
    }
}
