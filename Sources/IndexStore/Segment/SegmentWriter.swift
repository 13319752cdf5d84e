import Analysis

/// Serialises a ``SegmentBuilder`` into the files of one new segment, each synced to disk
/// before this returns (docs/INDEX_FORMAT.md, "Commit"). The segment is invisible until a
/// manifest names it, so a crash half-way leaves only unreferenced files behind.
enum SegmentWriter {
    /// Writes segment `name` into `directory`; returns what the manifest records about it.
    static func write(
        _ builder: SegmentBuilder, name: String, segmentID: SegmentID, analyzer: AnalyzerIdentity, to directory: String,
        fileOperations: FileOperations = .system
    ) throws -> SegmentInfo {
        let (stored, offsets) = StoredFields.write(builder.documents, segmentID: segmentID)

        var entries: [DocumentEntry] = []
        entries.reserveCapacity(builder.documentCount)
        for (ordinal, document) in builder.documents.enumerated() {
            let first = builder.firstUnit[ordinal]
            let end = ordinal + 1 < builder.documentCount ? builder.firstUnit[ordinal + 1] : UInt32(builder.unitCount)
            entries.append(DocumentEntry(
                id: document.id, source: document.source, contentHash: document.contentHash,
                fileSize: document.fileSize, modificationTime: document.modificationTime,
                date: DocumentEntry.dateOrdinal(document.date), type: document.type, dossiers: document.dossiers,
                title: document.title, firstUnit: first, unitCount: end - first,
                titleLength: builder.titleLengths[ordinal], storedOffset: offsets[ordinal]))
        }
        let documentTable = DocumentTableWriter.write(entries, segmentID: segmentID)
        let passageTable = PassageTable.write(
            documents: builder.unitDocument, lengths: builder.unitLengths,
            headingLengths: builder.unitHeadingLengths, segmentID: segmentID)

        // The dictionary wants all spaces' terms in key order; the stop-word pairs worth
        // keeping join the body's exact space (`space` == `pairSpace` marks them).
        let pairSpace = builder.spaces.count
        var keyed: [(key: [UInt8], space: Int, term: Int)] = []
        for (spaceIndex, space) in builder.spaces.enumerated() {
            let spaceByte = UInt8(spaceIndex + 1)
            for (termIndex, term) in space.terms.enumerated() {
                var key: [UInt8] = [spaceByte]
                key.append(contentsOf: term.utf8)
                keyed.append((key, spaceIndex, termIndex))
            }
        }
        let exactWords = builder.spaces[Int(TermSpace.bodyExact.rawValue) - 1]
        for (pairIndex, words) in builder.pairs.words.enumerated()
        where StopWordPair.isWorthKeeping(exactWords.postings[Int(words.first)].ids.count, exactWords.postings[Int(words.second)].ids.count) {
            var key: [UInt8] = [TermSpace.bodyExact.rawValue]
            key.append(contentsOf: StopWordPair.term(exactWords.terms[Int(words.first)], exactWords.terms[Int(words.second)]).utf8)
            keyed.append((key, pairSpace, pairIndex))
        }
        keyed.sort { $0.key.lexicographicallyPrecedes($1.key) }

        func passages(_ ordinal: Int) -> Range<UInt32> {
            builder.firstUnit[ordinal] ..< (ordinal + 1 < builder.documentCount ? builder.firstUnit[ordinal + 1] : UInt32(builder.unitCount))
        }
        var postings = PostingsWriter()
        postings.startFiles(segmentID: segmentID)
        var dictionary = TermDictionaryWriter(segmentID: segmentID)
        for entry in keyed {
            let term = entry.space == pairSpace ? builder.pairs.postings[entry.term] : builder.spaces[entry.space].postings[entry.term]
            let isTitle = entry.space != pairSpace && TermSpace(rawValue: UInt8(entry.space + 1))!.isTitle
            let start = postings.write(term, lengths: isTitle ? builder.titleLengths : builder.unitLengths, bodyStart: FileHeader.byteCount)
            var info = TermInfo(
                documentFrequency: UInt32(term.ids.count), postingsOffset: start.postingsOffset,
                positionsOffset: start.positionsOffset, maximumFrequency: term.frequencies.max() ?? 0,
                minimumLength: term.minimumLength,
                documentCount: isTitle ? UInt32(term.ids.count) : Self.distinctDocuments(term.ids, builder.unitDocument))
            if isTitle {
                let titleSpace = TermSpace(rawValue: UInt8(entry.space + 1))!
                let bodySpace = builder.spaces[Int(TitleOnlyDocuments.bodySpace(of: titleSpace).rawValue) - 1]
                let bodyIDs = bodySpace.termIDs[builder.spaces[entry.space].terms[entry.term]].map { bodySpace.postings[Int($0)].ids } ?? []
                var next = 0
                info.titleOnlyDocuments = TitleOnlyDocuments.count(titleDocuments: term.ids, passages: passages) { passage in
                    // The first body passage at or after `passage`: a binary search of the
                    // rest of the list (the asked ids ascend).
                    var high = bodyIDs.count
                    while next < high {
                        let middle = (next + high) / 2
                        if bodyIDs[middle] < passage { next = middle + 1 } else { high = middle }
                    }
                    return next < bodyIDs.count ? bodyIDs[next] : PostingsCursor.exhausted
                }
            }
            dictionary.add(key: entry.key, info)
        }
        postings.finishFiles()
        dictionary.finish()

        let info = SegmentInfo(documentCount: builder.documentCount, unitCount: builder.unitCount, termCount: keyed.count, analyzer: analyzer)
        let files: [(SegmentFile, ByteWriter)] = [
            (.storedFields, stored), (.documents, documentTable), (.passageLengths, passageTable),
            (.postings, postings.postings), (.positions, postings.positions),
            (.termDictionary, dictionary.dictionary), (.termIndex, dictionary.index),
            (.segmentInfo, info.write(segmentID: segmentID)),
        ]
        for (kind, file) in files {
            try fileOperations.writeFile(file, "\(directory)/\(kind.fileName(segment: name))", true)
        }
        return info
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

    /// Every file a segment consists of (without its deletions), for cleanup and checks.
    static let kinds: [SegmentFile] = [.segmentInfo, .termIndex, .termDictionary, .postings, .positions, .passageLengths, .storedFields, .documents]
}
