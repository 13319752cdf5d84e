import IndexStore

/// The counting pass over one segment: which documents match the query and how many of
/// their passages, exactly, without scoring anything but recorded clauses.
///
/// Each scoring unit is walked on its own (no merging), setting the bits of the passages
/// it matches in its clause's bitmap (``ClauseBitmaps``); title versions of the clauses
/// set the clause's bit of the document (the same kind of bitmap, over documents). Under a
/// selective filter only the remaining documents are read (``AcceptedRanges``). A
/// document matches when it passes the
/// filters, has every required clause (in a passage or its title), meets the title
/// constraints and has no excluded clause. Its matching passages are those some clause
/// matches; a document matched through its title alone counts one passage (its first),
/// as the ranking shows it by that passage.
///
/// Terms are only counted here (a block-decoding loop, no call per posting); other units
/// (phrases, prefixes) are matched and scored once and recorded, so ranking replays them
/// instead of reading positions again.
struct SegmentMatches {
    /// Per document: matches the whole query.
    private(set) var eligible: [Bool]
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

    init(
        clauses: TopLevelClauses, units: [(clause: Int, query: PlannedQuery)], factory: MatcherFactory,
        accepted: [Bool], deadline: inout DeadlineCheck
    ) throws {
        let entries = factory.segment.documents
        let unitRanges = factory.segment.unitRanges
        let passageCount = factory.segment.passages.count
        eligible = accepted
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
            guard try Self.markPassages(of: factory.matcher(for: clause), clause: 0, in: &bitmap, count: &marked, deadline: &deadline) else {
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
        // Per required clause, how many passages its units yielded: the rarest clause's
        // documents are the candidates.
        var marked = Array(repeating: 0, count: clauses.required.count)
        var visitedAll = true
        // Under a selective filter a term is read only inside the documents left (nil when
        // they are too many for seeks to pay).
        let matchers = try units.map { try factory.matcher(for: $0.query) }
        let accepted = AcceptedRanges(accepted: eligible, unitRanges: unitRanges, postings: matchers.map(\.cost).max() ?? 0)
        for (unitIndex, unit) in units.enumerated() where visitedAll {
            let matcher = matchers[unitIndex]
            if case .term = unit.query, let accepted, let term = matcher as? TermMatcher, accepted.worthSeeking(postings: term.cost) {
                visitedAll = try Self.markPassages(
                    of: term, inside: accepted.ranges, clause: unit.clause, in: &bitmaps, count: &marked[unit.clause], deadline: &deadline)
            } else if case .term = unit.query {
                visitedAll = try Self.markPassages(
                    of: matcher, clause: unit.clause, in: &bitmaps, count: &marked[unit.clause], deadline: &deadline)
            } else {
                let recording: ReplayMatcher.Recording
                let inside = accepted.flatMap { $0.worthSeeking(postings: matcher.cost) ? $0.ranges : nil }
                (recording, visitedAll) = try Self.record(matcher, inside: inside, clause: unit.clause, in: &bitmaps, deadline: &deadline)
                recordings[unitIndex] = recording
                marked[unit.clause] += recording.ids.count
            }
        }
        let driver = marked.indices.min { marked[$0] < marked[$1] } ?? 0
        // Clauses found in documents' titles, a bit per document and required clause (a
        // mask per document was 900 KB to zero on every search of the 1 GB corpus), and the
        // documents whose title has the driver.
        var titles = ClauseBitmaps(clauses: clauses.required.count, ids: entries.count)
        var driverTitles: [UInt32] = []
        for (index, clause) in clauses.required.enumerated() where visitedAll {
            guard let title = MatcherFactory.titleVersion(of: clause) else { continue }
            visitedAll = try factory.matcher(for: title).visitRemaining { documents in
                for document in documents where Int(document) < entries.count { titles.insert(document, clause: index) }
                if index == driver { driverTitles.append(contentsOf: documents.lazy.filter { Int($0) < entries.count }) }
                return !deadline.expired(after: documents.count)
            }
        }
        complete = visitedAll

        // A matching document has the driver in a passage or in its title, so only those
        // documents are looked at.
        let required = clauses.required.count
        let all: UInt64 = required == 64 ? .max : (1 << UInt64(required)) - 1
        let driverBit: UInt64 = 1 << UInt64(driver)
        var matching = Array(repeating: false, count: entries.count)
        var total = 0, documents = 0
        var titleOnly: [UInt32] = []
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
            bitmaps.forEachDocument(matching: driver, ranges: ranges) { index in
                let (present, matched) = bitmaps.evaluate(ranges[index])
                consider(index, present: present, matched: matched)
            }
        }
        for document in driverTitles {
            let index = Int(document)
            let (present, matched) = bitmaps.evaluate(unitRanges[index])
            // Documents with the driver in a passage were considered above.
            if present & driverBit == 0 { consider(index, present: present, matched: matched) }
        }
        titleOnly.sort()
        eligible = matching
        self.total = total
        self.documents = documents
        self.titleOnly = titleOnly
    }

    /// Sets `clause`'s bit of every passage `matcher` yields, adding their number to
    /// `count`; false when the deadline cut it short.
    private static func markPassages(
        of matcher: Matcher, clause: Int, in bitmaps: inout ClauseBitmaps, count: inout Int, deadline: inout DeadlineCheck
    ) throws -> Bool {
        try matcher.visitRemaining { passages in
            bitmaps.insert(contentsOf: passages, clause: clause)
            count += passages.count
            return !deadline.expired(after: passages.count)
        }
    }

    /// Sets `clause`'s bit of the passages `term` has inside `ranges` (ascending,
    /// disjoint), seeking from one range to the next: the blocks between them are not
    /// decoded. Adds their number to `count`; false when the deadline cut it short.
    private static func markPassages(
        of term: TermMatcher, inside ranges: [Range<UInt32>], clause: Int, in bitmaps: inout ClauseBitmaps,
        count: inout Int, deadline: inout DeadlineCheck
    ) throws -> Bool {
        for range in ranges {
            var passage = try term.seek(range.lowerBound)
            if passage == Matcher.exhausted { break }
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

    /// Matches and scores a unit that is not a single term (a phrase, a prefix) once, for
    /// the ranking to replay, setting `clause`'s bit of each passage it matches; false
    /// when the deadline cut it short.
    ///
    /// With `ranges` (a selective filter's documents), only the matches inside them are
    /// looked for and recorded, seeking from one range to the next: the ranking and the
    /// page never ask about the others.
    private static func record(
        _ matcher: Matcher, inside ranges: [Range<UInt32>]?, clause: Int, in bitmaps: inout ClauseBitmaps,
        deadline: inout DeadlineCheck
    ) throws -> (ReplayMatcher.Recording, complete: Bool) {
        var recording = ReplayMatcher.Recording()
        for range in ranges ?? [0 ..< Matcher.exhausted] {
            var passage = try matcher.seek(range.lowerBound)
            while passage < range.upperBound {
                recording.append(passage, try matcher.score())
                bitmaps.insert(passage, clause: clause)
                if deadline.expired() { return (recording, false) }
                passage = try matcher.advance()
            }
            if passage == Matcher.exhausted { break }
        }
        return (recording, true)
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
