/// 16 random bytes that name one segment, written into the header of each of its files.
///
/// File names can be reused (a crashed writer's leftovers, a restored backup, a file
/// copied from another index); the identity in the header cannot. Opening a file whose
/// header carries another segment's identity throws instead of mixing two segments' data.
/// 128 random bits make a collision between any two segments ever written negligible.
public struct SegmentID: Hashable, Sendable, CustomStringConvertible {
    /// The 16 bytes as two little-endian halves, in file order.
    public let low: UInt64
    public let high: UInt64

    public static let byteCount = 16

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    public static func random() -> SegmentID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public static func random(using generator: inout some RandomNumberGenerator) -> SegmentID {
        SegmentID(low: generator.next(), high: generator.next())
    }

    func write(into writer: inout ByteWriter) {
        writer.writeInteger(low)
        writer.writeInteger(high)
    }

    static func read(from slice: ByteSlice, at offset: Int) throws(IndexCorruption) -> SegmentID {
        SegmentID(low: try slice.integer(at: offset), high: try slice.integer(at: offset + 8))
    }

    /// The 32 hex digits of the bytes in file order, as `xxd` shows them.
    public var description: String {
        var text = ""
        for half in [low, high] {
            for shift in stride(from: 0, to: 64, by: 8) {
                let byte = UInt8(truncatingIfNeeded: half >> UInt64(shift))
                text += String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
            }
        }
        return text
    }
}
