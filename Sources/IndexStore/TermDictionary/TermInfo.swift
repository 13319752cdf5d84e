/// What the dictionary knows of one term in one segment.
public struct TermInfo: Sendable, Equatable {
    /// Passages (body spaces) or documents (title spaces) containing the term.
    public var documentFrequency: UInt32
    /// Where the term's postings and positions start, relative to the file bodies.
    public var postingsOffset: UInt64
    public var positionsOffset: UInt64
    /// The highest frequency and the shortest length among its postings: together they
    /// bound the term's best BM25 score in this segment (MaxScore).
    public var maximumFrequency: UInt32
    public var minimumLength: UInt32
}
