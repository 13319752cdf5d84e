/// A cursor over a ``ByteSlice``: the reading twin of ``ByteWriter``, for data that is
/// decoded front to back (a term's postings, a dictionary block).
///
/// Each `read` either advances ``position`` past what it decoded or throws
/// ``IndexCorruption`` and leaves ``position`` where it was.
public struct ByteReader: Sendable {
    public let slice: ByteSlice
    /// The offset, relative to `slice`, of the next byte to read.
    public private(set) var position: Int

    public init(_ slice: ByteSlice, position: Int = 0) {
        self.slice = slice
        self.position = position
    }

    public var remaining: Int { slice.count - position }
    public var isAtEnd: Bool { position >= slice.count }

    /// Moves to `offset`; the end itself is a valid place to be.
    public mutating func seek(to offset: Int) throws(IndexCorruption) {
        try slice.checkRange(offset, 0)
        position = offset
    }

    public mutating func skip(_ count: Int) throws(IndexCorruption) {
        try slice.checkRange(position, count)
        position += count
    }

    public mutating func readInteger<T: FixedWidthInteger>(as: T.Type = T.self) throws(IndexCorruption) -> T {
        let value = try slice.integer(at: position, as: T.self)
        position += MemoryLayout<T>.size
        return value
    }

    public mutating func readByte() throws(IndexCorruption) -> UInt8 {
        try readInteger(as: UInt8.self)
    }

    public mutating func readVarUInt32() throws(IndexCorruption) -> UInt32 {
        let (value, length) = try slice.varUInt32(at: position)
        position += length
        return value
    }

    public mutating func readVarUInt64() throws(IndexCorruption) -> UInt64 {
        let (value, length) = try slice.varUInt64(at: position)
        position += length
        return value
    }

    public mutating func readSlice(count: Int) throws(IndexCorruption) -> ByteSlice {
        let result = try slice.slice(at: position, count: count)
        position += count
        return result
    }

    /// Reads what ``ByteWriter/writeLengthPrefixed(_:)`` wrote. A length above
    /// `maximumCount` throws before anything is sliced, so a corrupt length cannot make a
    /// caller copy gigabytes.
    public mutating func readLengthPrefixedSlice(maximumCount: Int = .max) throws(IndexCorruption) -> ByteSlice {
        let start = position
        let length = try readVarUInt64()
        guard length <= UInt64(maximumCount) else {
            position = start
            throw slice.corruption(at: start, .implausibleLength(Int(clamping: length), limit: maximumCount))
        }
        do {
            return try readSlice(count: Int(length))
        } catch {
            position = start
            throw error
        }
    }

    /// Gives a codec the whole slice and the cursor, so it can decode many values with one
    /// bounds check per block instead of one per value. `body` advances `position` by what
    /// it consumed; the pointer must not outlive the call.
    mutating func decode<R>(
        _ body: (UnsafeRawBufferPointer, inout Int) throws(IndexCorruption) -> R
    ) throws(IndexCorruption) -> R {
        var cursor = position
        let result = try slice.withUnsafeBytes { buffer throws(IndexCorruption) in
            try body(buffer, &cursor)
        }
        position = cursor
        return result
    }
}
