/// Byte tests and copies on the spans the analyzer and the extraction read text through.
extension Span<UInt8> {
    /// Byte-wise prefix test at an offset, without building a String.
    @inline(__always)
    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= count else { return false }
        // A string literal's bytes are constant data of the binary: `utf8Start` stays valid
        // for the life of the process, and `offset < utf8CodeUnitCount` bounds every read.
        let start = prefix.utf8Start
        for offset in 0 ..< length where self[index + offset] != start[offset] {
            return false
        }
        return true
    }
}

extension Array<UInt8> {
    /// A copy of the bytes of `span` (a Span is no Sequence, so `Array(_:)` cannot take it).
    /// For the analyzer and the text extraction (Ingest), which copy lines and terms out of
    /// the text they read.
    package init(copying span: Span<UInt8>) {
        // One bulk copy; the pointer is read by `Array.init` during this call only, inside
        // the span's borrow of its storage, and covers exactly the span's `count` bytes.
        self = span.withUnsafeBufferPointer { Array($0) }
    }

    /// Appends the bytes of `span` (the inverter's term tables and the segment writer's
    /// keys).
    package mutating func append(copying span: Span<UInt8>) {
        // One bulk copy, as in `init(copying:)`: the pointer is read during this call only.
        span.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}
