import Analysis

/// Serialises a ``SegmentInverter`` into the files of one new segment, each synced to disk
/// before this returns (docs/INDEX_FORMAT.md, "Commit"). The segment is invisible until a
/// manifest names it, so a crash half-way leaves only unreferenced files behind.
///
/// Terms are written space by space, each space's ids sorted once by their bytes; a
/// term's stream is decoded into one reused ``TermPostings`` and written out, so the
/// flush allocates per segment, not per term.
enum SegmentWriter {
    /// Writes segment `name` into `directory`; returns what the manifest records about it.
    static func write(
        _ segment: SegmentInverter, name: String, segmentID: SegmentID, analyzer: AnalyzerIdentity, to directory: String,
        fileOperations: FileOperations = .system
    ) throws -> SegmentInfo {
        let stored = StoredFields.file(body: segment.storedRecords, segmentID: segmentID)
        let documentTable = DocumentTableWriter.write(segment.documents, segmentID: segmentID)
        let passageTable = PassageTable.write(
            documents: segment.unitDocument, lengths: segment.unitLengths,
            headingLengths: segment.unitHeadingLengths, signatures: segment.unitSignatures, segmentID: segmentID)

        var postings = PostingsWriter()
        postings.startFiles(segmentID: segmentID)
        var dictionary = TermDictionaryWriter(segmentID: segmentID)
        var spelling = SpellingListsWriter()
        var term = TermPostings()
        var bodyTerm = TermPostings()
        var key: [UInt8] = []
        var scratch: [UInt8] = []
        var termCount = 0
        // Where each stem's postings went (by term id, per stem space): an exact form whose
        // postings are exactly its stem's points at them instead of writing them again.
        var stemStarts: [TermSpace: [PostingsWriter.TermStart?]] = [:]
        var stemTerm = TermPostings()
        for space in TermSpace.allCases {
            let lengths = space.isTitle ? segment.titleLengths : segment.unitLengths
            let bodySpace = TitleOnlyDocuments.bodySpace(of: space)
            let stemSpace: TermSpace = space.isTitle ? .titleStem : .bodyStem
            if !space.isExact { stemStarts[space] = Array(repeating: nil, count: segment.termCount(in: space)) }
            segment.forEachTermInKeyOrder(space) { termKey, source in
                key.removeAll(keepingCapacity: true)
                key.append(space.rawValue)
                key.append(copying: termKey)
                segment.decode(source, into: &term, lengths: lengths, scratch: &scratch)
                var shared: PostingsWriter.TermStart?
                if space.isExact, case .term = source, let stem = segment.termID(termKey, in: stemSpace),
                   segment.documentFrequency(stemSpace, stem) == term.ids.count, let stemStart = stemStarts[stemSpace]![Int(stem)] {
                    segment.decode(.term(stemSpace, stem), into: &stemTerm, lengths: lengths, scratch: &scratch)
                    if stemTerm.ids == term.ids, stemTerm.frequencies == term.frequencies, stemTerm.positions == term.positions { shared = stemStart }
                }
                let start = shared ?? postings.write(term, lengths: lengths, bodyStart: FileHeader.byteCount)
                if !space.isExact, case .term(_, let id) = source { stemStarts[space]![Int(id)] = start }
                var info = TermInfo(
                    documentFrequency: UInt32(term.ids.count), postingsOffset: start.postingsOffset,
                    positionsOffset: start.positionsOffset, maximumFrequency: term.frequencies.max() ?? 0,
                    minimumLength: term.minimumLength,
                    documentCount: space.isTitle ? UInt32(term.ids.count) : Self.distinctDocuments(term.ids, segment.unitDocument))
                if space.isTitle {
                    bodyTerm.removeAll()
                    if let body = segment.termID(termKey, in: bodySpace) {
                        segment.decode(.term(bodySpace, body), into: &bodyTerm, lengths: segment.unitLengths, scratch: &scratch)
                    }
                    info.titleOnlyDocuments = Self.titleOnlyDocuments(term.ids, bodyIDs: bodyTerm.ids, segment: segment)
                }
                dictionary.add(key: key, info)
                spelling.add(key: key, documentCount: info.documentCount ?? info.documentFrequency)
                termCount += 1
            }
        }
        postings.finishFiles()
        dictionary.finish()

        let info = SegmentInfo(documentCount: segment.documentCount, unitCount: segment.unitCount, termCount: termCount, analyzer: analyzer)
        let files: [(SegmentFile, ByteWriter)] = [
            (.storedFields, stored), (.documents, documentTable), (.passageLengths, passageTable),
            (.postings, postings.postings), (.positions, postings.positions),
            (.termDictionary, dictionary.dictionary), (.termIndex, dictionary.index),
            (.spellingLists, spelling.write(segmentID: segmentID)),
            (.segmentInfo, info.write(segmentID: segmentID)),
        ]
        for (kind, file) in files {
            try fileOperations.writeFile(file, "\(directory)/\(kind.fileName(segment: name))", true)
        }
        return info
    }

    /// The documents of `titleIDs` (ascending) with a passage but none holding the term
    /// (`bodyIDs`, the passages with its body form, ascending).
    private static func titleOnlyDocuments(_ titleIDs: [UInt32], bodyIDs: [UInt32], segment: SegmentInverter) -> UInt32 {
        var next = 0
        return TitleOnlyDocuments.count(titleDocuments: titleIDs, passages: { segment.passages(ofDocument: $0) }) { passage in
            // The first body passage at or after `passage`: a binary search of the rest of
            // the list (the asked ids ascend).
            var high = bodyIDs.count
            while next < high {
                let middle = (next + high) / 2
                if bodyIDs[middle] < passage { next = middle + 1 } else { high = middle }
            }
            return next < bodyIDs.count ? bodyIDs[next] : PostingsCursor.exhausted
        }
    }

    /// How many documents the passages `ids` (ascending) belong to.
    static func distinctDocuments(_ ids: [UInt32], _ unitDocument: [UInt32]) -> UInt32 {
        var count: UInt32 = 0
        var last = UInt32.max
        for id in ids where unitDocument[Int(id)] != last {
            last = unitDocument[Int(id)]
            count += 1
        }
        return count
    }

    /// Every file a segment consists of (without its deletions), for cleanup and checks;
    /// the segment info first, which says the version (``SegmentFile/spellingLists`` only
    /// from version 9 on: ``kinds(of:)``).
    static let kinds: [SegmentFile] = [
        .segmentInfo, .termIndex, .termDictionary, .postings, .positions, .passageLengths, .storedFields, .documents, .spellingLists,
    ]

    /// The files a segment of `version` has.
    static func kinds(of version: FormatVersion) -> [SegmentFile] {
        version.hasSpellingLists ? kinds : kinds.filter { $0 != .spellingLists }
    }
}
