import Foundation
import Testing
@testable import Ingest

@Test func kamerstukLetterWithMetadataSidecar() throws {
    let document = try Fixtures.document("koop/kst-34851-4.xml", root: Fixtures.root)
    #expect(document.id == "kst-34851-4")
    #expect(document.title == "Voortgang programma Geweld hoort nergens thuis")
    #expect(document.date == "2017-12-13")
    #expect(document.type == .brief)
    #expect(document.dossiers == ["34851"])
    #expect(document.documentNumber == "4")
    #expect(document.ministry == "Ministerie van Justitie en Veiligheid")
    #expect(document.authors == ["F.B.J. Grapperhaus"])
    #expect(document.format == .xml)
    #expect(document.warnings == [])
    #expect(document.notes == [
        Note(label: "1", text: "Kamerstuk 28 345, nr. 185."),
        Note(label: "2", text: "Kamerstukken II, 2016-2017, 28 345, nr. 170."),
    ])
    #expect(document.passages.map(\.heading) == [
        nil, "Aanpak huiselijk geweld", "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID", "Stand van zaken", "1. Inleiding",
    ])
    // The <?xpp?> inside "voort…gang" leaves the word whole; the footnote left the sentence.
    #expect(document.passages[3].text == "Met deze brief informeer ik uw Kamer over de voortgang van het programma Geweld hoort nergens thuis. De regio's werken samen met gemeenten.")
    #expect(document.passages[4].text == "Huiselijk geweld raakt jaarlijks honderdduizenden mensen.\nVeilig Thuis is bereikbaar.\nDe meldcode is aangescherpt.\nMeldingen\n1200\nDe Minister van Justitie en Veiligheid,\nF.B.J. Grapperhaus")
}

@Test func kamerstukWithoutSidecarUsesItsOwnText() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let copy = directory + "/kst-34851-4.xml"
    try FileManager.default.copyItem(atPath: Fixtures.path("koop/kst-34851-4.xml"), toPath: copy)
    let outcome = try Extractor().extract(fileAt: copy, relativeTo: directory)
    guard case .document(let document) = outcome else { Issue.record("skipped"); return }
    #expect(document.id == "kst-34851-4")
    #expect(document.title == "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID")
    #expect(document.date == "2017-12-12")
    #expect(document.type == .brief)
    #expect(document.dossiers == ["34851"])
    #expect(document.documentNumber == "4")
    #expect(document.ministry == "Ministerie van Justitie en Veiligheid")

    // The other sidecar spelling, X.metadata.xml, is merged the same way.
    try FileManager.default.copyItem(atPath: Fixtures.path("koop/kst-34851-4/metadata.xml"), toPath: directory + "/kst-34851-4.metadata.xml")
    guard case .document(let merged) = try Extractor().extract(fileAt: copy, relativeTo: directory) else { Issue.record("skipped"); return }
    #expect(merged.title == "Voortgang programma Geweld hoort nergens thuis")
    #expect(merged.date == "2017-12-13")
}

@Test func metadataSidecarAloneIsSkipped() throws {
    let outcome = try Extractor().extract(fileAt: Fixtures.path("koop/kst-34851-4/metadata.xml"), relativeTo: Fixtures.root)
    #expect(outcome == .skipped(reason: "a KOOP metadata.xml sidecar; it is merged into the publication beside it"))
}

@Test func kamervragenXML() throws {
    let document = try Fixtures.document("koop/kv-tk-2024Z18775.xml", root: Fixtures.root)
    #expect(document.id == "kv-tk-2024Z18775")
    #expect(document.title == "Vragen van het lid Krul (CDA) aan de Minister voor Economische Zaken over het bericht «TEMU schendt privacy door telefoon ’s nachts te ontgrendelen» (ingezonden 19 november 2024).")
    #expect(document.date == "2024-11-19")
    #expect(document.type == .vragen)
    #expect(document.identifiers == ["2024Z18775"])
    #expect(document.authors == ["Krul (CDA)"])
    #expect(document.dossiers == [])
    #expect(document.notes == [Note(label: "1", text: "Hartvannederland.nl, 16 november 2024.")])
    #expect(document.passages.map(\.heading) == [nil, "Vraag 1", "Vraag 2"])
    #expect(document.passages.map(\.text).suffix(2) == ["Bent u bekend met het bericht?", "Deelt u de mening dat dit een ernstige inbreuk op de privacy is?"])
}

@Test func syncFeedEntry() throws {
    let document = try Fixtures.document("koop/syncfeed-2022D06725.xml", root: Fixtures.root)
    #expect(document.id == "koop/syncfeed-2022D06725")
    #expect(document.title == "Voortgang aanpak huiselijk geweld en kindermishandeling")
    #expect(document.date == "2022-02-28")
    #expect(document.type == .brief)
    #expect(document.documentNumber == "2022D06725")
    #expect(document.dossiers == ["28345"])
    #expect(document.passages.map(\.text) == ["Zevende voortgangsrapportage programma Geweld hoort nergens thuis"])
    #expect(document.warnings == [])
}

@Test func syncFeedTombstoneIsSkipped() throws {
    let feed = try String(contentsOfFile: Fixtures.path("koop/syncfeed-2022D06725.xml"), encoding: .utf8)
        .replacingOccurrences(of: "tk:verwijderd=\"false\"", with: "tk:verwijderd=\"true\"")
    #expect(Fixtures.outcome(Array(feed.utf8), path: "test/feed.xml") == .skipped(reason: "the SyncFeed record marks the document as deleted (tk:verwijderd)"))
}

@Test func bwbLaw() throws {
    let document = try Fixtures.document("bwb/BWBR9999999_2020-01-01_0.xml", root: Fixtures.root)
    #expect(document.id == "bwb/BWBR9999999_2020-01-01_0")
    #expect(document.title == "Proefwet")
    #expect(document.date == "2020-01-01")
    #expect(document.type == .wet)
    #expect(document.identifiers == ["BWBR9999999"])
    #expect(document.passages.map(\.heading) == [nil, "Hoofdstuk 1 Algemene bepalingen – Artikel 1"])
    #expect(document.passages[1].text == "1\nDeze wet verstaat onder proef: een bepaling die alleen in tests bestaat.\n2\nEen proef is geen echte wet.")
}

@Test func syncFeedWithSeveralEntriesReadsTheFirstAndSaysSo() throws {
    let feed = try String(contentsOfFile: Fixtures.path("koop/syncfeed-2022D06725.xml"), encoding: .utf8)
    let entryStart = feed.range(of: "  <entry>")!.lowerBound
    let entryEnd = feed.range(of: "</entry>\n")!.upperBound
    let entry = String(feed[entryStart ..< entryEnd]).replacingOccurrences(of: "2022D06725", with: "2022D09999")
    let doubled = feed.replacingOccurrences(of: "</feed>", with: entry + "</feed>")
    let document = try Fixtures.document(Array(doubled.utf8), path: "test/feed.xml")
    #expect(document.documentNumber == "2022D06725")
    #expect(document.warnings == ["test/feed.xml: the feed holds 2 documents; only the first was read"])
}

@Test func kamervragenAnswersXMLKeepsQuestionsAndAnswersApart() throws {
    let document = try Fixtures.document("koop/ah-tk-20242025-575.xml", root: Fixtures.root)
    #expect(document.id == "ah-tk-20242025-575")
    #expect(document.type == .antwoord)
    #expect(document.title == "Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over het bezoek van de Secretaris-Generaal van de Verenigde Naties aan de top van de BRICS-landen (ingezonden 24 oktober 2024).")
    #expect(document.date == "2024-11-18")
    #expect(document.identifiers == ["2024Z17331"])
    #expect(document.authors == ["Boswijk (CDA)"])
    #expect(document.ministry == "Ministerie van Buitenlandse Zaken")
    #expect(document.passages.map(\.heading) == [nil, "Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"])
    #expect(document.passages.map(\.text).suffix(2) == ["Deelt u de analyse?", "Ja.\nDe Minister van Buitenlandse Zaken,\nC.C.J. Veldkamp"])
}

/// A BWB work's manifest and wetstechnische informatie sit beside the law's versions
/// (as in ../shared/corpus/wetten-xml): metadata, not documents. Another `<work>` is read.
@Test func bwbMetadataFilesAreSkipped() throws {
    let manifest = #"<?xml version="1.0" encoding="utf-8"?><work xsi:noNamespaceSchemaLocation="../_manifest.xsd" label="BWBR0002458"><metadata><datum_inwerkingtreding>1966-05-01</datum_inwerkingtreding></metadata></work>"#
    let wti = #"<?xml version="1.0"?><wetstechnische-informatie bwb-id="BWBR0002458"><algemene-informatie><citeertitel status="officieel">Drank- en Horecawet</citeertitel></algemene-informatie></wetstechnische-informatie>"#
    for (bytes, path) in [(manifest, "wetten/BWBR0002458/manifest.xml"), (wti, "wetten/BWBR0002458/BWBR0002458.WTI")] {
        guard case .skipped(let reason) = Fixtures.outcome(Array(bytes.utf8), path: path) else {
            Issue.record("\(path) was indexed")
            continue
        }
        #expect(reason.hasPrefix("BWB metadata"))
    }
    let poem = try Fixtures.document(Array(#"<?xml version="1.0"?><work><title>Gedichten</title><p>Een regel over de zee.</p></work>"#.utf8), path: "test/work.xml")
    #expect(poem.passages.map(\.text).joined().contains("Een regel over de zee."))
}
