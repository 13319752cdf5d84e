/// One matching passage with its score.
struct Candidate {
    var segment: Int
    var passage: UInt32
    var document: UInt32
    var score: Float

    /// Adds this passage to a document's best `limit` passages (candidates arriving in
    /// passage order: an earlier passage wins a tie).
    func keep(in kept: inout KeptPassages, atMost limit: Int) {
        if kept.count < limit {
            kept.append(self)
        } else if let weakest = kept.indices.min(by: { kept[$0].score < kept[$1].score }), kept[weakest].score < score {
            kept[weakest] = self
        }
    }
}

/// A document's kept passages: the first inline, the others in an array only when a page
/// shows more than one per document, so that a page of one passage per document makes
/// no array per document.
struct KeptPassages: RandomAccessCollection, MutableCollection {
    private var first: Candidate?
    private var rest: [Candidate] = []

    init() {}

    init(_ candidate: Candidate) { first = candidate }

    var startIndex: Int { 0 }
    var endIndex: Int { first == nil ? 0 : 1 + rest.count }

    subscript(position: Int) -> Candidate {
        get { position == 0 ? first! : rest[position - 1] }
        set {
            if position == 0 { first = newValue } else { rest[position - 1] = newValue }
        }
    }

    mutating func append(_ candidate: Candidate) {
        if first == nil { first = candidate } else { rest.append(candidate) }
    }

    /// The best score kept (−∞ when none is).
    var bestScore: Float {
        var best = -Float.infinity
        for candidate in self { best = Swift.max(best, candidate.score) }
        return best
    }
}

/// Counts every match and keeps, per document, its best passages.
struct Collector {
    struct Group {
        var segment: Int
        var document: UInt32
        var best: Float
        var passages: KeptPassages
    }

    let perDocument: Int
    private(set) var total = 0
    private var groupIndex: [Int: Int] = [:]
    private var collected: [Group] = []

    init(perDocument: Int) { self.perDocument = perDocument }

    mutating func add(_ candidate: Candidate) {
        total += 1
        let key = candidate.segment << 32 | Int(candidate.document)
        guard let index = groupIndex[key] else {
            groupIndex[key] = collected.count
            collected.append(Group(segment: candidate.segment, document: candidate.document, best: candidate.score, passages: KeptPassages(candidate)))
            return
        }
        collected[index].best = max(collected[index].best, candidate.score)
        candidate.keep(in: &collected[index].passages, atMost: perDocument)
    }

    func groups() -> [Group] { collected }
}
