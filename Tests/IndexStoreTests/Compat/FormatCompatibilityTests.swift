import Analysis
import Foundation
import Search
import Testing
@testable import IndexStore

/// Indexes written by earlier builds, one per format version this build reads, are opened,
/// verified, searched and merged into the current format as they are
/// (docs/INDEX_FORMAT.md, "History"). What a version has, or lacks and falls back from, is
/// expected as the History says (``DocumentedFeature``), not as ``FormatVersion`` says, so
/// that a feature given the wrong version fails here too.
@Suite("Format compatibility")
struct FormatCompatibilityTests {
    @Test func everyReadVersionHasAFixture() throws {
        #expect(CompatibilityFixture.all.map(\.version) == Array(FormatVersion.supported))
        for fixture in CompatibilityFixture.all {
            let files = try FileManager.default.contentsOfDirectory(atPath: fixture.directory).sorted()
            for file in files {
                let bytes = try MappedFile(path: "\(fixture.directory)/\(file)").bytes
                #expect(FormatVersion(rawValue: try bytes.integer(at: 4, as: UInt16.self)) == fixture.version, "\(fixture) \(file)")
            }
        }
    }

    @Test(arguments: CompatibilityFixture.all)
    func opensAndVerifiesEveryByte(_ fixture: CompatibilityFixture) throws {
        let snapshot = try fixture.open()
        try #require(snapshot.segments.count == 1)
        let segment = snapshot.segments[0]
        #expect(segment.reader.formatVersion == fixture.version)
        try segment.reader.verify()
        #expect(snapshot.documentCount == FixtureCorpus.live.count)
        #expect(liveIDs(snapshot) == FixtureCorpus.live.map(\.id).sorted())
        let written = segment.reader.documents.map(\.id).sorted()
        if fixture.making == .flushedThenDeleted {
            #expect(written == (FixtureCorpus.live.map(\.id) + [FixtureCorpus.removedID]).sorted())
            #expect(segment.deletions?.deletedCount == 1)
        } else {
            #expect(written == FixtureCorpus.live.map(\.id).sorted())
            #expect(segment.deletions == nil)
        }
        #expect(try snapshot.storedDocument(id: FixtureCorpus.removedID) == nil)
    }

    @Test(arguments: CompatibilityFixture.all)
    func storedFieldsReadBackAsTheCorpusSays(_ fixture: CompatibilityFixture) throws {
        let snapshot = try fixture.open()
        let hasLocations = DocumentedFeature.locations.isIn(fixture.version)
        for expected in FixtureCorpus.live {
            let record = try #require(try snapshot.storedDocument(id: expected.id))
            if fixture.titlesByFileName, let fileNameTitle = expected.fileNameTitle {
                #expect(record.title == fileNameTitle, "\(expected.id)")
            } else if expected.titleIsOpening {
                let title = try #require(record.title)
                #expect(title.hasPrefix(expected.title) && title.hasSuffix(" …"), "\(expected.id): \(title)")
            } else {
                #expect(record.title == expected.title, "\(expected.id)")
            }
            #expect(record.date == expected.date, "\(expected.id)")
            #expect(record.type == expected.type, "\(expected.id)")
            #expect(record.dossiers == expected.dossiers, "\(expected.id)")
            #expect(record.source == "corpus/\(expected.file)")
            // Before version 7 no root length was kept: the source is shown as indexed.
            #expect(record.relativeSource == (hasLocations ? expected.file : "corpus/\(expected.file)"))
            #expect(record.url == (hasLocations ? expected.url : nil), "\(expected.id)")
            let text = record.passages.map(\.text).joined(separator: " ")
            #expect(text.contains(expected.sentence), "\(expected.id)")

            let (segment, ordinal) = try #require(snapshot.locate(id: expected.id))
            let row = snapshot.segments[segment].reader.documents[ordinal]
            #expect(row.title == record.title && row.type == record.type && row.dossiers == record.dossiers)
            #expect(row.url == record.url && Int(row.rootLength) == record.rootLength)
        }
    }

    @Test(arguments: CompatibilityFixture.all)
    func whatAVersionLacksFallsBackAsDocumented(_ fixture: CompatibilityFixture) throws {
        let version = fixture.version
        let reader = try fixture.open().segments[0].reader
        // A flush keeps every pair (none, in a corpus this small) where the version has
        // pairs; a merge does not create pairs, and says so from version 4 on.
        #expect(reader.info.keepsEveryPair == (DocumentedFeature.stopWordPairs.isIn(version) && fixture.making != .merged))
        let analyzer = try Analyzer(configuration: .standard)
        func stem(_ word: String) throws -> String { try analyzer.analyze(word)[0].stem }
        let bodyTerm = try #require(try reader.termInfo(.bodyStem, stem("spaarrente")))
        #expect(bodyTerm.documentCount == (DocumentedFeature.documentCounts.isIn(version) ? 1 : nil))
        // Every title here is in its document's text too (a heading, or the opening), so
        // no document has a title word only in its title; before version 5 entries say nothing.
        let titleTerm = try #require(try reader.termInfo(.titleStem, stem("motie")))
        #expect(titleTerm.titleOnlyDocuments == (DocumentedFeature.titleOnlyCounts.isIn(version) ? 0 : nil))
        let signatures = (0 ..< reader.passages.count).map(reader.passages.signature)
        let hasSignatures = DocumentedFeature.passageSignatures.isIn(version)
        #expect(reader.passages.hasSignatures == hasSignatures)
        #expect(signatures.contains { $0 != PassageSignature.none } == hasSignatures)
    }

    @Test(arguments: CompatibilityFixture.all)
    func searchesFindWhatTheTextSays(_ fixture: CompatibilityFixture) throws {
        let searcher = try Searcher(snapshot: try fixture.open())
        for (query, expected) in FixtureCorpus.searches {
            #expect(try Self.answer(query, searcher).documents == expected, "\(query)")
        }
    }

    @Test(arguments: CompatibilityFixture.all)
    func aMergeIntoTheCurrentVersionKeepsEveryRecordPostingAndAnswer(_ fixture: CompatibilityFixture) throws {
        let copy = try fixture.writableCopy()
        let old = try IndexSnapshot.open(directory: copy.path)
        let oldReader = old.segments[0].reader
        let ids = liveIDs(old)
        let records = try ids.map { try #require(try old.storedDocument(id: $0)) }
        let postings = try livePostings(old)
        let oldSearcher = try Searcher(snapshot: old)
        let answers = try FixtureCorpus.searches.map { try Self.answer($0.query, oldSearcher) }

        // A new document in a current segment, so that optimizing merges both.
        let writer = try IndexWriter(directory: copy.path)
        try writer.add([StoredDocument(
            id: "nieuw", source: "nieuw.txt", contentHash: String(repeating: "0", count: 64),
            passages: [StoredPassage(heading: nil, text: "Een zeldzaamwoord in een nieuw document.", start: 0, end: 0)])])
        try writer.optimize()

        let merged = try IndexSnapshot.open(directory: copy.path, verifyChecksums: true)
        try #require(merged.segments.count == 1)
        let reader = merged.segments[0].reader
        #expect(reader.formatVersion == FormatVersion.current)
        #expect(merged.segments[0].deletions == nil)
        try reader.verify()
        #expect(liveIDs(merged) == (ids + ["nieuw"]).sorted())
        for (id, record) in zip(ids, records) {
            #expect(try merged.storedDocument(id: id) == record)
            let oldOrdinal = try #require(old.locate(id: id)).ordinal
            let ordinal = try #require(merged.locate(id: id)).ordinal
            // zstd records are copied byte for byte; older zlib ones are recompressed.
            let copied = try reader.rawStoredRecord(ordinal).copyBytes() == oldReader.rawStoredRecord(oldOrdinal).copyBytes()
            #expect(copied == DocumentedFeature.zstdRecords.isIn(fixture.version), "\(id)")
            // Passages keep their signatures, and those written without one stay without.
            let oldUnits = oldReader.unitRanges[oldOrdinal], units = reader.unitRanges[ordinal]
            #expect(units.map { reader.passages.signature(Int($0)) } == oldUnits.map { oldReader.passages.signature(Int($0)) })
        }
        let mergedPostings = try livePostings(merged).compactMapValues { list -> [LivePosting]? in
            let old = list.filter { $0.document != "nieuw" }
            return old.isEmpty ? nil : old
        }
        #expect(mergedPostings == postings)

        let searcher = try Searcher(snapshot: merged)
        for (search, before) in zip(FixtureCorpus.searches, answers) {
            #expect(try Self.answer(search.query, searcher) == before, "\(search.query)")
        }
    }

    /// What a search answers, without scores (a merge changes the collection's statistics):
    /// the documents, and the passages found in each.
    struct Answer: Equatable {
        var documents: [String]
        var passages: [String: [Int]]
        var total: Int
    }

    static func answer(_ query: String, _ searcher: Searcher) throws -> Answer {
        var options = SearchOptions()
        options.fillWithSomeWords = false
        let result = try searcher.search(query, options: options)
        #expect(result.total_is_exact && !result.partial, "\(query)")
        return Answer(
            documents: Set(result.results.map(\.doc_id)).sorted(),
            passages: Dictionary(grouping: result.results, by: \.doc_id).mapValues { $0.map(\.passage).sorted() },
            total: result.total)
    }
}
