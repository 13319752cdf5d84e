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
    }

    struct Space {
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [TermPostings] = []
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
    private(set) var spaces = Array(repeating: Space(), count: TermSpace.allCases.count)

    /// A rough count of the memory held, for the flush decision: array payloads plus a
    /// fixed overhead per term and per document.
    private(set) var estimatedBytes = 0

    var documentCount: Int { documents.count }
    var unitCount: Int { unitLengths.count }
    var isEmpty: Bool { documents.isEmpty }

    func add(_ document: AnalyzedDocument) {
        let documentOrdinal = UInt32(documents.count)
        documents.append(document.stored)
        firstUnit.append(UInt32(unitLengths.count))
        titleLengths.append(document.title.length)
        estimatedBytes += 512 + document.stored.passages.reduce(0) { $0 + $1.text.utf8.count + 64 }
        add(document.title, id: documentOrdinal, stem: .titleStem, exact: .titleExact)
        for (ordinal, unit) in document.units.enumerated() {
            let unitID = UInt32(unitLengths.count)
            unitDocument.append(documentOrdinal)
            unitOrdinalInDocument.append(UInt32(ordinal))
            unitLengths.append(unit.length)
            unitHeadingLengths.append(unit.headingLength)
            estimatedBytes += 16
            add(unit, id: unitID, stem: .bodyStem, exact: .bodyExact)
        }
    }

    private func add(_ field: AnalyzedField, id: UInt32, stem: TermSpace, exact: TermSpace) {
        for group in field.stems { record(group, space: stem, id: id, length: field.length) }
        for group in field.exacts { record(group, space: exact, id: id, length: field.length) }
    }

    /// One distinct term of one passage (or title): ids arrive in increasing order, since
    /// documents and their passages are added in order.
    private func record(_ group: AnalyzedField.Group, space: TermSpace, id: UInt32, length: UInt32) {
        let spaceIndex = Int(space.rawValue) - 1
        let termID: Int
        if let known = spaces[spaceIndex].termIDs[group.term] {
            termID = Int(known)
        } else {
            termID = spaces[spaceIndex].terms.count
            spaces[spaceIndex].termIDs[group.term] = Int32(termID)
            spaces[spaceIndex].terms.append(group.term)
            spaces[spaceIndex].postings.append(TermPostings())
            estimatedBytes += 160 + group.term.utf8.count
        }
        spaces[spaceIndex].postings[termID].ids.append(id)
        spaces[spaceIndex].postings[termID].frequencies.append(UInt32(group.positions.count))
        spaces[spaceIndex].postings[termID].positions.append(contentsOf: group.positions)
        if length < spaces[spaceIndex].postings[termID].minimumLength {
            spaces[spaceIndex].postings[termID].minimumLength = length
        }
        estimatedBytes += 8 + 4 * group.positions.count
    }
}
