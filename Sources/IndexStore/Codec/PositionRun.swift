/// One posting's positions as stored: varints, the first position itself and each later
/// one as its (non-zero) gap from the one before.
///
/// Decoded with no call per one-byte varint (``VarInt`` inlines that case): a phrase
/// asks for the positions of nearly every passage holding all its words, each with one to
/// three positions per term (`"tweede kamer"`), so the cost per call matters more than
/// the cost per position. Damage is still caught: a varint that is malformed or runs past
/// the data, a gap of zero, a position beyond `UInt32`.
enum PositionRun {
    /// Why a run did not decode, and where.
    enum Failure: Equatable {
        case malformedVarInt(VarInt.Malformation)
        case notIncreasing

        var reason: IndexCorruption.Reason {
            switch self {
            case let .malformedVarInt(malformation): .malformedVarInt(malformation)
            case .notIncreasing: .invariantViolated("positions are not strictly increasing")
            }
        }
    }

    /// Decodes `count` positions (at least one) from `offset` into `output`; returns the
    /// offset after them, or where it failed with the failure.
    @inline(__always)
    static func decode(
        _ count: Int, from bytes: UnsafeRawBufferPointer, at offset: Int, into output: UnsafeMutablePointer<UInt32>
    ) -> (end: Int, failure: Failure?) {
        guard count > 0 else { return (offset, nil) }
        var index = offset
        var position: UInt64 = 0
        // Zero gaps are gathered and judged once at the end: a run is nearly always sound.
        var zeroGap = false
        for occurrence in 0 ..< count {
            let value: UInt32
            do throws(VarInt.Malformation) {
                let decoded = try VarInt.decodeUInt32(bytes, at: index)
                value = decoded.value
                index &+= decoded.length
            } catch {
                return (index, .malformedVarInt(error))
            }
            zeroGap = zeroGap || (value == 0 && occurrence > 0)
            position &+= UInt64(value)
            output[occurrence] = UInt32(truncatingIfNeeded: position)
        }
        // Gaps below 2^32 each, so at most `count` × 2^32: no UInt64 overflow for any count
        // a passage can have (frequencies stay below 2^24).
        guard !zeroGap, position <= UInt64(UInt32.max) else { return (index, .notIncreasing) }
        return (index, nil)
    }
}
