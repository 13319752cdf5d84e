import Analysis

/// Merges segments into one by copying what they hold: postings are read term by term
/// from every source at once (a k-way merge of their dictionaries), their ids renumbered
/// and deleted documents dropped, and written out again; stored records are copied
/// compressed. Nothing is analysed again, and the large files (postings, positions,
/// stored records) stream to disk as they are written, so a merge holds one term's
/// postings, the renumbering tables and the small files in memory, whatever the size of
/// its sources (Lucene's and Tantivy's merges work the same way).
///
/// Ids: the sources' live documents follow each other in source order, each with its
/// passages, so every id list comes out ascending when the sources are read in order.
///
/// Stop-word pairs (``StopWordPair``) are only worth something complete. A pair is kept
/// when some source has it and both its words occur in at least
/// ``StopWordPair/minimumWordFrequency`` passages of the sources together (deleted ones
/// included); a source without the pair either lacks one of its words (so has no
/// occurrence) or holds the words too rarely to have kept it, and its occurrences are then
/// found from the words' positions (the first word at p, the second at p + 1, exactly as
/// the tokeniser pairs them: heading and text are a position apart, so no pair spans them).
/// A pair no source has is not created; a phrase needing it reads its words instead, and
/// the merged segment says so (``SegmentInfo/keepsEveryPair`` false), so that a later merge
/// searches it for pairs it lacks rather than taking them for absent.
enum SegmentMerger {
    /// Postings and positions copied between two releases of the sources' pages.
    static let valuesBetweenReleases = 16 << 20

    /// Writes segment `name` from the live documents of `sources` (in that order) and
    /// returns its information; nil when no document of them is live (nothing written).
    static func merge(
        _ sources: [IndexSnapshot.Segment], name: String, segmentID: SegmentID, analyzer: AnalyzerIdentity,
        to directory: String, fileOperations: FileOperations = .system
    ) throws -> SegmentInfo? {
        let layout = MergeLayout(sources)
        guard !layout.entries.isEmpty else { return nil }
        func path(_ kind: SegmentFile) -> String { "\(directory)/\(kind.fileName(segment: name))" }

        var entries = layout.entries
        var stored = try StreamedFile(path: path(.storedFields))
        defer { stored.close() }
        IndexFile.writeHeader(kind: .storedFields, segmentID: segmentID, into: &stored.buffer)
        var ordinal = 0
        for source in sources {
            for document in source.reader.documents.indices where source.isLive(document: document) {
                entries[ordinal].storedOffset = UInt64(stored.count - FileHeader.byteCount)
                try source.reader.writeStoredRecord(document, into: &stored.buffer)
                try stored.drainIfLarge()
                ordinal += 1
            }
            source.reader.releaseResidentPages()
        }
        try stored.finish(sync: true)

        var postings = try PostingsWriter(streamingTo: path(.postings), path(.positions))
        defer { postings.abandonStreams() }
        postings.startFiles(segmentID: segmentID)
        var dictionary = TermDictionaryWriter(segmentID: segmentID)
        var spelling = SpellingListsWriter()
        var termCount = 0
        var valuesSinceRelease = 0
        var terms = try TermMerge(sources)
        // Each stem space's written terms, for the exact forms that can share their postings.
        var stems: [TermSpace: MergedStems] = [.bodyStem: MergedStems(), .titleStem: MergedStems()]
        while let (key, holders) = try terms.next() {
            let space = TermSpace(rawValue: key[0])
            let isTitle = space?.isTitle ?? false
            // A new one per term: kept across terms, the largest term's arrays (the
            // positions of `de`) would stay allocated for the rest of the merge and raise
            // its peak.
            var merged = TermPostings()
            var isPair = false
            if space == .bodyExact, let words = StopWordPair.words(ofKey: key) {
                isPair = true
                guard try Self.keepsPair(words, sources: sources) else { continue }
                for (index, source) in sources.enumerated() {
                    if let info = holders[index] {
                        try copy(info, from: source, mapping: layout.unitMaps[index], lengths: layout.unitLengths, into: &merged)
                    } else {
                        try findPair(words, in: source, mapping: layout.unitMaps[index], lengths: layout.unitLengths, into: &merged)
                    }
                }
            } else {
                for (index, source) in sources.enumerated() {
                    guard let info = holders[index] else { continue }
                    try copy(
                        info, from: source, mapping: isTitle ? layout.documentMaps[index] : layout.unitMaps[index],
                        lengths: isTitle ? layout.titleLengths : layout.unitLengths, into: &merged)
                }
            }
            guard !merged.ids.isEmpty else { continue }  // only deleted documents had it
            var shared: PostingsWriter.TermStart?
            if let space, space.isExact, !isPair, let stem = stems[space.isTitle ? .titleStem : .bodyStem]!.find(key[1...]),
               stem.documentFrequency == UInt32(merged.ids.count), try Self.sharesStemPostings(key, holders: holders, sources: sources) {
                shared = stem.start
            }
            let start = try shared ?? {
                let start = postings.write(merged, lengths: isTitle ? layout.titleLengths : layout.unitLengths, bodyStart: FileHeader.byteCount)
                try postings.drain()
                return start
            }()
            if let space, !space.isExact { stems[space]!.append(key[1...], start: start, documentFrequency: UInt32(merged.ids.count)) }
            var info = TermInfo(
                documentFrequency: UInt32(merged.ids.count), postingsOffset: start.postingsOffset,
                positionsOffset: start.positionsOffset, maximumFrequency: merged.frequencies.max() ?? 0,
                minimumLength: merged.minimumLength,
                documentCount: isTitle ? UInt32(merged.ids.count) : SegmentWriter.distinctDocuments(merged.ids, layout.unitDocuments))
            if let space, isTitle {
                info.titleOnlyDocuments = try titleOnlyDocuments(key, space: space, holders: holders, sources: sources, layout: layout)
            }
            dictionary.add(key: key, info)
            spelling.add(key: key, documentCount: info.documentCount ?? info.documentFrequency)
            termCount += 1
            // The sources are read once, front to back: let go of what was read every few
            // tens of megabytes, so the merge's resident size does not grow with them.
            valuesSinceRelease += merged.ids.count + merged.encodedPositions.count
            if valuesSinceRelease > Self.valuesBetweenReleases {
                for source in sources { source.reader.releaseResidentPages() }
                valuesSinceRelease = 0
            }
        }
        try postings.finishStreams(sync: true)
        dictionary.finish()

        var info = SegmentInfo(documentCount: entries.count, unitCount: layout.unitLengths.count, termCount: termCount, analyzer: analyzer)
        info.keepsEveryPair = false  // pairs no source had are not created
        let files: [(SegmentFile, ByteWriter)] = [
            (.documents, DocumentTableWriter.write(entries, segmentID: segmentID)),
            (.passageLengths, PassageTable.write(
                documents: layout.unitDocuments, lengths: layout.unitLengths, headingLengths: layout.unitHeadingLengths,
                signatures: layout.unitSignatures,
                segmentID: segmentID)),
            (.termDictionary, dictionary.dictionary), (.termIndex, dictionary.index),
            (.spellingLists, spelling.write(segmentID: segmentID)),
            (.segmentInfo, info.write(segmentID: segmentID)),
        ]
        for (kind, file) in files { try fileOperations.writeFile(file, path(kind), true) }
        return info
    }

    /// Appends the live postings of one source's term, renumbered.
    private static func copy(
        _ info: TermInfo, from source: IndexSnapshot.Segment, mapping: [UInt32], lengths: [UInt32],
        into merged: inout TermPostings
    ) throws {
        var cursor = try source.reader.cursor(info)
        while cursor.current != PostingsCursor.exhausted {
            let id = mapping[Int(cursor.current)]
            if id != MergeLayout.dropped {
                // The positions' bytes do not depend on ids: copied as they are.
                let count = try cursor.copyEncodedPositions(into: &merged.encodedPositions)
                merged.appendEncoded(id, frequency: UInt32(count), length: lengths[Int(id)])
            }
            try cursor.advance()
        }
    }

    /// Appends the occurrences of a pair in a source that did not keep it, from its words'
    /// positions; nothing when the source lacks a word.
    private static func findPair(
        _ words: (first: [UInt8], second: [UInt8]), in source: IndexSnapshot.Segment, mapping: [UInt32], lengths: [UInt32],
        into merged: inout TermPostings
    ) throws {
        guard let firstInfo = try source.reader.dictionary.lookup(words.first),
              let secondInfo = try source.reader.dictionary.lookup(words.second) else { return }
        // A segment that keeps every pair of two common words would have kept this one had
        // it occurred: nothing to find (and the costliest case, two long lists, avoided).
        if source.reader.info.keepsEveryPair,
           StopWordPair.isWorthKeeping(Int(firstInfo.documentFrequency), Int(secondInfo.documentFrequency)) {
            return
        }
        var first = try source.reader.cursor(firstInfo)
        var second = try source.reader.cursor(secondInfo)
        var firstPositions: [UInt32] = [], secondPositions: [UInt32] = [], found: [UInt32] = []
        while first.current != PostingsCursor.exhausted, second.current != PostingsCursor.exhausted {
            if first.current < second.current {
                try first.seek(second.current)
                continue
            }
            if second.current < first.current {
                try second.seek(first.current)
                continue
            }
            let id = mapping[Int(first.current)]
            if id != MergeLayout.dropped {
                try first.positions(into: &firstPositions)
                try second.positions(into: &secondPositions)
                found.removeAll(keepingCapacity: true)
                var next = 0
                for position in firstPositions {
                    while next < secondPositions.count, secondPositions[next] <= position { next += 1 }
                    if next < secondPositions.count, secondPositions[next] == position + 1 { found.append(position) }
                }
                if !found.isEmpty { merged.appendEncoding(id, positions: found, length: lengths[Int(id)]) }
            }
            try first.advance()
            try second.advance()
        }
    }

    /// A title term's title-only documents in the merged segment: a document keeps all its
    /// passages through a merge, so it is title-only there exactly when it was in its
    /// source. A source without deletions that stored its count gives it; the others are
    /// counted over their live documents.
    private static func titleOnlyDocuments(
        _ key: [UInt8], space: TermSpace, holders: [TermInfo?], sources: [IndexSnapshot.Segment], layout: MergeLayout
    ) throws -> UInt32 {
        var bodyKey = key
        bodyKey[0] = TitleOnlyDocuments.bodySpace(of: space).rawValue
        var total: UInt32 = 0
        for (index, source) in sources.enumerated() {
            guard let info = holders[index] else { continue }
            if source.deletions == nil, let stored = info.titleOnlyDocuments {
                total += stored
                continue
            }
            let body = try source.reader.dictionary.lookup(bodyKey).map { try source.reader.cursor($0) }
            let unitRanges = source.reader.unitRanges, documentMap = layout.documentMaps[index]
            total += try TitleOnlyDocuments.count(
                title: try source.reader.cursor(info), body: body, passages: { unitRanges[$0] },
                isIncluded: { documentMap[$0] != MergeLayout.dropped })
        }
        return total
    }

    /// Whether every source holding the exact form `key` points it at its stem's postings.
    /// Then the exact form's live postings are its stem's in each of those sources; with
    /// equal merged counts, no other source adds a live stem posting, so the merged lists
    /// are equal too.
    private static func sharesStemPostings(_ key: [UInt8], holders: [TermInfo?], sources: [IndexSnapshot.Segment]) throws -> Bool {
        var stemKey = key
        stemKey[0] = (TermSpace(rawValue: key[0])!.isTitle ? TermSpace.titleStem : .bodyStem).rawValue
        for (index, source) in sources.enumerated() {
            guard let exact = holders[index] else { continue }
            guard let stem = try source.reader.dictionary.lookup(stemKey),
                  stem.postingsOffset == exact.postingsOffset, stem.positionsOffset == exact.positionsOffset else { return false }
        }
        return true
    }

    /// Whether a pair is kept: both words in enough passages of the sources together.
    private static func keepsPair(_ words: (first: [UInt8], second: [UInt8]), sources: [IndexSnapshot.Segment]) throws -> Bool {
        var first = 0, second = 0
        for source in sources {
            first += Int(try source.reader.dictionary.lookup(words.first)?.documentFrequency ?? 0)
            second += Int(try source.reader.dictionary.lookup(words.second)?.documentFrequency ?? 0)
        }
        return StopWordPair.isWorthKeeping(first, second)
    }
}
