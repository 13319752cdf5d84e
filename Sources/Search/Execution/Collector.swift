/// One matching passage with its score.
struct Candidate {
    var segment: Int
    var passage: UInt32
    var document: UInt32
    var score: Float

    /// Adds this passage to a document's best `limit` passages (candidates arriving in
    /// passage order: an earlier passage wins a tie).
    func keep(in kept: inout [Candidate], atMost limit: Int) {
        if kept.count < limit {
            kept.append(self)
        } else if let weakest = kept.indices.min(by: { kept[$0].score < kept[$1].score }), kept[weakest].score < score {
            kept[weakest] = self
        }
    }
}

/// Counts every match and keeps, per document, its best passages.
struct Collector {
    struct Group {
        var segment: Int
        var document: UInt32
        var best: Float
        var passages: [Candidate]
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
            collected.append(Group(segment: candidate.segment, document: candidate.document, best: candidate.score, passages: [candidate]))
            return
        }
        collected[index].best = max(collected[index].best, candidate.score)
        candidate.keep(in: &collected[index].passages, atMost: perDocument)
    }

    func groups() -> [Group] { collected }
}
