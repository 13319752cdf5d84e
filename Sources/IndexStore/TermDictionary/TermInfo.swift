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
    /// Documents with the term: the distinct documents of its passages (body spaces), the
    /// documents themselves (title spaces). Nil in segments older than format 3. With it a
    /// one-word query knows how many documents match without walking the postings.
    public var documentCount: UInt32? = nil
    /// Title spaces (format 5 on): the documents that have the term in their title and in
    /// none of their passages (the same space's body form, stem for stem, exact for
    /// exact), counting only documents with at least one passage. They count towards a
    /// one-word query's `total` as a passage each; with the number stored, the query need
    /// not look every title match up in the body's postings to find them. Nil in body
    /// spaces and older segments.
    public var titleOnlyDocuments: UInt32? = nil
    /// Every id in the term's postings is below this: the segment's unit count (body
    /// spaces) or document count (title spaces). Not stored: the dictionary reader sets it
    /// from the key's space, and the cursor refuses a larger id as damage, so that a
    /// scorer indexing its arrays with ids from unchecked files can never trap.
    var idLimit: UInt32 = PostingsCursor.exhausted
}
