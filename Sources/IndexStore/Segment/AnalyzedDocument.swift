import Analysis

/// The terms of one field occurrence (a title, or one retrieval unit with its heading),
/// grouped by term: each distinct term with its positions, ascending and without repeats.
///
/// The grouping is done here, on the worker threads that analyse, so that the one writer
/// thread does one dictionary lookup per distinct term per passage instead of one per token.
struct AnalyzedField: Sendable {
    struct Group: Sendable {
        var term: String
        var positions: [UInt32]
    }

    /// Two adjacent exact forms with a stop word among them (``StopWordPair``), by their
    /// indices in ``exacts``: the writer keys pairs by its own term ids, and builds the
    /// pair's text only for the pairs it keeps.
    struct PairGroup: Sendable {
        var first: Int32
        var second: Int32
        var positions: [UInt32]
    }

    private(set) var stems: [Group] = []
    private(set) var exacts: [Group] = []
    private(set) var pairs: [PairGroup] = []
    private var stemIndex: [String: Int] = [:]
    private var exactIndex: [String: Int] = [:]
    private var pairIndex: [UInt64: Int] = [:]
    /// Positions the field spans (its BM25 length).
    var length: UInt32 = 0
    /// Positions below this belong to the heading (a match there earns the heading boost).
    var headingLength: UInt32 = 0

    /// Adds the terms of `tokens`, shifted by `offset`. With `pairs`, every two adjacent
    /// exact forms of which at least one is a stop word are also added as one exact term
    /// (``StopWordPair``) at the first one's position.
    mutating func append(_ tokens: [Token], offset: UInt32, pairs: Bool = false) {
        // Tokens come in position order, sometimes several at one position (`ouder(s)`);
        // the tokens at the position before the current one are the pairs' first words.
        var currentPosition = UInt32.max
        var atCurrent: [Token] = []
        var atPrevious: [Token] = []
        for token in tokens {
            let position = token.position + offset
            Self.add(token.stem, position, to: &stems, index: &stemIndex)
            Self.add(token.exact, position, to: &exacts, index: &exactIndex)
            length = max(length, position + 1)
            guard pairs else { continue }
            if token.position != currentPosition {
                atPrevious = currentPosition != .max && token.position == currentPosition + 1 ? atCurrent : []
                atCurrent.removeAll(keepingCapacity: true)
                currentPosition = token.position
            }
            // The stop test is on the exact forms, exactly as a query asks for pairs (a
            // token's stop flag is not: `VAN` in capitals is flagged as an acronym).
            for first in atPrevious where StopWordPair.isIndexed(first.exact, token.exact) {
                addPair(exactIndex[first.exact]!, exactIndex[token.exact]!, at: position - 1)
            }
            atCurrent.append(token)
        }
    }

    /// Drops the lookup tables once the field is complete: the writer needs only the groups.
    mutating func finish() {
        stemIndex = [:]
        exactIndex = [:]
        pairIndex = [:]
    }

    private mutating func addPair(_ first: Int, _ second: Int, at position: UInt32) {
        let key = UInt64(first) << 32 | UInt64(second)
        if let existing = pairIndex[key] {
            if pairs[existing].positions.last != position { pairs[existing].positions.append(position) }
        } else {
            pairIndex[key] = pairs.count
            pairs.append(PairGroup(first: Int32(first), second: Int32(second), positions: [position]))
        }
    }

    private static func add(_ term: String, _ position: UInt32, to groups: inout [Group], index: inout [String: Int]) {
        if let existing = index[term] {
            // The same term twice at one position (`ouder(s)` gives `ouders` and `ouder`,
            // both stemming to `ouder`) counts once; tokens arrive in position order.
            if groups[existing].positions.last != position { groups[existing].positions.append(position) }
        } else {
            index[term] = groups.count
            groups.append(Group(term: term, positions: [position]))
        }
    }
}

/// A document and its terms: what the indexer's worker threads hand to the one writer.
public struct AnalyzedDocument: Sendable {
    public let stored: StoredDocument
    let title: AnalyzedField
    /// One per retrieval unit (``StoredDocument/retrievalUnits``).
    let units: [AnalyzedField]

    /// At most what adding this document costs a ``SegmentBuilder`` (each distinct term
    /// counted as if new): lets the writer cut a batch where the RAM budget is reached.
    var estimatedBytes: Int {
        var bytes = 512 + stored.passages.reduce(0) { $0 + $1.text.utf8.count + 64 }
        for field in units + [title] {
            bytes += 16
            for group in field.stems + field.exacts { bytes += 168 + group.term.utf8.count + 4 * group.positions.count }
            for pair in field.pairs { bytes += SegmentBuilder.PairSpace.newPairBytes + 4 * pair.positions.count }
        }
        return bytes
    }

    init(stored: StoredDocument, title: AnalyzedField, units: [AnalyzedField]) {
        self.stored = stored
        self.title = title
        self.units = units
    }

    /// Analyses the title and every retrieval unit. A heading's terms come first in its
    /// unit, followed by a one-position gap so that no phrase runs from heading into text.
    public init(_ stored: StoredDocument, analyzer: Analyzer) throws {
        self.stored = stored
        var title = AnalyzedField()
        if let text = stored.title { title.append(try analyzer.analyze(text), offset: 0) }
        title.finish()
        self.title = title
        var units: [AnalyzedField] = []
        for unit in stored.retrievalUnits {
            var field = AnalyzedField()
            if let heading = unit.heading {
                field.append(try analyzer.analyze(heading), offset: 0, pairs: true)
                field.headingLength = field.length
            }
            let textOffset = field.length == 0 ? 0 : field.length + 1
            field.append(try analyzer.analyze(unit.text), offset: textOffset, pairs: true)
            field.finish()
            units.append(field)
        }
        self.units = units
    }
}
