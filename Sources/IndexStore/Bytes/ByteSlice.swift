/// A read-only view of some bytes of a ``MappedFile`` that keeps the file mapped.
///
/// ```
///  file:   | ...........[======= slice =======]........ |
///          0          start                start+count  file.count
/// ```
///
/// Offsets given to a slice are relative to its first byte; offsets in the errors it
/// throws are absolute in the file (`start + offset`), which is what `xxd` shows.
///
/// Every read is bounds-checked and throws ``IndexCorruption`` when the bytes are not
/// there or do not decode: a slice is built from offsets and lengths read out of the file
/// itself, so "out of range" means "damaged file", never a reason to trap. Slicing is
/// cheap (a reference and two integers), so readers hand out sub-slices freely.
///
/// Integers are little-endian and may sit at any alignment.
public struct ByteSlice: Sendable {
    let file: MappedFile
    /// Offset of this slice's first byte within `file`.
    let start: Int
    public let count: Int

    init(file: MappedFile, start: Int, count: Int) {
        self.file = file
        self.start = start
        self.count = count
        checkInvariants()
    }

    /// `0 <= start <= start + count <= file.count`: every constructor is meant to guarantee
    /// it, so this is checked only in builds with `-DKAMERZOEK_INTERNAL_CHECKS` (CI) and
    /// free otherwise.
    @inline(__always)
    func checkInvariants() {
        #if KAMERZOEK_INTERNAL_CHECKS
        precondition(start >= 0 && count >= 0 && start <= file.count - count, "ByteSlice outside its file")
        #endif
    }

    /// Bytes copied into memory, for tests and for data built at run time.
    public init(copying bytes: some Collection<UInt8>, name: String = "<memory>") {
        self = MappedFile(copying: bytes, name: name).bytes
    }

    public var isEmpty: Bool { count == 0 }

    /// The file this slice belongs to, for error messages.
    public var fileName: String { file.name }

    /// The absolute offset of this slice's first byte in its file.
    public var fileOffset: Int { start }

    /// Runs `body` with the slice's bytes. The pointer is valid only inside `body` and
    /// must not be stored or returned.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: file.base.map { $0 + start }, count: count))
    }

    /// Runs `body` with the slice's bytes as a span, which cannot outlive the call: the
    /// safe form of ``withUnsafeBytes(_:)`` for readers that walk the bytes themselves.
    public func withBytes<R, E: Error>(_ body: (Span<UInt8>) throws(E) -> R) throws(E) -> R {
        // The mapping stays valid while `self` holds its file, which it does for the call.
        try withUnsafeBytes { (bytes) throws(E) -> R in try body(bytes.assumingMemoryBound(to: UInt8.self).span) }
    }

    /// Appends the slice's bytes to `bytes` (one bulk copy).
    public func append(to bytes: inout [UInt8]) {
        withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Appends the `count` bytes at `offset` to `bytes` (one bulk copy).
    public func append(at offset: Int, count length: Int, to bytes: inout [UInt8]) throws(IndexCorruption) {
        try checkRange(offset, length)
        withUnsafeBytes { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[offset ..< offset + length])) }
    }

    /// An error about the byte at `offset` (relative to this slice).
    public func corruption(at offset: Int, _ reason: IndexCorruption.Reason) -> IndexCorruption {
        IndexCorruption(file: file.name, offset: start + offset, reason: reason)
    }

    /// Throws unless `offset ..< offset + length` lies inside the slice. Written so that no
    /// sum can overflow, however large the (possibly corrupt) inputs are.
    @inline(__always)
    func checkRange(_ offset: Int, _ length: Int) throws(IndexCorruption) {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else {
            throw corruption(at: max(0, min(offset, count)),
                             .unexpectedEnd(needed: length, available: max(0, count - max(0, offset))))
        }
    }

    // MARK: Fixed-width integers

    /// The little-endian integer of `T.bitWidth / 8` bytes at `offset`.
    public func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type = T.self) throws(IndexCorruption) -> T {
        try checkRange(offset, MemoryLayout<T>.size)
        return withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    public func byte(at offset: Int) throws(IndexCorruption) -> UInt8 {
        try integer(at: offset, as: UInt8.self)
    }

    // MARK: Varints

    /// The varint starting at `offset` and the number of bytes it took.
    public func varUInt32(at offset: Int) throws(IndexCorruption) -> (value: UInt32, length: Int) {
        try checkRange(offset, 0)
        do throws(VarInt.Malformation) {
            return try withUnsafeBytes { buffer throws(VarInt.Malformation) in
                try VarInt.decodeUInt32(buffer, at: offset)
            }
        } catch {
            throw corruption(at: offset, .malformedVarInt(error))
        }
    }

    public func varUInt64(at offset: Int) throws(IndexCorruption) -> (value: UInt64, length: Int) {
        try checkRange(offset, 0)
        do throws(VarInt.Malformation) {
            return try withUnsafeBytes { buffer throws(VarInt.Malformation) in
                try VarInt.decodeUInt64(buffer, at: offset)
            }
        } catch {
            throw corruption(at: offset, .malformedVarInt(error))
        }
    }

    // MARK: Sub-slices and copies

    /// The `count` bytes at `offset`, sharing this slice's file.
    public func slice(at offset: Int, count length: Int) throws(IndexCorruption) -> ByteSlice {
        try checkRange(offset, length)
        return ByteSlice(file: file, start: start + offset, count: length)
    }

    /// The bytes from `offset` to the end.
    public func slice(from offset: Int) throws(IndexCorruption) -> ByteSlice {
        try checkRange(offset, 0)
        return ByteSlice(file: file, start: start + offset, count: count - offset)
    }

    /// A copy of all the bytes, for tests and small values such as a term.
    public func copyBytes() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    public func copyBytes(at offset: Int, count length: Int) throws(IndexCorruption) -> [UInt8] {
        try slice(at: offset, count: length).copyBytes()
    }

    /// Whether the bytes equal `other` (term comparisons in the dictionary, magic strings).
    public func elementsEqual(_ other: some Sequence<UInt8>) -> Bool {
        withUnsafeBytes { $0.elementsEqual(other) }
    }
}
