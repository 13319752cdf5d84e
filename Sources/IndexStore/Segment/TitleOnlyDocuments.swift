/// Counts the documents that have a word in their title and in none of their passages
/// (``TermInfo/titleOnlyDocuments``). A one-word query counts each as one matching
/// passage; storing the number spares the query a look-up in the body's postings for every
/// title match, a large part of a common word's search.
enum TitleOnlyDocuments {
    /// The title term's documents (ascending) that `isIncluded`, have at least one passage
    /// (`passages(document)`), and have no body posting inside those passages.
    /// `firstBodyPassage(atOrAfter:)` moves forward through the body term's passages (a
    /// cursor's seek, or a search of an in-memory list); it is asked with ascending ids.
    static func count<Failure: Error>(
        titleDocuments: some Sequence<UInt32>, passages: (Int) -> Range<UInt32>, isIncluded: (Int) -> Bool = { _ in true },
        firstBodyPassage: (_ atOrAfter: UInt32) throws(Failure) -> UInt32
    ) throws(Failure) -> UInt32 {
        var count: UInt32 = 0
        for document in titleDocuments.lazy.map(Int.init) where isIncluded(document) {
            let range = passages(document)
            guard !range.isEmpty else { continue }
            if try firstBodyPassage(range.lowerBound) >= range.upperBound { count += 1 }
        }
        return count
    }

    /// The title term's documents with a cursor over the body term's postings (nil when the
    /// segment lacks the body term): the merge's and `check`'s way.
    static func count(
        title: PostingsCursor, body: PostingsCursor?, passages: (Int) -> Range<UInt32>, isIncluded: (Int) -> Bool = { _ in true }
    ) throws(IndexCorruption) -> UInt32 {
        var title = title, body = body
        var documents: [UInt32] = []
        documents.reserveCapacity(title.documentFrequency)
        while title.current != PostingsCursor.exhausted {
            documents.append(title.current)
            try title.advance()
        }
        return try count(titleDocuments: documents, passages: passages, isIncluded: isIncluded) { (passage) throws(IndexCorruption) in
            try body?.seek(passage) ?? PostingsCursor.exhausted
        }
    }

    /// The body term's space for a title space: stem for stem, exact for exact.
    static func bodySpace(of title: TermSpace) -> TermSpace { title == .titleStem ? .bodyStem : .bodyExact }
}
