#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain byte-wise substring search. Foundation's `range(of:)` and `contains(_:)` on
/// Linux go through CFString with Unicode folding and cost more than all the rest of
/// the extraction together; metadata cues are plain ASCII, so comparing UTF-8 bytes is
/// both exact and cheap.
extension Substring {
    func byteRange(of needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        let view = utf8
        let found: Int?? = view.withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, buffer.count >= pattern.count else { return nil }
            return pattern.withUnsafeBufferPointer { needle -> Int? in
                // memchr finds candidate first bytes at SIMD speed; memcmp checks the rest.
                let last = buffer.count - needle.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
                    let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
        let offset: Int?
        if let found {
            offset = found
        } else {
            // Not contiguous (a bridged string): the slow path is fine, it never happens here.
            let bytes = Array(view)
            offset = XMLRepair.find(pattern, in: bytes, from: 0, limit: bytes.count)
        }
        guard let offset else { return nil }
        let lower = view.index(view.startIndex, offsetBy: offset)
        return lower ..< view.index(lower, offsetBy: pattern.count)
    }

    func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }
}

extension String {
    func byteRange(of needle: String) -> Range<String.Index>? { self[...].byteRange(of: needle) }
    func containsBytes(_ needle: String) -> Bool { self[...].byteRange(of: needle) != nil }
}

extension ArraySlice where Element == UInt8 {
    /// The offset (from `startIndex`) of the first occurrence of `needle`, via memchr.
    func firstOffset(of needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        return withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            return needle.withUnsafeBufferPointer { pattern -> Int? in
                let last = buffer.count - pattern.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) else { return nil }
                    let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
    }
}

extension String {
    /// ASCII-only lower-casing: our cue phrases are ASCII, and full Unicode case mapping
    /// is an order of magnitude slower.
    var asciiLowercased: String {
        var copy = self
        return copy.withUTF8 { buffer in
            String(decoding: buffer.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
    }

    /// At most `count` bytes from the start, cut back to a character boundary.
    func utf8Prefix(_ count: Int) -> String {
        guard utf8.count > count else { return self }
        var end = utf8.index(utf8.startIndex, offsetBy: count)
        while end > startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(self[..<end])
    }
}
