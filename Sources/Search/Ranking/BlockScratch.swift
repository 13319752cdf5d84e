import IndexStore

/// The buffers a walk over decoded postings blocks fills and reads once per block: the
/// block's length bytes, and the postings kept from it with their scores; and, for the
/// general loop, each unit's score on the current candidate.
///
/// One allocation holds them all, made once per walk: a walk runs once per segment per
/// search, and these buffers are touched for every block, so they stay together and out of
/// the arrays' uniqueness checks.
struct BlockScratch {
    /// Per scoring unit: its score on the current candidate (empty when `units` is 0).
    let unitScores: UnsafeMutableBufferPointer<Float>
    /// A block's postings kept for the per-document step, and their scores.
    let keptPassages: UnsafeMutableBufferPointer<UInt32>
    let keptScores: UnsafeMutableBufferPointer<Float>
    /// A block's length bytes, gathered before the block is scored.
    let blockNorms: UnsafeMutableBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer

    /// Valid until ``deallocate()``, which the walk calls (`defer`) when it ends; the
    /// buffers never leave the walk.
    static func allocate(units: Int = 0) -> BlockScratch {
        let length = BitPacking.blockLength
        let base = UnsafeMutableRawPointer.allocate(
            byteCount: (units + 2 * length) * MemoryLayout<Float>.stride + length, alignment: MemoryLayout<Float>.alignment)
        // Float and UInt32 share size and alignment, so every part starts aligned.
        let unitScores = UnsafeMutableBufferPointer(start: base.bindMemory(to: Float.self, capacity: units), count: units)
        let keptStart = base + units * MemoryLayout<Float>.stride
        let keptPassages = UnsafeMutableBufferPointer(start: keptStart.bindMemory(to: UInt32.self, capacity: length), count: length)
        let scoresStart = keptStart + length * MemoryLayout<UInt32>.stride
        let keptScores = UnsafeMutableBufferPointer(start: scoresStart.bindMemory(to: Float.self, capacity: length), count: length)
        let normsStart = scoresStart + length * MemoryLayout<Float>.stride
        let blockNorms = UnsafeMutableBufferPointer(start: normsStart.bindMemory(to: UInt8.self, capacity: length), count: length)
        return BlockScratch(unitScores: unitScores, keptPassages: keptPassages, keptScores: keptScores, blockNorms: blockNorms, base: base)
    }

    func deallocate() { base.deallocate() }
}
