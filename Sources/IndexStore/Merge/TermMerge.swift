/// The union of several segments' dictionaries in key order: each step gives the next key
/// and, per source, its entry for the key or nil. A k-way merge over the sources' sorted
/// term lists; the number of sources is small (a merge factor), so the smallest head is
/// found by a scan.
struct TermMerge {
    private var lists: [TermDictionaryReader.Terms]
    private var heads: [([UInt8], TermInfo)?]

    init(_ sources: [IndexSnapshot.Segment]) throws(IndexCorruption) {
        lists = sources.map { $0.reader.dictionary.terms }
        heads = []
        for index in lists.indices { heads.append(try lists[index].next()) }
    }

    mutating func next() throws(IndexCorruption) -> (key: [UInt8], holders: [TermInfo?])? {
        var smallest: [UInt8]?
        for head in heads {
            guard let key = head?.0 else { continue }
            if smallest.map({ TermDictionaryReader.precedes(key, $0) }) ?? true { smallest = key }
        }
        guard let key = smallest else { return nil }
        var holders: [TermInfo?] = Array(repeating: nil, count: heads.count)
        for index in heads.indices where heads[index]?.0 == key {
            holders[index] = heads[index]!.1
            heads[index] = try lists[index].next()
        }
        return (key, holders)
    }
}
