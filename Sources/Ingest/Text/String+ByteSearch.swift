/// Plain byte-wise substring search. Foundation's `range(of:)` and `contains(_:)` on
/// Linux go through CFString with Unicode folding and cost more than all the rest of
/// the extraction together; metadata cues are plain ASCII, so comparing UTF-8 bytes is
/// both exact and cheap.
extension Substring {
    func byteRange(of needle: String) -> Range<String.Index>? {
        // Spans need contiguous UTF-8, which native strings always are (a bridged one is
        // copied here); the match is found as UTF-8 offsets and mapped back onto `self`.
        var text = self, needle = needle
        text.makeContiguousUTF8()
        needle.makeContiguousUTF8()
        guard let offset = ByteSearch.firstIndex(of: needle.utf8.span, in: text.utf8.span) else { return nil }
        let view = utf8
        let lower = view.index(view.startIndex, offsetBy: offset)
        return lower ..< view.index(lower, offsetBy: needle.utf8.count)
    }

    func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }
}

extension String {
    func byteRange(of needle: String) -> Range<String.Index>? { self[...].byteRange(of: needle) }
    func containsBytes(_ needle: String) -> Bool { self[...].byteRange(of: needle) != nil }
}

extension ArraySlice where Element == UInt8 {
    /// The offset (from `startIndex`) of the first occurrence of `needle`.
    func firstOffset(of needle: [UInt8]) -> Int? {
        ByteSearch.firstIndex(of: needle.span, in: span)
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
