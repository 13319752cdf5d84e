import IndexStore

/// Turns a matcher over documents (title spaces, filters) into one over their passages:
/// every passage of a matching document matches, with the document's score.
///
/// A document's passages are the contiguous range the document table gives, so the
/// passage ids come out ascending as the document ids do.
final class DocumentToPassageMatcher: Matcher {
    private let documents: Matcher
    private let unitRanges: [Range<UInt32>]
    private let passageDocuments: PassageDocuments
    private var end: UInt32 = 0
    private var documentScore: Float = 0
    private let weight: Float

    init(_ documents: Matcher, unitRanges: [Range<UInt32>], passageDocuments: PassageDocuments, weight: Float) throws {
        self.documents = documents
        self.unitRanges = unitRanges
        self.passageDocuments = passageDocuments
        self.weight = weight
        super.init()
        try enterDocument()
    }

    override var cost: Int { documents.cost * 8 }

    /// Stands on the first passage of the current document (skipping empty documents).
    private func enterDocument() throws {
        while documents.current != Matcher.exhausted {
            let units = unitRanges[Int(documents.current)]
            if !units.isEmpty {
                current = units.lowerBound
                end = units.upperBound
                documentScore = try documents.score() * weight
                return
            }
            try documents.advance()
        }
        current = Matcher.exhausted
    }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        if current + 1 < end {
            current += 1
            return current
        }
        try documents.advance()
        try enterDocument()
        return current
    }

    override func seek(_ target: UInt32) throws -> UInt32 {
        guard current < target else { return current }
        if target < end {
            current = target
            return current
        }
        guard Int(target) < passageDocuments.count else {
            current = Matcher.exhausted
            return current
        }
        let document = passageDocuments[Int(target)]
        try documents.seek(UInt32(document))
        try enterDocument()
        if current != Matcher.exhausted, current < target { current = target }
        return current
    }

    override func score() throws -> Float { documentScore }

    override var maximumScore: Float { weight == 0 ? 0 : documents.maximumScore * weight }
}

/// The documents passing a filter, in order.
final class FilteredDocumentMatcher: Matcher {
    private let accepted: [Bool]

    /// `accepted`: per document, passes the filter (``FilterColumns/documents(passing:)``).
    init(accepted: [Bool]) {
        self.accepted = accepted
        super.init()
        current = UInt32(accepted.firstIndex(of: true) ?? Int(Matcher.exhausted))
    }

    override var cost: Int { accepted.count }

    override var maximumScore: Float { 0 }

    override func advance() throws -> UInt32 {
        guard current != Matcher.exhausted else { return current }
        var next = Int(current) + 1
        while next < accepted.count, !accepted[next] { next += 1 }
        current = next < accepted.count ? UInt32(next) : Matcher.exhausted
        return current
    }
}
