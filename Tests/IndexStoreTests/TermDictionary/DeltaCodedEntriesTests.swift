import Testing
@testable import IndexStore

/// Format 9's dictionary entries (``TermEntryOffsets``): offsets as steps within a block,
/// exact forms pointing back at their stems' postings, no count for a body term of one
/// posting. Every way of reading a dictionary must give back exactly what was written.
@Suite("Delta-coded dictionary entries")
struct DeltaCodedEntriesTests {
    /// Body stems with their own postings, then exact forms of which every third points
    /// back at the stem of the same bytes, and title terms: several blocks of each, some
    /// terms of one posting, offsets far beyond 2³² as well.
    static func entries() -> [(key: [UInt8], info: TermInfo)] {
        var result: [(key: [UInt8], info: TermInfo)] = []
        var postings: UInt64 = 5_000_000_000, positions: UInt64 = 7
        var stems: [String: TermInfo] = [:]
        func words(_ count: Int) -> [String] { (0 ..< count).map { "w\(String($0, radix: 36))\($0 % 5 == 0 ? "e" : "")" }.sorted() }
        for space in [TermSpace.bodyStem, .bodyExact, .titleStem, .titleExact] {
            for (number, word) in words(150).enumerated() {
                let frequency = UInt32(number % 4 == 0 ? 1 : 2 + number % 50)
                var info = TermInfo(
                    documentFrequency: frequency, postingsOffset: postings, positionsOffset: positions,
                    maximumFrequency: UInt32(1 + number % 9), minimumLength: UInt32(number * 37 % 600),
                    documentCount: space.isTitle ? frequency : (frequency == 1 ? 1 : frequency - UInt32(number % 2)))
                if space == .bodyExact, number % 3 == 0, let stem = stems[word] {
                    info = stem
                } else {
                    postings += UInt64(number % 7 == 0 ? 300_000 : 3 + number % 90)
                    positions += UInt64(number % 11 == 0 ? 0 : 5 + number % 200)
                }
                if space.isTitle { info.titleOnlyDocuments = UInt32(number % 3 == 0 ? 0 : 1) }
                if space == .bodyStem { stems[word] = info }
                result.append((space.key(word), info))
            }
        }
        return result
    }

    static func reader(for entries: [(key: [UInt8], info: TermInfo)], version: FormatVersion = .current) throws -> TermDictionaryReader {
        var writer = TermDictionaryWriter(segmentID: SegmentID(low: 3, high: 4))
        for (key, info) in entries { writer.add(key: key, info) }
        writer.finish()
        let body = { (bytes: [UInt8]) in slice(Array(bytes.dropFirst(FileHeader.byteCount).dropLast(FileFooter.byteCount))) }
        return try TermDictionaryReader(index: body(writer.index.bytes), dictionary: body(writer.dictionary.bytes), formatVersion: version)
    }

    /// What a reader gives back: a title term's document count is its docFreq.
    static func expected(_ key: [UInt8], _ info: TermInfo) -> TermInfo {
        var info = info
        if TermSpace(rawValue: key[0])!.isTitle { info.documentCount = info.documentFrequency }
        return info
    }

    static func same(_ lhs: TermInfo, _ rhs: TermInfo) -> Bool {
        lhs.documentFrequency == rhs.documentFrequency && lhs.postingsOffset == rhs.postingsOffset
            && lhs.positionsOffset == rhs.positionsOffset && lhs.maximumFrequency == rhs.maximumFrequency
            && lhs.minimumLength == rhs.minimumLength && lhs.documentCount == rhs.documentCount
            && lhs.titleOnlyDocuments == rhs.titleOnlyDocuments
    }

    @Test func everyReadingGivesBackWhatWasWritten() throws {
        let entries = Self.entries()
        let stemOffsets = Set(entries.filter { $0.key[0] == TermSpace.bodyStem.rawValue }.map(\.info.postingsOffset))
        #expect(entries.filter { $0.key[0] == TermSpace.bodyExact.rawValue && stemOffsets.contains($0.info.postingsOffset) }.count > 30)
        let reader = try Self.reader(for: entries)
        for (key, info) in entries {
            let found = try #require(try reader.lookup(key))
            #expect(Self.same(found, Self.expected(key, info)), "\(key)")
            var missing = key
            missing.append(0x21)  // "!", in no word
            #expect(try reader.lookup(missing) == nil)
        }
        var walked: [([UInt8], TermInfo)] = []
        try reader.forEachTerm { walked.append(($0, $1)) }
        #expect(walked.map(\.0) == entries.map(\.key))
        #expect(zip(walked, entries).allSatisfy { Self.same($0.1, Self.expected($1.key, $1.info)) })
        var terms = reader.terms
        var merged = 0
        while let (key, info) = try terms.next() {
            #expect(key == entries[merged].key && Self.same(info, Self.expected(key, entries[merged].info)))
            merged += 1
        }
        #expect(merged == entries.count)
        var counts: [UInt32] = []
        try reader.forEachKeyAndDocumentCount(withPrefix: [TermSpace.bodyExact.rawValue]) { _, documents in counts.append(documents) }
        #expect(counts == entries.filter { $0.key[0] == TermSpace.bodyExact.rawValue }.map { $0.info.documentCount! })
    }

    /// A body term of one posting leaves its count out; a title term of one posting keeps
    /// its title-only count, which may be 0 or 1.
    @Test func singlePostingsLeaveOutOnlyABodyCount() throws {
        let one = TermInfo(documentFrequency: 1, postingsOffset: 0, positionsOffset: 0, maximumFrequency: 1, minimumLength: 9, documentCount: 1)
        var title = one
        title.titleOnlyDocuments = 0
        var body = TermDictionaryWriter(segmentID: SegmentID(low: 1, high: 2))
        body.add(key: TermSpace.bodyStem.key("a"), one)
        var titled = TermDictionaryWriter(segmentID: SegmentID(low: 1, high: 2))
        titled.add(key: TermSpace.titleStem.key("a"), title)
        #expect(titled.dictionary.count == body.dictionary.count + 1)
        let reader = try Self.reader(for: [(TermSpace.titleStem.key("a"), title), (TermSpace.titleStem.key("b"), one.withTitleOnly(1))])
        #expect(try reader.lookup(TermSpace.titleStem.key("a"))?.titleOnlyDocuments == 0)
        #expect(try reader.lookup(TermSpace.titleStem.key("b"))?.titleOnlyDocuments == 1)
    }

    /// Steps forward and back round-trip for any offsets the writer accepts, the extremes too.
    @Test func offsetsRoundTrip() {
        let limit = TermEntryOffsets.limit - 1
        let offsets: [(UInt64, UInt64)] = [(0, 0), (limit, limit), (0, limit), (limit, 0), (5, 5), (5, 5), (4, 9), (3, 2), (9, 1), (10, 10), (0, 0)]
        var writer = TermEntryOffsets(), reader = TermEntryOffsets()
        for (index, pair) in offsets.enumerated() {
            let stored = writer.encode(pair, first: index == 0)
            let back = reader.decode(postings: stored.0, positions: stored.1, first: index == 0)
            #expect(back.postings == pair.0 && back.positions == pair.1, "\(index)")
        }
    }

    /// Damaged steps give wrapped offsets, never a trap; the cursor refuses them.
    @Test func damagedStepsDoNotTrap() {
        var reader = TermEntryOffsets()
        _ = reader.decode(postings: 3, positions: 3, first: true)
        let wrapped = reader.decode(postings: UInt64.max, positions: UInt64.max, first: false)
        #expect(wrapped.postings != 3 || wrapped.positions != 3)
        _ = reader.decode(postings: UInt64.max - 1, positions: UInt64.max, first: false)
    }
}

private extension TermInfo {
    func withTitleOnly(_ count: UInt32) -> TermInfo {
        var info = self
        info.titleOnlyDocuments = count
        return info
    }
}
