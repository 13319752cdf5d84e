import Foundation

/// An inverted index in memory: documents are added one by one and the whole is written
/// as one segment by ``SegmentWriter`` when the RAM budget is reached or at commit.
///
/// Terms are interned per space to integer ids on first sight; postings grow in plain
/// arrays per term (passage ids, frequencies, positions), appended in passage order, so
/// writing needs no sorting except of the dictionary.
final class SegmentBuilder {
    struct TermPostings {
        var ids: [UInt32] = []
        var frequencies: [UInt32] = []
        var positions: [UInt32] = []
        /// Shortest passage (or title) length among the postings: with the highest
        /// frequency it bounds the term's best BM25 score.
        var minimumLength: UInt32 = .max

        /// Appends one posting; ids must come in ascending order.
        @inline(__always)
        mutating func append(_ id: UInt32, positions newPositions: some Collection<UInt32>, length: UInt32) {
            ids.append(id)
            frequencies.append(UInt32(newPositions.count))
            positions.append(contentsOf: newPositions)
            if length < minimumLength { minimumLength = length }
        }
    }

    /// One term space's dictionary and postings. A class, so that the spaces can be filled
    /// on two threads at once, each thread owning its own spaces.
    final class Space: @unchecked Sendable {
        // @unchecked: a space is filled by one thread at a time (``add(contentsOf:)`` gives
        // each thread its own spaces) and read only after the filling threads have joined.
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [TermPostings] = []

        /// One distinct term of one passage (or title); returns the bytes it added. Ids
        /// arrive in increasing order, since documents and their passages are added in order.
        func record(_ group: AnalyzedField.Group, id: UInt32, length: UInt32) -> Int {
            record(group, id: id, length: length, termID: nil)
        }

        /// ``record(_:id:length:)``, also telling the term's id (for the pairs of the field).
        func record(_ group: AnalyzedField.Group, id: UInt32, length: UInt32, termID termIDOut: UnsafeMutablePointer<Int32>?) -> Int {
            var added = 8 + 4 * group.positions.count
            let termID: Int
            if let known = termIDs[group.term] {
                termID = Int(known)
            } else {
                termID = terms.count
                termIDs[group.term] = Int32(termID)
                terms.append(group.term)
                postings.append(TermPostings())
                added += 160 + group.term.utf8.count
            }
            postings[termID].append(id, positions: group.positions, length: length)
            termIDOut?.pointee = Int32(termID)
            return added
        }
    }

    /// The body's stop-word pairs, keyed by the two words' term ids in the body's exact
    /// space: a pair costs an integer key here, and becomes text (`de minister`) only when
    /// the writer keeps it (``StopWordPair``). Most pairs hold a rare word and are dropped.
    final class PairSpace: @unchecked Sendable {
        // @unchecked: filled by the thread that fills the exact spaces, read after it joined.
        /// What a pair seen for the first time adds (key, entry, three arrays).
        static let newPairBytes = 96

        var pairIDs: [UInt64: Int32] = [:]
        var words: [(first: Int32, second: Int32)] = []
        var postings: [TermPostings] = []

        func record(first: Int32, second: Int32, positions: [UInt32], id: UInt32, length: UInt32) -> Int {
            var added = 8 + 4 * positions.count
            let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
            let pairID: Int
            if let known = pairIDs[key] {
                pairID = Int(known)
            } else {
                pairID = words.count
                pairIDs[key] = Int32(pairID)
                words.append((first, second))
                postings.append(TermPostings())
                added += Self.newPairBytes
            }
            postings[pairID].append(id, positions: positions, length: length)
            return added
        }
    }

    private(set) var documents: [StoredDocument] = []
    /// Per document: first retrieval unit, unit count, title length.
    private(set) var firstUnit: [UInt32] = []
    private(set) var titleLengths: [UInt32] = []
    /// Per retrieval unit (passage): its document, its length, its heading length.
    private(set) var unitDocument: [UInt32] = []
    private(set) var unitOrdinalInDocument: [UInt32] = []
    private(set) var unitLengths: [UInt32] = []
    private(set) var unitHeadingLengths: [UInt32] = []
    /// Indexed by `TermSpace.rawValue - 1`.
    let spaces = TermSpace.allCases.map { _ in Space() }
    let pairs = PairSpace()

    /// A rough count of the memory held, for the flush decision: array payloads plus a
    /// fixed overhead per term and per document.
    private(set) var estimatedBytes = 0

    var documentCount: Int { documents.count }
    var unitCount: Int { unitLengths.count }
    var isEmpty: Bool { documents.isEmpty }

    func add(_ document: AnalyzedDocument) {
        add(contentsOf: [document])
    }

    /// Adds documents in order. The passage and document bookkeeping is done first; then
    /// the stem spaces and the exact spaces are filled on two threads at once, since the
    /// dictionary lookups are the writer's main cost and the spaces share nothing.
    func add(contentsOf batch: [AnalyzedDocument]) {
        var unitStarts: [UInt32] = []
        let firstDocument = UInt32(documents.count)
        for document in batch {
            let documentOrdinal = UInt32(documents.count)
            documents.append(document.stored)
            unitStarts.append(UInt32(unitLengths.count))
            firstUnit.append(UInt32(unitLengths.count))
            titleLengths.append(document.title.length)
            estimatedBytes += 512 + document.stored.passages.reduce(0) { $0 + $1.text.utf8.count + 64 }
            for (ordinal, unit) in document.units.enumerated() {
                unitDocument.append(documentOrdinal)
                unitOrdinalInDocument.append(UInt32(ordinal))
                unitLengths.append(unit.length)
                unitHeadingLengths.append(unit.headingLength)
                estimatedBytes += 16
            }
        }
        let firstUnits = unitStarts
        let added = UnsafeSendableCounters(count: 2)
        let spaces = self.spaces
        let pairs = self.pairs
        // Thread 0 fills the stem spaces, thread 1 the exact spaces.
        let fill: @Sendable (Int) -> Void = { which in
            let exact = which == 1
            let body = spaces[Int((exact ? TermSpace.bodyExact : .bodyStem).rawValue) - 1]
            let title = spaces[Int((exact ? TermSpace.titleExact : .titleStem).rawValue) - 1]
            var bytes = 0
            for (index, document) in batch.enumerated() {
                for group in exact ? document.title.exacts : document.title.stems {
                    bytes += title.record(group, id: firstDocument + UInt32(index), length: document.title.length)
                }
                for (ordinal, unit) in document.units.enumerated() {
                    let id = firstUnits[index] + UInt32(ordinal)
                    if !exact || unit.pairs.isEmpty {
                        for group in exact ? unit.exacts : unit.stems { bytes += body.record(group, id: id, length: unit.length) }
                        continue
                    }
                    // The field's exact groups in order, remembering their term ids for the pairs.
                    var termIDs = [Int32](repeating: 0, count: unit.exacts.count)
                    termIDs.withUnsafeMutableBufferPointer { termIDs in
                        for (groupIndex, group) in unit.exacts.enumerated() {
                            bytes += body.record(group, id: id, length: unit.length, termID: termIDs.baseAddress! + groupIndex)
                        }
                    }
                    for pair in unit.pairs {
                        bytes += pairs.record(
                            first: termIDs[Int(pair.first)], second: termIDs[Int(pair.second)], positions: pair.positions, id: id, length: unit.length)
                    }
                }
            }
            added.set(which, bytes)
        }
        if batch.count >= 4 {
            DispatchQueue.concurrentPerform(iterations: 2, execute: fill)
        } else {
            fill(0)
            fill(1)
        }
        estimatedBytes += added.total
    }
}

/// Per-thread byte counts of ``SegmentBuilder/add(contentsOf:)``: each thread writes only
/// its own slot, and the total is read after all have finished.
private final class UnsafeSendableCounters: @unchecked Sendable {
    private var values: [Int]

    init(count: Int) { values = Array(repeating: 0, count: count) }

    func set(_ index: Int, _ value: Int) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var total: Int { values.reduce(0, +) }
}
