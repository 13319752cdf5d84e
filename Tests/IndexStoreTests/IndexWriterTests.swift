import Analysis
import Foundation
import Ingest
import Testing
@testable import IndexStore
@testable import Indexer

@Suite("Index writer")
struct IndexWriterTests {
    @Test func everythingWrittenReadsBack() throws {
        let folder = try LetterFolder()
        let summary = try folder.run()
        #expect(summary.added == 3)
        #expect(summary.updated == 0 && summary.removed == 0 && summary.unchanged == 0)
        #expect(summary.failed == 0 && summary.skipped == 0)
        #expect(summary.generation == 1)
        let letterBytes = LetterFolder.standardLetters.values.reduce(0) { $0 + $1.utf8.count }
        #expect(summary.bytes == UInt64(letterBytes))

        let snapshot = try IndexSnapshot.open(directory: folder.index, analyzer: try Analyzer().identity)
        #expect(snapshot.manifest.generation == 1)
        #expect(snapshot.documentCount == 3)
        #expect(liveIDs(snapshot) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])

        // Stored text and metadata are what the extractor made of the file.
        let path = "\(folder.documents)/stikstof.txt"
        let bytes = try FileReading.read(path)
        guard case .document(let extracted) = Extractor().extract(bytes: bytes, path: path, relativeTo: folder.documents) else {
            Issue.record("the letter was not extracted")
            return
        }
        let stored = try #require(try snapshot.storedDocument(id: "stikstof"))
        #expect(stored.source == path)
        #expect(stored.fileSize == UInt64(bytes.count))
        #expect(stored.contentHash == SHA256.hexDigest(of: bytes))
        #expect(stored.passages.map(\.text) == extracted.passages.map(\.text))
        #expect(stored.title == extracted.title)
        #expect(stored.passages.contains { $0.text.contains("gebiedsplannen op voor de natuur") })
        // The document table agrees with the record, and with the file as the walker saw it.
        let file = try #require(try FileWalker.walk([path]).files.first)
        #expect(stored.modificationTime == file.modificationTime)
        let (segment, ordinal) = try #require(snapshot.locate(id: "stikstof"))
        let entry = snapshot.segments[segment].reader.documents[ordinal]
        #expect(entry.source == path && entry.fileSize == stored.fileSize && entry.contentHash == stored.contentHash)
        #expect(entry.modificationTime == file.modificationTime)
        #expect(entry.title == stored.title && entry.type == stored.type && entry.dossiers == stored.dossiers)
        #expect(Int(entry.unitCount) == stored.retrievalUnits.count)
        #expect(snapshot.passageCount == snapshot.segments.reduce(0) { $0 + $1.reader.passages.count })

        // Terms, postings and positions: every word of a passage can be found at its position.
        let analyzer = try Analyzer()
        let postings = try livePostings(snapshot)
        for document in liveIDs(snapshot) {
            let record = try #require(try snapshot.storedDocument(id: document))
            for (unit, passage) in record.retrievalUnits.enumerated() {
                // The text follows the heading's last position behind a gap of one.
                let headingLength = try passage.heading.map { try analyzer.analyze($0).map { $0.position + 1 }.max() ?? 0 } ?? 0
                let offset = headingLength == 0 ? 0 : headingLength + 1
                for token in try analyzer.analyze(passage.text) {
                    for (space, term) in [(TermSpace.bodyStem, token.stem), (.bodyExact, token.exact)] {
                        let list = try #require(postings[space.key(term)], "\(term) missing")
                        #expect(list.contains { $0.document == document && $0.unit == unit && $0.positions.contains(token.position + offset) })
                    }
                }
            }
        }
        #expect(try documents(containing: "geweld", in: snapshot) == ["huiselijk-geweld"])
        #expect(try documents(containing: "provincies", in: snapshot) == ["stikstof"])
        #expect(try documents(containing: "minister", in: snapshot) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])
        // The exact space keeps the inflection the stem space folds away.
        #expect(postings[TermSpace.bodyExact.key("gemeenten")] != nil)
        for segment in snapshot.segments { try segment.reader.verify() }

        // Only the commit's files, the manifest and the lock are in the directory.
        let expected = snapshot.manifest.fileNames.union(["segments_1", "write.lock"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.index)) == expected)
    }

    @Test func addUpdateAndDelete() throws {
        let folder = try LetterFolder()
        try folder.write("begroting.txt", "Geachte voorzitter,\n\nDe begroting voor het komende jaar.\n\nDe minister van Financiën\n")
        try folder.run()
        try folder.write("stikstof.txt", """
            Geachte voorzitter,

            Met deze brief informeer ik u over de woningbouw en de stikstofruimte in de provincies.

            De minister voor Volkshuisvesting
            """)
        try folder.remove("onderwijs/wiskunde.txt")
        try folder.write("asiel.txt", """
            Geachte voorzitter,

            Hierbij ontvangt u de antwoorden op de vragen over de opvang van asielzoekers in Ter Apel.

            De staatssecretaris van Justitie en Veiligheid
            """)
        let summary = try folder.run()
        #expect(summary.added == 1)
        #expect(summary.updated == 1)
        #expect(summary.removed == 1)
        #expect(summary.unchanged == 2)
        #expect(summary.generation == 2)

        let snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot) == ["asiel", "begroting", "huiselijk-geweld", "stikstof"])
        #expect(snapshot.documentCount == 4)
        let stikstof = try #require(try snapshot.storedDocument(id: "stikstof"))
        #expect(stikstof.passages.contains { $0.text.contains("woningbouw") })
        #expect(!stikstof.passages.contains { $0.text.contains("gebiedsplannen") })
        #expect(try documents(containing: "gebiedsplannen", in: snapshot) == [])
        #expect(try documents(containing: "woningbouw", in: snapshot) == ["stikstof"])
        #expect(try documents(containing: "wiskunde", in: snapshot) == [])
        #expect(try documents(containing: "asielzoekers", in: snapshot) == ["asiel"])
        #expect(try snapshot.storedDocument(id: "onderwijs/wiskunde") == nil)
        // The first segment keeps its replaced and its removed document, hidden by the
        // first deletions file; half deleted is not yet worth a rewrite.
        #expect(snapshot.segments.map(\.commit.documentCount) == [4, 2])
        #expect(snapshot.segments.map(\.commit.deletedCount) == [2, 0])
        #expect(snapshot.segments[0].commit.deletionGeneration == 1)
        #expect(snapshot.manifest.fileNames.contains("_0_1.del"))

        // One more deletion: more than half of `_0` is gone, so the run ends by rewriting it
        // (a second commit in the same run).
        try folder.remove("begroting.txt")
        let third = try folder.run()
        #expect(third.removed == 1)
        #expect(third.generation == 4)
        let rewritten = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(rewritten) == ["asiel", "huiselijk-geweld", "stikstof"])
        #expect(rewritten.segments.map(\.commit.deletedCount) == [0, 0])
        #expect(rewritten.segments.map(\.commit.name) == ["_2", "_1"])

        // Removing the last files leaves an empty, valid index.
        for name in ["asiel.txt", "huiselijk-geweld.txt", "stikstof.txt"] { try folder.remove(name) }
        let emptied = try folder.run()
        #expect(emptied.removed == 3)
        #expect(emptied.generation == 5)
        let empty = try IndexSnapshot.open(directory: folder.index)
        #expect(empty.documentCount == 0)
        #expect(empty.segments.isEmpty)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.index)) == ["segments_5", "write.lock"])
    }

    @Test func withoutPruneVanishedFilesStay() throws {
        let folder = try LetterFolder()
        try folder.run()
        try folder.remove("stikstof.txt")
        var options = LetterFolder.options()
        options.prune = false
        let summary = try folder.run(options)
        #expect(summary.removed == 0)
        #expect(summary.unchanged == 2)
        #expect(summary.generation == 1)
        #expect(liveIDs(try IndexSnapshot.open(directory: folder.index)).contains("stikstof"))
    }

    @Test func aRerunWithoutChangesTouchesNothing() throws {
        let folder = try LetterFolder()
        try folder.run()
        let before = try folder.indexFiles()
        let summary = try folder.run()
        #expect(summary.unchanged == 3)
        #expect(summary.added == 0 && summary.updated == 0 && summary.removed == 0)
        // Nothing was extracted (bytes counts extracted files) and no commit was made.
        #expect(summary.bytes == 0)
        #expect(summary.generation == 1)
        #expect(try folder.indexFiles() == before)

        // A file touched but not changed is read and hashed, not extracted; its new time is
        // recorded (one commit), so that the next run does not read it again.
        try folder.touch("stikstof.txt", secondsSince1970: 1_000_000_000)
        let touched = try folder.run()
        #expect(touched.unchanged == 3)
        #expect(touched.updated == 0)
        #expect(touched.bytes == 0)
        #expect(touched.generation == 2)
        let afterTouch = try folder.indexFiles()
        let again = try folder.run()
        #expect(again.unchanged == 3 && again.generation == 2)
        #expect(try folder.indexFiles() == afterTouch)
    }

    @Test func filesWithoutDocumentsAndClashingIDs() throws {
        let folder = try LetterFolder()
        // Same id as stikstof.txt: the file walked second (names sort `.md` before `.txt`)
        // gets its path with extension.
        try folder.write("stikstof.md", "# Stikstof\n\nEen notitie over de stikstofdepositie.\n")
        try folder.write("leeg.txt", "")
        try folder.write(".verborgen.txt", "Dit bestand is verborgen.")
        try folder.write("README.md", "Deze map bevat brieven.")
        let summary = try folder.run()
        #expect(summary.added == 4)
        #expect(summary.skipped == 1)
        #expect(summary.warnings.contains { $0.contains("leeg.txt") })
        #expect(summary.warnings.contains { $0.contains("is indexed as stikstof.txt") })
        let snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof", "stikstof.txt"])

        // On the next run neither the clash nor the empty file changes anything.
        let again = try folder.run()
        #expect(again.added == 0 && again.updated == 0 && again.removed == 0)
        #expect(again.generation == 1)
    }

    /// A ParlSpeech export is a document per speech: added, left alone, re-recorded when
    /// touched, replaced row by row when changed, pruned whole, and its speeches found by
    /// what they say and filtered by their own dates.
    @Test func aFileOfSeveralDocumentsLivesAndDiesWhole() throws {
        let folder = try LetterFolder()
        func export(_ rows: [(String, String, String)]) -> String {
            "\"date\",\"agenda\",\"speaker\",\"party\",\"text\",\"parlspeech_row\"\n"
                + rows.enumerated().map { index, row in "\"\(row.0)\",\"NA\",\"\(row.1)\",\"CDA\",\"\(row.2)\",\"\(index + 1)\"\n" }.joined()
        }
        try folder.write("speeches/plenair.csv", export([
            ("2019-04-23", "Keijzer", "Ik zie de minister knikken over de stikstofruimte."),
            ("2012-03-22", "Van Toorenburg", "Blijkbaar heb ik een gevoelige snaar geraakt, zei zij over de gevangenissen."),
            ("1998-10-29", "Vendrik", "Mevrouw de voorzitter! Namens de fractie wil ik, \"\"zoals gezegd\"\", iets zeggen over de begroting."),
        ]))
        let first = try folder.run()
        #expect(first.added == 6)
        var snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot).filter { $0.hasPrefix("speeches/") } == ["speeches/plenair#1", "speeches/plenair#2", "speeches/plenair#3"])
        #expect(try documents(containing: "gevangenissen", in: snapshot) == ["speeches/plenair#2"])
        #expect(try snapshot.storedDocument(id: "speeches/plenair#3")?.date == "1998-10-29")
        #expect(try snapshot.storedDocument(id: "speeches/plenair#3")?.passages.first?.text.contains("\"zoals gezegd\"") == true)

        let again = try folder.run()
        #expect(again.unchanged == 4 && again.added == 0 && again.updated == 0 && again.generation == 1)

        try folder.touch("speeches/plenair.csv", secondsSince1970: 1_000_000_000)
        let touched = try folder.run()
        #expect(touched.unchanged == 4 && touched.bytes == 0 && touched.generation == 2)
        snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot).count == 6)
        #expect(try snapshot.storedDocument(id: "speeches/plenair#2")?.modificationTime == 1_000_000_000 * 1_000_000_000)

        // One speech fewer: two replaced, one removed.
        try folder.write("speeches/plenair.csv", export([
            ("2019-04-23", "Keijzer", "Ik zie de minister knikken over de woningbouw."),
            ("2012-03-22", "Van Toorenburg", "Blijkbaar heb ik een gevoelige snaar geraakt."),
        ]))
        let changed = try folder.run()
        #expect(changed.updated == 2 && changed.removed == 1 && changed.added == 0)
        snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot).filter { $0.hasPrefix("speeches/") } == ["speeches/plenair#1", "speeches/plenair#2"])
        #expect(try documents(containing: "stikstofruimte", in: snapshot) == [])
        #expect(try documents(containing: "woningbouw", in: snapshot) == ["speeches/plenair#1"])

        try folder.remove("speeches/plenair.csv")
        let pruned = try folder.run()
        #expect(pruned.removed == 2)
        #expect(liveIDs(try IndexSnapshot.open(directory: folder.index)).allSatisfy { !$0.hasPrefix("speeches/") })
    }

    /// A speech whose id another file already has is renamed like any clashing document,
    /// the file's other speeches keep theirs, whatever the workers and flush points.
    @Test(arguments: [(1, 256 << 20), (2, 1)])
    func aClashingSpeechIsRenamedAlone(workers: Int, budget: Int) throws {
        let folder = try LetterFolder()
        try folder.write("speeches/plenair#1.txt", "Geachte voorzitter,\n\nEen brief die toevallig zo heet.\n")
        try folder.write("speeches/plenair.csv", "date,speaker,text\n2019-04-23,Keijzer,Over de stikstofruimte.\n2012-03-22,Vendrik,Over de begroting.\n")
        let summary = try folder.run(LetterFolder.options(ramBudgetBytes: budget, workers: workers))
        #expect(summary.warnings.contains { $0.contains("its document id speeches/plenair#1 is taken by another file; it is indexed as speeches/plenair.csv") })
        let snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot).filter { $0.hasPrefix("speeches/") } == ["speeches/plenair#1", "speeches/plenair#2", "speeches/plenair.csv"])
        #expect(try documents(containing: "stikstofruimte", in: snapshot) == ["speeches/plenair.csv"])
        #expect(try documents(containing: "begroting", in: snapshot).contains("speeches/plenair#2"))
        #expect(try documents(containing: "toevallig", in: snapshot) == ["speeches/plenair#1"])
    }

    @Test func aFileThatNoLongerHoldsADocumentTakesItsOldVersionAlong() throws {
        let folder = try LetterFolder()
        try folder.run()
        // Overwritten by something binary (a PDF saved under the old name).
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF, 0xFE, 0x00, 0x01]).write(
            to: URL(fileURLWithPath: folder.documents + "/stikstof.txt"))
        let summary = try folder.run()
        #expect(summary.skipped == 1)
        #expect(summary.removed == 1)
        #expect(summary.unchanged == 2)
        #expect(summary.generation == 2)
        #expect(liveIDs(try IndexSnapshot.open(directory: folder.index)) == ["huiselijk-geweld", "onderwijs/wiskunde"])
    }

    /// `kamerzoek index .` with the index folder under `.`: the index never indexes itself
    /// (its lock file is text, and would change on every run).
    @Test func theIndexFolderIsNotIndexed() throws {
        let folder = try LetterFolder()
        let writer = try IndexWriter(directory: folder.index)
        let summary = try writer.index([folder.temporary.path], options: LetterFolder.options())
        #expect(summary.added == 3)
        #expect(summary.skipped == 0)
        #expect(summary.warnings.isEmpty)
        let again = try writer.index([folder.temporary.path], options: LetterFolder.options())
        #expect(again.unchanged == 3)
        #expect(again.added == 0 && again.updated == 0 && again.skipped == 0)
        #expect(again.generation == 1)
        #expect(liveIDs(try IndexSnapshot.open(directory: folder.index)) == ["brieven/huiselijk-geweld", "brieven/onderwijs/wiskunde", "brieven/stikstof"])
    }

    @Test func aMissingRootIsAnErrorNotADeletion() throws {
        let folder = try LetterFolder()
        try folder.run()
        let writer = try IndexWriter(directory: folder.index)
        #expect(throws: FileWalker.MissingRoot.self) { try writer.index([folder.documents + "-typo"]) }
        #expect(try IndexSnapshot.open(directory: folder.index).documentCount == 3)
    }

    @Test(arguments: [0, 1, 5])
    func anyWorkerCountIndexesEverything(workers: Int) throws {
        let folder = try LetterFolder()
        let summary = try folder.run(LetterFolder.options(workers: workers))
        #expect(summary.added == 3)
        #expect(liveIDs(try IndexSnapshot.open(directory: folder.index)) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])
    }

    /// Workers invert files into segments of their own; how many there are and where they
    /// flush must not change a single posting, stored record or settled id. Of the two
    /// files with the id `stikstof` (`stikstof.md` walked before `stikstof.txt`), the one
    /// walked second gets the new id whichever workers they went to.
    @Test(arguments: [(1, 256 << 20), (2, 256 << 20), (3, 1), (2, 4_000)])
    func workersAndFlushPointsDoNotChangeTheIndex(workers: Int, budget: Int) throws {
        func build(workers: Int, budget: Int) throws -> (postings: [[UInt8]: [LivePosting]], records: [StoredDocument], ids: [String]) {
            let folder = try LetterFolder()
            try folder.write("stikstof.md", "# Stikstof\n\nEen notitie over de stikstofdepositie en de minister van de provincies.\n")
            for number in 0 ..< 12 {
                try folder.write("nummers/brief-\(number).txt", "Brief \(number) over de begroting van het jaar 20\(10 + number), de minister en de gemeenten.")
            }
            var options = LetterFolder.options(ramBudgetBytes: budget, mergeFactor: 100, workers: workers)
            options.chunkBytes = 200  // a chunk or two per letter: every worker gets files
            try folder.run(options)
            let snapshot = try IndexSnapshot.open(directory: folder.index)
            let ids = liveIDs(snapshot)
            let records = try ids.map { try #require(try snapshot.storedDocument(id: $0)) }.map { record -> StoredDocument in
                // Paths differ between the two temporary folders; times too.
                var record = record
                record.source = String(record.source.split(separator: "/").suffix(2).joined(separator: "/"))
                record.modificationTime = 0
                return record
            }
            return (try livePostings(snapshot), records, ids)
        }
        let reference = try build(workers: 1, budget: 256 << 20)
        let other = try build(workers: workers, budget: budget)
        #expect(other.ids == reference.ids)
        #expect(other.ids.contains("stikstof.txt"))
        #expect(other.records == reference.records)
        #expect(other.postings == reference.postings)
    }

    /// Merges copy postings and stream their files, so a tiny RAM budget does not hold
    /// them back; only an explicit cap on merged passages does.
    @Test func mergesAreCappedByTheirPassageLimitNotByTheBudget() throws {
        for (cap, segments) in [(nil, [1, 4]), (1, [1, 1, 1, 1, 1])] as [(Int?, [Int])] {
            let folder = try LetterFolder([:])
            for number in 0 ..< 5 { try folder.write("brief-\(number).txt", "Brief nummer \(number) over de begroting van het jaar 202\(number).") }
            var options = LetterFolder.options(ramBudgetBytes: 1, mergeFactor: 2)
            options.maximumMergedPassages = cap
            _ = try folder.run(options)
            #expect(try IndexSnapshot.open(directory: folder.index).segments.map(\.commit.documentCount).sorted() == segments)
        }
    }

    @Test func flushesAtTheRAMBudgetIntoSeveralSegmentsOfOneCommit() throws {
        let folder = try LetterFolder()
        let summary = try folder.run(LetterFolder.options(ramBudgetBytes: 1, mergeFactor: 100))
        #expect(summary.added == 3)
        #expect(summary.generation == 1)
        let snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(snapshot.segments.map(\.commit.documentCount) == [1, 1, 1])
        #expect(snapshot.segments.map(\.commit.name) == ["_0", "_1", "_2"])
        #expect(snapshot.manifest.nextSegmentNumber == 3)
    }

    @Test func tieredMergesKeepTheSegmentCountDown() throws {
        let folder = try LetterFolder([:])
        for number in 0 ..< 5 { try folder.write("brief-\(number).txt", "Brief nummer \(number) over de begroting van het jaar 202\(number).") }
        let summary = try folder.run(LetterFolder.options(ramBudgetBytes: 1, mergeFactor: 2))
        #expect(summary.added == 5)
        let snapshot = try IndexSnapshot.open(directory: folder.index)
        // 5 one-document segments with factor 2: 1+1 → 2, 1+1 → 2, then 2+2 → 4; 4 and 1 remain.
        #expect(snapshot.segments.map(\.commit.documentCount).sorted() == [1, 4])
        #expect(snapshot.documentCount == 5)
        #expect(summary.generation == snapshot.manifest.generation)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.index))
            == snapshot.manifest.fileNames.union([ManifestStore.fileName(generation: snapshot.manifest.generation), "write.lock"]))
    }

    /// Several merges in one round run on threads of their own and become one commit; the
    /// merged segments take their groups' places.
    @Test func mergesOfOneRoundRunAtOnceInOneCommit() throws {
        let folder = try LetterFolder([:])
        for number in 0 ..< 4 { try folder.write("brief-\(number).txt", "Brief \(number) over de begroting van de gemeente en de minister.") }
        try folder.run(LetterFolder.options(ramBudgetBytes: 1, mergeFactor: 100, workers: 1))
        let before = try IndexSnapshot.open(directory: folder.index)
        #expect(before.segments.count == 4)
        let postings = try livePostings(before)
        let writer = try IndexWriter(directory: folder.index)
        try writer.merge(groups: [[0, 1], [2, 3]], threads: 2)
        let after = try IndexSnapshot.open(directory: folder.index)
        #expect(after.manifest.generation == before.manifest.generation + 1)
        #expect(after.segments.map(\.commit.documentCount) == [2, 2])
        #expect(after.segments.map(\.commit.name) == ["_4", "_5"])
        #expect(try livePostings(after) == postings)
        #expect(liveIDs(after) == liveIDs(before))
    }

    @Test func mergingPreservesEverySearchResult() throws {
        let folder = try LetterFolder()
        try folder.write("asiel.txt", "Geachte voorzitter,\n\nDe opvang van asielzoekers in Ter Apel en de gemeenten.\n\nDe staatssecretaris\n")
        try folder.run()
        // An update and an addition in one-document segments, then a removal: `_0` ends
        // with two of its four documents deleted.
        let small = LetterFolder.options(ramBudgetBytes: 1, mergeFactor: 100)
        try folder.write("stikstof.txt", "Geachte voorzitter,\n\nDe stikstofaanpak en de woningbouw in de gemeenten.\n\nDe minister\n")
        try folder.write("begroting.txt", "De begroting van de gemeenten en de provincies voor het komende jaar.")
        try folder.run(small)
        try folder.remove("asiel.txt")
        try folder.run(small)

        let writer = try IndexWriter(directory: folder.index)
        let before = try IndexSnapshot.open(directory: folder.index)
        #expect(before.segments.map(\.commit.deletedCount) == [2, 0, 0])
        let postingsBefore = try livePostings(before)
        // Both kinds of postings are compared: passages and titles (documents).
        #expect(postingsBefore.keys.contains { $0[0] == TermSpace.titleStem.rawValue })
        #expect(postingsBefore.keys.contains { $0[0] == TermSpace.bodyExact.rawValue })

        try writer.optimize()
        let after = try IndexSnapshot.open(directory: folder.index)
        #expect(after.manifest.generation == before.manifest.generation + 1)
        #expect(after.segments.count == 1)
        #expect(after.segments[0].commit.deletedCount == 0)
        #expect(after.segments[0].deletions == nil)
        #expect(liveIDs(after) == liveIDs(before))
        let postingsAfter = try livePostings(after)
        #expect(postingsAfter.count == postingsBefore.count)
        for (key, list) in postingsBefore {
            #expect(postingsAfter[key] == list, "term \(String(decoding: key.dropFirst(), as: UTF8.self)) in space \(key[0])")
        }
        #expect(try after.distinctTermCount() == postingsAfter.count)
        for id in liveIDs(before) {
            #expect(try after.storedDocument(id: id) == before.storedDocument(id: id))
        }
        try after.segments[0].reader.verify()

        // Optimising an optimised index is a no-op: no new generation.
        try writer.optimize()
        #expect(try ManifestStore.latest(in: folder.index)?.generation == after.manifest.generation)
    }

    @Test func aSnapshotOutlivesTheCommitsAfterIt() throws {
        let folder = try LetterFolder()
        try folder.run()
        let old = try IndexSnapshot.open(directory: folder.index)
        let oldPostings = try livePostings(old)
        let oldStikstof = try old.storedDocument(id: "stikstof")

        // Replace everything, then merge: every file the old snapshot mapped is unlinked.
        try folder.write("stikstof.txt", "Een heel andere brief over de luchtvaart en Schiphol.")
        try folder.remove("huiselijk-geweld.txt")
        let writer = try IndexWriter(directory: folder.index)
        try writer.index([folder.documents], options: LetterFolder.options())
        try writer.optimize()
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.index))
        for name in old.manifest.fileNames.union(["segments_1"]) { #expect(!names.contains(name), "\(name) still there") }

        // The old snapshot still reads its own commit, whole.
        #expect(old.manifest.generation == 1)
        #expect(liveIDs(old) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])
        #expect(try old.storedDocument(id: "stikstof") == oldStikstof)
        #expect(try old.storedDocument(id: "huiselijk-geweld")?.passages.contains { $0.text.contains("Veilig Thuis") } == true)
        #expect(try livePostings(old) == oldPostings)
        for segment in old.segments { try segment.reader.verify() }

        // A new snapshot sees the new commit.
        let new = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(new) == ["onderwijs/wiskunde", "stikstof"])
        #expect(try documents(containing: "Schiphol", in: new) == ["stikstof"])
    }

    @Test func anIndexOfAnotherAnalyzerIsRefusedUnlessRebuilt() throws {
        let folder = try LetterFolder()
        try folder.run()
        let current = try Analyzer().identity
        for change in [
            { (identity: inout AnalyzerIdentity) in identity.stemmerFingerprint += "-other" },
            { (identity: inout AnalyzerIdentity) in identity.rulesVersion += 1 },
        ] {
            // A commit by "another build": same segments, another analyzer in the manifest.
            var manifest = try #require(try ManifestStore.latest(in: folder.index))
            change(&manifest.analyzer)
            manifest.generation += 1
            try ManifestStore.commit(manifest, in: folder.index)

            #expect {
                _ = try IndexWriter(directory: folder.index)
            } throws: { error in
                guard case .analyzerMismatch(let directory, let index, let now)? = error as? IndexSnapshot.OpenError else { return false }
                return directory == folder.index && index == manifest.analyzer.description && now == current.description
            }
            #expect {
                _ = try IndexSnapshot.open(directory: folder.index, analyzer: current)
            } throws: { error in
                if case .analyzerMismatch? = error as? IndexSnapshot.OpenError { return true }
                return false
            }
            let message = "\(IndexSnapshot.OpenError.analyzerMismatch(directory: folder.index, index: "a", current: "b"))"
            #expect(message.contains("kamerzoek index --rebuild --index \(folder.index)"))
        }

        // A rebuild starts from nothing and replaces the old commit in one swap.
        let writer = try IndexWriter(directory: folder.index, rebuild: true)
        #expect(try IndexSnapshot.open(directory: folder.index).manifest.analyzer != current)
        let summary = try writer.index([folder.documents], options: LetterFolder.options())
        #expect(summary.added == 3)
        #expect(summary.unchanged == 0)
        #expect(summary.generation == 4)
        let snapshot = try IndexSnapshot.open(directory: folder.index, analyzer: current)
        #expect(snapshot.manifest.analyzer == current)
        #expect(liveIDs(snapshot) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])
        #expect(snapshot.segments.map(\.commit.name) == ["_1"])
    }

    /// The remedy every `IndexCorruption` message gives, `kamerzoek index --rebuild`, must
    /// work whatever is damaged, the newest manifest included.
    @Test(arguments: ["segments_1", "_0.pst"])
    func aDamagedIndexIsRebuilt(damagedFile: String) throws {
        let folder = try LetterFolder()
        try folder.run()
        let path = "\(folder.index)/\(damagedFile)"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[0] ^= 0xFF  // the header magic
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexCorruption.self) { _ = try IndexSnapshot.open(directory: folder.index) }
        #expect(throws: IndexCorruption.self) { try folder.run() }

        let writer = try IndexWriter(directory: folder.index, rebuild: true)
        let summary = try writer.index([folder.documents], options: LetterFolder.options())
        #expect(summary.added == 3)
        #expect(summary.generation == 2)
        let snapshot = try IndexSnapshot.open(directory: folder.index)
        #expect(liveIDs(snapshot) == ["huiselijk-geweld", "onderwijs/wiskunde", "stikstof"])
        // New names only: a reader may still map the old `_0`.
        #expect(snapshot.segments.map(\.commit.name) == ["_1"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.index)) == snapshot.manifest.fileNames.union(["segments_2", "write.lock"]))
    }

    @Test func anEmptyOrMissingDirectoryHasNoIndex() throws {
        let directory = TemporaryDirectory()
        #expect(throws: IndexSnapshot.OpenError.noIndex(directory: directory.path)) {
            _ = try IndexSnapshot.open(directory: directory.path)
        }
        // A mistyped --index gets the same advice, not a file-system error.
        let missing = directory.path + "/Indx"
        #expect(throws: IndexSnapshot.OpenError.noIndex(directory: missing)) {
            _ = try IndexSnapshot.open(directory: missing)
        }
    }
}

@Suite("Writer lock")
struct WriterLockTests {
    @Test func aSecondWriterIsRefusedWhileTheFirstLives() throws {
        let folder = try LetterFolder()
        var first: IndexWriter? = try IndexWriter(directory: folder.index)
        #expect(first != nil)
        #expect {
            _ = try IndexWriter(directory: folder.index)
        } throws: { error in
            guard let unavailable = error as? WriterLock.Unavailable else { return false }
            return unavailable.directory == folder.index && unavailable.reason.contains("pid \(getpid())")
        }
        // Readers are never locked out.
        _ = try first!.index([folder.documents], options: LetterFolder.options())
        #expect(try IndexSnapshot.open(directory: folder.index).documentCount == 3)
        first = nil
        // Released with the writer.
        _ = try IndexWriter(directory: folder.index)
    }

    /// `flock(1)` from util-linux, a process of its own, tries the same lock.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func anotherProcessSeesTheLock() throws {
        let folder = try LetterFolder()
        func otherProcessCanLock() throws -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            process.arguments = ["--nonblock", "--exclusive", "\(folder.index)/\(WriterLock.fileName)", "true"]
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        var writer: IndexWriter? = try IndexWriter(directory: folder.index)
        #expect(writer != nil)
        #expect(try otherProcessCanLock() == false)
        writer = nil
        #expect(try otherProcessCanLock() == true)
    }
}
