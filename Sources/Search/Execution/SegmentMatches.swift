import IndexStore

/// The counting pass over one segment: which documents match the query and how many of
/// their passages (exactly, or up to a count limit), without scoring anything but
/// recorded clauses.
///
/// Each scoring unit is walked on its own (no merging), setting the bits of the passages
/// it matches in its clause's bitmap (``ClauseBitmaps``); title versions of the clauses
/// set the clause's bit of the document (the same kind of bitmap, over documents). Under a
/// selective filter only the remaining documents are read (``AcceptedRanges``). A
/// document matches when it passes the filters, has every required clause (in a passage
/// or its title), meets the title constraints and has no excluded clause. Its matching
/// passages are those some clause matches; a document matched through its title alone
/// counts one passage (its first), as the ranking shows it by that passage.
///
/// Terms are only counted here (a block-decoding loop, no call per posting); other units
/// (phrases, prefixes) are matched and scored once and recorded, so ranking replays them
/// instead of reading positions again.
///
/// With a count limit the pass goes through the segment in windows of passages (aligned
/// to documents, doubling in size), and stops after the window in which the count reached
/// the limit: the documents before ``decidedDocuments`` are decided, the others are left
/// to the ranking, which asks ``EligibilityProbe`` about those it would offer. A query
/// with 300 k matches then reads the part of its lists that counting 10,000 needs, and
/// the ranking skips the rest by its bounds.
struct SegmentMatches {
    /// Per document: matches the whole query. Past ``decidedDocuments`` only what the
    /// filters, constraints and exclusions decide (the required clauses are not checked);
    /// everywhere, when ``ConjunctionWalk`` counted and ranked the segment.
    private(set) var eligible: [Bool]
    /// Documents `0 ..< decidedDocuments` are decided; all of them unless counting stopped
    /// at the limit.
    private(set) var decidedDocuments: Int
    /// The first passage not counted (the first passage of document ``decidedDocuments``).
    private(set) var decidedPassages: UInt32
    /// Counting stopped at the limit: `total` and `documents` are lower bounds.
    var stoppedCounting: Bool { decidedDocuments < eligible.count }
    /// For documents past ``decidedDocuments``: whether they match the required clauses
    /// (nil when counting did not stop, or the query has one required clause, which every
    /// candidate of the ranking has).
    private(set) var probe: EligibilityProbe?
    /// Matching passages and documents (lower bounds when `complete` is false).
    private(set) var total = 0
    private(set) var documents = 0
    /// False when the deadline cut the pass: then fewer documents are eligible than should be.
    private(set) var complete = true
    /// Per scoring unit: nil for a term, else its recorded matches.
    private(set) var recordings: [ReplayMatcher.Recording?]
    /// Matching documents none of whose passages matches (the title did): ranking never
    /// meets them, so they are offered with score 0 (the title boost may lift them).
    private(set) var titleOnly: [UInt32] = []
    /// The documents counted, when ``ConjunctionWalk`` counted them (`eligible` then
    /// holds the filters' answer only); nil when `eligible` says.
    private var countedDocuments: [UInt32]?

    /// `countLimit`: the matching passages after which counting may stop (`.max`: count
    /// everything); `firstWindow`: the passages of the first window then.
    init(
        clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], factory: MatcherFactory,
        accepted: [Bool], countLimit: Int = .max, firstWindow: Int = SegmentMatches.firstWindow, deadline: inout DeadlineCheck
    ) throws {
        let entries = factory.segment.documents
        let unitRanges = factory.segment.unitRanges
        let passageCount = factory.segment.passages.count
        let passageDocuments = PassageDocuments(unitRanges)
        eligible = accepted
        decidedDocuments = entries.count
        decidedPassages = UInt32(passageCount)
        recordings = Array(repeating: nil, count: units.count)
        // Exclusions and title constraints first: cut short there, nothing is eligible,
        // rather than documents that should have been left out.
        for constraint in clauses.constraints {
            var found = Array(repeating: false, count: entries.count)
            guard try Self.markDocuments(of: factory.matcher(for: constraint), in: &found, deadline: &deadline) else { cutShort(); return }
            for index in eligible.indices where !found[index] { eligible[index] = false }
        }
        for clause in clauses.excluded {
            var found = Array(repeating: false, count: entries.count)
            var bitmap = ClauseBitmaps(clauses: 1, ids: passageCount)
            var marked = 0
            guard try Self.markPassages(of: factory.matcher(for: clause), below: .max, clause: 0, in: &bitmap, count: &marked, deadline: &deadline) else {
                cutShort()
                return
            }
            unitRanges.withUnsafeBufferPointer { ranges in
                bitmap.forEachDocument(matching: 0, ranges: ranges) { found[$0] = true }
            }
            if let title = MatcherFactory.titleVersion(of: clause) {
                guard try Self.markDocuments(of: factory.matcher(for: title), in: &found, deadline: &deadline) else { cutShort(); return }
            }
            for index in eligible.indices where found[index] { eligible[index] = false }
        }

        var bitmaps = ClauseBitmaps(clauses: clauses.required.count, ids: passageCount)
        // Per required clause, how many passages its units yielded (in the first window):
        // the rarest clause's documents are the candidates.
        var marked = Array(repeating: 0, count: clauses.required.count)
        // Under a selective filter a term is read only inside the documents left (nil when
        // they are too many for seeks to pay).
        let matchers = try units.map { try factory.matcher(for: $0.query) }
        let accepted = AcceptedRanges(accepted: eligible, unitRanges: unitRanges, postings: matchers.map(\.cost).max() ?? 0)
        // Where each unit's walk over the accepted ranges stands, between windows.
        var nextRange = Array(repeating: 0, count: units.count)
        var visitedAll = true

        // Clauses found in documents' titles, a bit per document and required clause: a
        // mask per document would be eight bytes of every document to zero on every search.
        var titles = ClauseBitmaps(clauses: clauses.required.count, ids: entries.count)
        var titleLists: [[UInt32]] = Array(repeating: [], count: clauses.required.count)
        for (index, clause) in clauses.required.enumerated() where visitedAll {
            guard let title = MatcherFactory.titleVersion(of: clause) else { continue }
            visitedAll = try factory.matcher(for: title).visitRemaining { documents in
                for document in documents where Int(document) < entries.count { titles.insert(document, clause: index) }
                return !deadline.expired(after: documents.count)
            }
            // Read back from the bitmap, ascending and once each, as the windows below take
            // them: a disjunction hands over its parts one after the other, and the bitmap
            // puts them in order without a set or a sort.
            titleLists[index] = titles.ids(inClause: index)
        }

        let required = clauses.required.count
        let all: UInt64 = required == 64 ? .max : (1 << UInt64(required)) - 1
        var matching = Array(repeating: false, count: entries.count)
        var total = 0, documents = 0
        var titleOnly: [UInt32] = []
        var driver = -1
        var nextDriverTitle = 0
        // Counting can stop only if the units may yield more passages than the limit (each
        // matching document counts its passages, or one for a title match): otherwise one
        // window, the whole segment. Else the first window is where the rarest clause's
        // postings, spread evenly, would reach the limit, at least `firstWindow`.
        let clauseCosts = (0 ..< clauses.required.count).map { clause in
            units.indices.reduce(0) { $0 + (units[$1].clause == clause ? matchers[$1].cost : 0) }
        }
        let mostPossible = matchers.reduce(0) { $0 + $1.cost } + titleLists.reduce(0) { $0 + $1.count }
        var window = passageCount
        if countLimit < mostPossible, let rarest = clauseCosts.min(), rarest > 0 {
            let even = Double(passageCount) * Double(countLimit) / Double(rarest)
            window = max(max(1, firstWindow), Int(min(even, Double(passageCount))))
        }
        var start = 0
        windows: while start < passageCount, visitedAll {
            // The window ends with a document, so that every document is counted whole.
            var end = min(passageCount, start + window)
            if end < passageCount {
                let document = passageDocuments[end - 1]
                end = Int(unitRanges[document].upperBound)
            }
            for (unitIndex, unit) in units.enumerated() where visitedAll {
                let matcher = matchers[unitIndex]
                if case .term = unit.query, let accepted, let term = matcher as? TermMatcher, accepted.worthSeeking(postings: term.cost) {
                    visitedAll = try Self.markPassages(
                        of: term, inside: accepted.ranges, from: &nextRange[unitIndex], below: UInt32(end), clause: unit.clause,
                        in: &bitmaps, count: &marked[unit.clause], deadline: &deadline)
                } else if case .term = unit.query {
                    visitedAll = try Self.markPassages(
                        of: matcher, below: UInt32(end), clause: unit.clause, in: &bitmaps, count: &marked[unit.clause], deadline: &deadline)
                } else {
                    let inside = accepted.flatMap { $0.worthSeeking(postings: matcher.cost) ? $0.ranges : nil }
                    // Taken out, so that appending does not copy what earlier windows recorded.
                    var recording = recordings[unitIndex] ?? ReplayMatcher.Recording()
                    recordings[unitIndex] = nil
                    let before = recording.ids.count
                    visitedAll = try Self.record(
                        matcher, inside: inside, from: &nextRange[unitIndex], below: UInt32(end), clause: unit.clause,
                        into: &recording, bitmaps: &bitmaps, deadline: &deadline)
                    marked[unit.clause] += recording.ids.count - before
                    recordings[unitIndex] = recording
                }
            }
            guard visitedAll else { break }
            if driver < 0 { driver = marked.indices.min { marked[$0] < marked[$1] } ?? 0 }
            let driverBit: UInt64 = 1 << UInt64(driver)

            // A matching document has the driver in a passage or in its title, so only
            // those documents are looked at.
            func consider(_ index: Int, present: UInt64, matched: Int) {
                let units = unitRanges[index]
                guard eligible[index], !matching[index], !units.isEmpty else { return }
                let mask = present | titles.clauses(of: UInt32(index))
                guard mask == all else { return }
                matching[index] = true
                if matched == 0 { titleOnly.append(UInt32(index)) }
                total += max(1, matched)
                documents += 1
            }
            unitRanges.withUnsafeBufferPointer { ranges in
                bitmaps.forEachDocument(matching: driver, ranges: ranges, from: UInt32(start), below: UInt32(end)) { index in
                    let (present, matched) = bitmaps.evaluate(ranges[index])
                    consider(index, present: present, matched: matched)
                }
            }
            // The driver's title list ascends: each window takes its part of it.
            while nextDriverTitle < titleLists[driver].count {
                let index = Int(titleLists[driver][nextDriverTitle])
                let units = unitRanges[index]
                guard units.isEmpty || units.lowerBound < UInt32(end) else { break }
                nextDriverTitle += 1
                guard !units.isEmpty, units.lowerBound >= UInt32(start) else { continue }
                let (present, matched) = bitmaps.evaluate(units)
                // Documents with the driver in a passage were considered above.
                if present & driverBit == 0 { consider(index, present: present, matched: matched) }
            }
            start = end
            if total >= countLimit, start < passageCount {
                decidedPassages = UInt32(start)
                decidedDocuments = passageDocuments.firstDocument(startingAtOrAfter: UInt32(start))
                break windows
            }
            window *= 2
        }
        complete = visitedAll
        titleOnly.sort()
        for index in 0 ..< decidedDocuments { eligible[index] = matching[index] }
        if stoppedCounting {
            probe = EligibilityProbe(
                clauses: clauses, units: units, factory: factory, eligible: eligible, titles: titles,
                titleLists: titleLists, driver: max(driver, 0), from: decidedDocuments)
        }
        self.total = total
        self.documents = documents
        self.titleOnly = titleOnly
    }

    /// A segment counted and ranked by ``ConjunctionWalk``: the documents before
    /// `count.decidedDocuments` are ranked already, the others (when counting stopped)
    /// are left to the ranking, which reads `accepted` for them and asks `probe`. No unit
    /// is recorded, and the counted documents are `count.matched`.
    init(walked count: ConjunctionWalk.Count, units: Int, accepted: [Bool], probe: EligibilityProbe?) {
        eligible = accepted
        decidedDocuments = count.decidedDocuments
        decidedPassages = count.decidedPassages
        self.probe = probe
        total = count.total
        documents = count.documents
        complete = count.complete
        recordings = Array(repeating: nil, count: units)
        countedDocuments = count.matched
    }

    /// Calls `body` with each document the counts include, ascending.
    func forEachCountedDocument(_ body: (Int) -> Void) {
        if let countedDocuments {
            for document in countedDocuments { body(Int(document)) }
            return
        }
        eligible.withUnsafeBufferPointer { eligible in
            for document in 0 ..< min(decidedDocuments, eligible.count) where eligible[document] { body(document) }
        }
    }

    /// Passages in the first window when counting may stop; windows double after it.
    static let firstWindow = 1 << 14


    /// Sets `clause`'s bit of every passage `matcher` (a term: blocks in ascending order)
    /// yields below `end`, adding their number to `count`; false when the deadline cut it
    /// short. The last block read may reach past `end`: its bits are set too, and are
    /// right, and the matcher stands after it.
    private static func markPassages(
        of matcher: Matcher, below end: UInt32, clause: Int, in bitmaps: inout ClauseBitmaps, count: inout Int,
        deadline: inout DeadlineCheck
    ) throws -> Bool {
        guard matcher.current < end else { return true }
        var expired = false
        try matcher.visitRemaining { passages in
            bitmaps.insert(contentsOf: passages, clause: clause)
            count += passages.count
            expired = deadline.expired(after: passages.count)
            return !expired && passages.last.map { $0 + 1 < end } ?? true
        }
        return !expired
    }

    /// Sets `clause`'s bit of the passages `term` has inside `ranges` (ascending,
    /// disjoint) below `end`, from range `next` on, seeking from one range to the next: the
    /// blocks between them are not decoded. Leaves `next` at the first range not done;
    /// adds the passages to `count`; false when the deadline cut it short.
    private static func markPassages(
        of term: TermMatcher, inside ranges: [Range<UInt32>], from next: inout Int, below end: UInt32, clause: Int,
        in bitmaps: inout ClauseBitmaps, count: inout Int, deadline: inout DeadlineCheck
    ) throws -> Bool {
        while next < ranges.count, ranges[next].lowerBound < end {
            let range = ranges[next]
            next += 1
            var passage = try term.seek(range.lowerBound)
            if passage == Matcher.exhausted {
                next = ranges.count
                break
            }
            var found = 0
            while passage < range.upperBound {
                bitmaps.insert(passage, clause: clause)
                found += 1
                passage = try term.advance()
            }
            count += found
            if deadline.expired(after: 1 + found) { return false }
        }
        return true
    }

    /// Matches and scores a unit that is not a single term (a phrase, a prefix) below
    /// `end`, appending to `recording` for the ranking to replay and setting `clause`'s bit
    /// of each passage it matches; false when the deadline cut it short. The matcher is
    /// left on its first match at or past `end`, for the next window.
    ///
    /// With `ranges` (a selective filter's documents), only the matches inside them are
    /// looked for and recorded, seeking from one range to the next (from range `next`
    /// on): the ranking and the page never ask about the others.
    private static func record(
        _ matcher: Matcher, inside ranges: [Range<UInt32>]?, from next: inout Int, below end: UInt32, clause: Int,
        into recording: inout ReplayMatcher.Recording, bitmaps: inout ClauseBitmaps, deadline: inout DeadlineCheck
    ) throws -> Bool {
        guard let ranges else {
            var passage = matcher.current
            while passage < end {
                recording.append(passage, try matcher.score())
                bitmaps.insert(passage, clause: clause)
                if deadline.expired() { return false }
                passage = try matcher.advance()
            }
            return true
        }
        while next < ranges.count, ranges[next].lowerBound < end {
            let range = ranges[next]
            next += 1
            var passage = try matcher.seek(range.lowerBound)
            while passage < range.upperBound {
                recording.append(passage, try matcher.score())
                bitmaps.insert(passage, clause: clause)
                if deadline.expired() { return false }
                passage = try matcher.advance()
            }
            if passage == Matcher.exhausted {
                next = ranges.count
                break
            }
        }
        return true
    }

    /// Marks the documents a title or filter matcher yields; false when cut short.
    private static func markDocuments(of matcher: Matcher, in found: inout [Bool], deadline: inout DeadlineCheck) throws -> Bool {
        try matcher.visitRemaining { documents in
            for document in documents where Int(document) < found.count { found[Int(document)] = true }
            return !deadline.expired(after: documents.count)
        }
    }

    private mutating func cutShort() {
        complete = false
        titleOnly = []
        for index in eligible.indices { eligible[index] = false }
    }
}
