/// Chooses merges so that the number of segments stays logarithmic in the number of
/// documents: segments fall into tiers by size (powers of the merge factor), and a tier
/// holding `mergeFactor` segments is merged into one segment of the next tier (as
/// Lucene's tiered and log-byte-size policies do, simplified). A segment more than half
/// deleted is rewritten on its own to reclaim the space.
enum MergePolicy {
    /// Groups of segment indices to merge, each sorted, no index in two groups.
    static func findMerges(_ segments: [SegmentCommit], mergeFactor: Int) -> [[Int]] {
        guard mergeFactor >= 2 else { return [] }
        var merges: [[Int]] = []
        var used = Set<Int>()
        var tiers: [Int: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            let live = segment.documentCount - segment.deletedCount
            if segment.documentCount > 0, segment.deletedCount * 2 > segment.documentCount {
                merges.append([index])
                used.insert(index)
                continue
            }
            tiers[tier(of: live, factor: mergeFactor), default: []].append(index)
        }
        for tier in tiers.keys.sorted() {
            let members = tiers[tier]!.filter { !used.contains($0) }
            var start = 0
            while members.count - start >= mergeFactor {
                let group = Array(members[start ..< start + mergeFactor])
                merges.append(group.sorted())
                used.formUnion(group)
                start += mergeFactor
            }
        }
        return merges
    }

    static func tier(of liveDocuments: Int, factor: Int) -> Int {
        var tier = 0
        var bound = factor
        while liveDocuments >= bound, tier < 20 {
            tier += 1
            // A bound past Int.max (a huge merge factor, or a 20th power) holds everything:
            // stop there instead of trapping on the overflow.
            let (next, overflow) = bound.multipliedReportingOverflow(by: factor)
            if overflow { break }
            bound = next
        }
        return tier
    }
}
