/// The best `capacity` documents seen so far by their best passage's score, in a min-heap
/// so the weakest is at hand: its score is the threshold MaxScore must beat.
///
/// Order: higher score first, then earlier (segment, document). Ties are decided by that
/// order, so the result does not depend on what the ranking was able to skip: documents
/// arrive in ascending order, and a later document tying the weakest loses to it.
struct TopDocuments {
    struct Entry {
        var score: Float
        var segment: Int
        var document: UInt32
        /// The passage that scored `score`, when the ranking knows it is the document's
        /// best (the single-term walk, ``MaxScoreRanker``): the page then needs no second
        /// look at the document's passages. ``Matcher/exhausted`` when unknown.
        var passage: UInt32 = Matcher.exhausted

        /// Whether `self` ranks before `other`.
        func ranks(before other: Entry) -> Bool {
            if score != other.score { return score > other.score }
            return (segment, document) < (other.segment, other.document)
        }
    }

    let capacity: Int
    private(set) var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        entries.reserveCapacity(self.capacity)
    }

    /// What a document must score to get in: −∞ until the heap is full.
    var threshold: Float { entries.count < capacity ? -.infinity : entries[0].score }

    /// Inlined up to the check most offers fail once the heap is full: a ranking offers
    /// every document it meets, and a call for each would cost more than the check.
    @inline(__always)
    mutating func offer(_ entry: Entry) {
        if entries.count == capacity, !entry.ranks(before: entries[0]) { return }
        insert(entry)
    }

    @inline(never)
    private mutating func insert(_ entry: Entry) {
        if entries.count < capacity {
            entries.append(entry)
            var index = entries.count - 1
            while index > 0 {
                let parent = (index - 1) / 2
                guard entries[parent].ranks(before: entries[index]) else { break }
                entries.swapAt(parent, index)
                index = parent
            }
        } else if entry.ranks(before: entries[0]) {
            entries[0] = entry
            siftDown()
        }
    }

    private mutating func siftDown() {
        var index = 0
        while true {
            let left = 2 * index + 1, right = left + 1
            var weakest = index
            if left < entries.count, entries[weakest].ranks(before: entries[left]) { weakest = left }
            if right < entries.count, entries[weakest].ranks(before: entries[right]) { weakest = right }
            if weakest == index { return }
            entries.swapAt(index, weakest)
            index = weakest
        }
    }
}
