import Foundation
import Testing
@testable import Ingest

/// Tables are not documents; a folder's manifest gives the files it lists what their
/// own text does not say. The manifest rows copy the shape of
/// `../shared/corpus/sgd-ocr-txt/MANIFEST.tsv` (Staten-Generaal Digitaal OCR papers).
@Suite struct FolderManifestTests {
    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aManifestDatesTitlesAndLinksTheFilesItLists() throws {
        let folder = try Fixtures.temporaryDirectory()
        try write("""
            file\tsource_url\tsource_shard\tchars\tdate\ttitle
            sgd-0000142774.txt\thttps://zoek.officielebekendmakingen.nl/0000142774/ocr\tsgd_shard_1.jsonl\t1830\t1921-03-04\tVerslag der commissie
            sgd-0000267410.txt\tnot a url\tsgd_shard_1.jsonl\t1591\t\t

            """, to: folder + "/MANIFEST.tsv")
        try write("De commissie heeft de eer verslag uit te brengen over het ontwerp.\n", to: folder + "/sgd-0000142774.txt")
        try write("Den Haag, 3 maart 1950\n\nDe Minister deelt mede dat het ontwerp gereed is.\n", to: folder + "/sgd-0000267410.txt")
        let extractor = Extractor()

        guard case .document(let listed) = try extractor.extract(fileAt: folder + "/sgd-0000142774.txt", relativeTo: folder) else {
            Issue.record("skipped")
            return
        }
        #expect(listed.url == "https://zoek.officielebekendmakingen.nl/0000142774/ocr")
        #expect(listed.date == "1921-03-04")
        #expect(listed.title == "Verslag der commissie")

        // A row without a usable URL, date or title leaves the document's own findings.
        guard case .document(let own) = try extractor.extract(fileAt: folder + "/sgd-0000267410.txt", relativeTo: folder) else {
            Issue.record("skipped")
            return
        }
        #expect(own.url == nil)
        #expect(own.date == "1950-03-03")

        guard case .skipped(let reason) = try extractor.extract(fileAt: folder + "/MANIFEST.tsv", relativeTo: folder) else {
            Issue.record("the manifest was indexed as a document")
            return
        }
        #expect(reason.hasPrefix("a manifest of 6 columns (file, source_url, source_shard, chars, …), not a document"))
    }

    @Test func theDocumentsOwnStatementsWinOverTheManifest() throws {
        let folder = try Fixtures.temporaryDirectory()
        try write("file\tdate\ttitle\nbrief.txt\t2001-01-01\tAnders\n", to: folder + "/manifest.tsv")
        try write("Datum 12 maart 2024\nBetreft Voortgang aanpak\n\nGeachte voorzitter,\n\nHierbij bericht ik u.\n", to: folder + "/brief.txt")
        guard case .document(let document) = try Extractor().extract(fileAt: folder + "/brief.txt", relativeTo: folder) else {
            Issue.record("skipped")
            return
        }
        #expect(document.date == "2024-03-12")
        #expect(document.title == "Voortgang aanpak")
    }

    @Test func tablesAreSkippedWithTheirShapeButParlSpeechIsRead() throws {
        let table = Fixtures.outcome(Array("naam,adres,plaats\nA,B,C\n".utf8), path: "data/adressen.csv")
        #expect(table == .skipped(reason: "a table of 3 columns (naam, adres, plaats), not a document; manifests give their rows' url, date and title to the files they list"))
        let speeches = try Extractor().extract(fileAt: Fixtures.path("corpus/parlspeech-nl-csv/parlspeech-head.csv"), relativeTo: nil)
        guard case .documents(let documents) = speeches else {
            Issue.record("the ParlSpeech export was not read as speeches")
            return
        }
        #expect(documents.count == 5)
        // Text with commas is not a table unless its name says so.
        #expect(try Fixtures.document(text: "naam,adres\nA,B\n", path: "notes/brief.txt").passages.count == 1)
    }
}
