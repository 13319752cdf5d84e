import Analysis

/// The terms of one field occurrence (a title, or one retrieval unit with its heading),
/// in position order, as the analyzer made them.
struct AnalyzedField: Sendable {
    var stems: [String] = []
    var exacts: [String] = []
    var positions: [UInt32] = []
    /// Positions the field spans (its BM25 length).
    var length: UInt32 = 0
    /// Positions below this belong to the heading (a match there earns the heading boost).
    var headingLength: UInt32 = 0

    mutating func append(_ tokens: [Token], offset: UInt32) {
        for token in tokens {
            stems.append(token.stem)
            exacts.append(token.exact)
            positions.append(token.position + offset)
            length = max(length, token.position + offset + 1)
        }
    }
}

/// A document and its terms: what the indexer's worker threads hand to the one writer.
public struct AnalyzedDocument: Sendable {
    public let stored: StoredDocument
    let title: AnalyzedField
    /// One per retrieval unit (``StoredDocument/retrievalUnits``).
    let units: [AnalyzedField]

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
        self.title = title
        var units: [AnalyzedField] = []
        for unit in stored.retrievalUnits {
            var field = AnalyzedField()
            if let heading = unit.heading {
                field.append(try analyzer.analyze(heading), offset: 0)
                field.headingLength = field.length
            }
            let textOffset = field.length == 0 ? 0 : field.length + 1
            field.append(try analyzer.analyze(unit.text), offset: textOffset)
            units.append(field)
        }
        self.units = units
    }
}
