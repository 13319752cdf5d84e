/// Writes the postings (`.pst`) and positions (`.pos`) of one term after another; the
/// dictionary records where each term's bytes start.
///
/// A flush builds both files in memory (``postings``, ``positions``); a merge streams them
/// to disk (``init(streamingTo:_:)``, ``drain()`` between terms), since the postings of many
/// segments together can be larger than memory should hold.
struct PostingsWriter {
    private(set) var postings = ByteWriter()
    private(set) var positions = ByteWriter()
    private var blockWriter = ByteWriter()
    private var blockPositions = ByteWriter()
    /// Where a streaming writer's bytes go, and how many of each file went there already.
    private var streams: (postings: StreamedFile, positions: StreamedFile)?
    private var postingsDrained = 0
    private var positionsDrained = 0

    init() {}

    init(streamingTo postingsPath: String, _ positionsPath: String) throws(IndexIOError) {
        streams = (try StreamedFile(path: postingsPath), try StreamedFile(path: positionsPath))
    }

    /// Where a term's data starts in each body (after the file header).
    struct TermStart {
        var postingsOffset: UInt64
        var positionsOffset: UInt64
    }

    /// `lengths[id]` is the length of passage (or document) `id`, for the skip entries.
    mutating func write(_ term: TermPostings, lengths: [UInt32], bodyStart: Int) -> TermStart {
        let start = TermStart(
            postingsOffset: UInt64(postingsDrained + postings.count - bodyStart),
            positionsOffset: UInt64(positionsDrained + positions.count - bodyStart))
        let count = term.ids.count
        blockWriter = ByteWriter()
        var positionIndex = 0
        var base: UInt32 = 0
        let positionsStart = positions.count
        term.ids.withUnsafeBufferPointer { ids in
            term.frequencies.withUnsafeBufferPointer { frequencies in
                var blockStart = 0
                while blockStart < count {
                    let blockEnd = min(blockStart + PostingsFormat.blockLength, count)
                    // Lists that span more than one block get a skip entry for every block,
                    // the tail included, so that a cursor can jump straight to any of them.
                    if count > PostingsFormat.blockLength {
                        let impacts = BlockImpacts.of(
                            frequencies: frequencies[blockStart ..< blockEnd],
                            lengths: ids[blockStart ..< blockEnd].lazy.map { lengths[Int($0)] })
                        postings.writeInteger(ids[blockEnd - 1], as: UInt32.self)
                        postings.writeInteger(UInt32(blockWriter.count), as: UInt32.self)
                        postings.writeInteger(UInt32(positions.count - positionsStart), as: UInt32.self)
                        for (frequency, length) in [
                            (impacts.frequencies.0, impacts.lengths.0), (impacts.frequencies.1, impacts.lengths.1),
                            (impacts.frequencies.2, impacts.lengths.2), (impacts.frequencies.3, impacts.lengths.3),
                        ] {
                            postings.writeInteger(UInt16(frequency), as: UInt16.self)
                            postings.writeInteger(UInt16(length), as: UInt16.self)
                        }
                    }
                    let blockIDs = UnsafeBufferPointer(rebasing: ids[blockStart ..< blockEnd])
                    DeltaBlock.write(blockIDs, base: base, into: &blockWriter)
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: blockEnd - blockStart) { minusOne in
                        for index in blockStart ..< blockEnd { minusOne[index - blockStart] = frequencies[index] - 1 }
                        PackedBlock.write(UnsafeBufferPointer(minusOne), into: &blockWriter)
                    }
                    if term.holdsEncodedPositions {
                        // Encoded already (a merge): the block's bytes in one piece.
                        let from = blockStart == 0 ? 0 : Int(term.encodedPositionEnds[blockStart - 1])
                        positions.writeBytes(term.encodedPositions[from ..< Int(term.encodedPositionEnds[blockEnd - 1])])
                    } else {
                        for index in blockStart ..< blockEnd {
                            var previous: UInt32 = 0
                            for offset in 0 ..< Int(frequencies[index]) {
                                let position = term.positions[positionIndex + offset]
                                positions.writeVarUInt32(offset == 0 ? position : position - previous)
                                previous = position
                            }
                            positionIndex += Int(frequencies[index])
                        }
                    }
                    base = ids[blockEnd - 1] &+ 1
                    blockStart = blockEnd
                }
            }
        }
        postings.writeBytes(blockWriter.bytes)
        return start
    }

    mutating func startFiles(segmentID: SegmentID) {
        IndexFile.writeHeader(kind: .postings, segmentID: segmentID, into: &postings)
        IndexFile.writeHeader(kind: .positions, segmentID: segmentID, into: &positions)
    }

    mutating func finishFiles() {
        precondition(streams == nil, "a streaming writer finishes with finishStreams(sync:)")
        IndexFile.writeFooter(into: &postings)
        IndexFile.writeFooter(into: &positions)
    }

    /// Hands what the terms so far wrote to the streamed files once it is a few megabytes:
    /// a streaming writer calls this after each term.
    mutating func drain() throws(IndexIOError) {
        guard streams != nil, postings.count + positions.count > StreamedFile.drainThreshold else { return }
        try moveToStreams()
    }

    /// Writes the rest and the footers of a streaming writer's files, then closes them.
    mutating func finishStreams(sync: Bool) throws(IndexIOError) {
        try moveToStreams()
        try streams!.postings.finish(sync: sync)
        try streams!.positions.finish(sync: sync)
    }

    /// Closes a streaming writer's files unfinished (a merge that failed).
    mutating func abandonStreams() {
        streams?.postings.close()
        streams?.positions.close()
    }

    private mutating func moveToStreams() throws(IndexIOError) {
        postingsDrained += postings.count
        positionsDrained += positions.count
        streams!.postings.buffer.writeBytes(postings.bytes)
        streams!.positions.buffer.writeBytes(positions.bytes)
        postings = ByteWriter()
        positions = ByteWriter()
        try streams!.postings.drainIfLarge()
        try streams!.positions.drainIfLarge()
    }
}
