import Testing
@testable import Ingest

/// Real files from each corpus folder (see Fixtures/SOURCES.md), with the metadata we
/// expect exactly.
struct Expected {
    var path: String
    var id: String
    var title: String?
    var date: String?
    var type: DocumentType
    var dossiers: [String] = []
    var number: String? = nil
    var identifiers: [String] = []
    var authors: [String] = []
    var notes: Int = 0
    var warnings: [String] = []
    var firstHeading: String? = nil
}

let expectedCorpus: [Expected] = [
    Expected(
        path: "letters/000_85669a61f80ec8e0.txt", id: "letters/000_85669a61f80ec8e0",
        title: "Antwoorden op Kamervragen van het lid Becker (VVD) over het Grevio rapport 'Building trust by delivering support, protection and justice Netherlands First thematic evaluation report' (2025Z19210) (ingezonden d.d.24 okitober 2025).",
        date: "2025-10-24", type: .antwoord, identifiers: ["2025Z19210"], authors: ["Becker (VVD)"], notes: 2),
    Expected(
        path: "letters/003_0900d826318ff4d0.txt", id: "letters/003_0900d826318ff4d0",
        title: "Verzamelbrief naar aanleiding van het commissiedebat Zeden en (on)veiligheid van vrouwen",
        date: "2024-11-19", type: .brief, notes: 12),
    Expected(
        path: "kamervragen-txt/kv-004-Antwoord_op_vragen_van_het_lid_Boswijk_o.pdf.txt",
        id: "kamervragen-txt/kv-004-Antwoord_op_vragen_van_het_lid_Boswijk_o.pdf",
        title: "Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over het bezoek van de Secretaris-Generaal van de Verenigde Naties aan de top van de BRICS-landen (ingezonden 24 oktober 2024).",
        date: "2024-11-18", type: .antwoord, identifiers: ["ah-tk-20242025-575"], authors: ["Boswijk (CDA)"], notes: 2),
    Expected(
        path: "kamervragen-txt/kv-012-Vergunningverlening_aan_escortbureaus.docx.txt",
        id: "kamervragen-txt/kv-012-Vergunningverlening_aan_escortbureaus.docx",
        title: "Vragen van het lid Tseggai (GroenLinks-PvdA) aan de minister van Justitie en Veiligheid over vergunningverlening aan escortbureaus",
        date: "2024-11-20", type: .vragen, identifiers: ["2024Z18891"], authors: ["Tseggai (GroenLinks-PvdA)"]),
    Expected(
        path: "kamervragen-txt/kv-026-Uitstel_beantwoording_vragen_van_de_lede.docx.txt",
        id: "kamervragen-txt/kv-026-Uitstel_beantwoording_vragen_van_de_lede.docx",
        title: "Mededeling van staatssecretaris Rummenie (Landbouw, Visserij, Voedselzekerheid en Natuur) (ontvangen 20 november 2024)",
        date: "2024-11-20", type: .mededeling, identifiers: ["2024Z17538"]),
    Expected(path: "sgd-ocr-txt/sgd-0000053045.txt", id: "sgd-ocr-txt/sgd-0000053045", title: "Bijlagen.", date: nil, type: .overig),
    Expected(path: "sgd-ocr-txt/sgd-0000316494.txt", id: "sgd-ocr-txt/sgd-0000316494", title: "Bijlagen.", date: nil, type: .wetsvoorstel),
    Expected(
        path: "wetten-md/BWBR0022911.md", id: "wetten-md/BWBR0022911",
        title: "Wet van 22 november 2007, houdende verlenging van de totale duur van de voorwaardelijke beëindiging van de verpleging van overheidswege",
        date: "2007-11-22", type: .wet,
        firstHeading: "Wet van 22 november 2007, houdende verlenging van de totale duur van de voorwaardelijke beëindiging van de verpleging van overheidswege"),
    Expected(
        path: "wetten-md/BWBR0031991.md", id: "wetten-md/BWBR0031991",
        title: "Wet van 13 september 2012 tot wijziging van de Algemene pensioenwet politieke ambtsdragers in verband met het beperken van de maximumduur van de uitkering (Wet aanpassing uitkeringsduur Appa)",
        date: "2012-09-13", type: .wet,
        firstHeading: "Wet van 13 september 2012 tot wijziging van de Algemene pensioenwet politieke ambtsdragers in verband met het beperken van de maximumduur van de uitkering (Wet aanpassing uitkeringsduur Appa)"),
    Expected(path: "htk-xml/original/h-tk-20172018-50-1.xml", id: "h-tk-20172018-50-1", title: "50e vergadering", date: "2018-02-08", type: .handelingen),
    Expected(
        path: "htk-xml/original/h-tk-20172018-61-10.xml", id: "h-tk-20172018-61-10", title: "Ondernemen en Bedrijfsfinanciering",
        date: nil, type: .handelingen, firstHeading: "Ondernemen en Bedrijfsfinanciering"),
    Expected(
        path: "htk-xml/reserialised-mojibake/h-tk-20172018-70-13.xml", id: "h-tk-20172018-70-13", title: "Sluiting", date: nil,
        type: .handelingen,
        warnings: ["removed 7 bytes of junk before the XML declaration", "restored the case of lower-cased attribute names"],
        firstHeading: "Sluiting"),
    Expected(
        path: "htk-xml/reserialised-mojibake/h-tk-20172018-70-6.xml", id: "h-tk-20172018-70-6",
        title: "Stemmingen moties Informele Milieuraad d.d. 10-11 april 2018", date: nil, type: .handelingen,
        warnings: [
            "removed 7 bytes of junk before the XML declaration",
            "repaired 8 double-encoded UTF-8 characters (such as 'Ã¶' for 'ö')",
            "restored the case of lower-cased attribute names",
        ],
        firstHeading: "Stemmingen moties Informele Milieuraad d.d. 10-11 april 2018"),
    Expected(
        path: "parlamint-nl/ParlaMint-NL_2019-05-16-tweedekamer-11.xml", id: "parlamint-nl/ParlaMint-NL_2019-05-16-tweedekamer-11",
        title: "Verslag van de vergadering van de Tweede Kamer, Meeting 83, Session 11 (2019-05-16)", date: "2019-05-16",
        type: .handelingen, firstHeading: "Lekken van gifgas door chemiebedrijf Chemours – De voorzitter"),
    Expected(
        path: "parlamint-nl/ParlaMint-NL_2022-07-12-eerstekamer-3.xml", id: "parlamint-nl/ParlaMint-NL_2022-07-12-eerstekamer-3",
        title: "Verslag van de vergadering van de Eerste Kamer, Meeting 38, Session 3 (2022-07-12)", date: "2022-07-12",
        type: .handelingen, firstHeading: "Wijziging begrotingsstaten Justitie en Veiligheid 2022 (Voorjaarsnota) – De voorzitter"),
    Expected(
        path: "rechtspraak-xml/ECLI.NL.HR.1992.AA1835.xml", id: "rechtspraak-xml/ECLI.NL.HR.1992.AA1835",
        title: "ECLI:NL:HR:1992:AA1835 Hoge Raad, 27-05-1992 / 27970", date: "1992-05-27", type: .uitspraak,
        identifiers: ["ECLI:NL:HR:1992:AA1835", "27970"], authors: ["Hoge Raad"], firstHeading: "Inhoudsindicatie"),
    Expected(
        path: "rechtspraak-xml/ECLI.NL.HR.1995.AA3071.xml", id: "rechtspraak-xml/ECLI.NL.HR.1995.AA3071",
        title: "ECLI:NL:HR:1995:AA3071 Hoge Raad, 15-03-1995 / 30009", date: "1995-03-15", type: .uitspraak,
        identifiers: ["ECLI:NL:HR:1995:AA3071", "30009"], authors: ["Hoge Raad"], firstHeading: "Inhoudsindicatie"),
]

/// The ParlSpeech sample (the first five speeches of the shared corpus's export): one
/// document per speech, with the date, speaker and party its row states; the agenda
/// column says NA, so the speaker and date name the speech.
@Test func aParlSpeechExportIsOneDocumentPerSpeech() throws {
    let outcome = try Extractor().extract(fileAt: Fixtures.path("corpus/parlspeech-nl-csv/parlspeech-head.csv"), relativeTo: Fixtures.root + "/corpus")
    guard case .documents(let speeches) = outcome else {
        Issue.record("not split: \(outcome)")
        return
    }
    #expect(speeches.map(\.id) == [1127449, 362010, 713255, 1004061, 157786].map { "parlspeech-nl-csv/parlspeech-head#\($0)" })
    #expect(speeches.map(\.date) == ["2019-04-23", "2004-06-17", "2012-03-22", "2017-10-05", "1998-10-29"])
    #expect(speeches.map(\.title) == [
        "De voorzitter, 2019-04-23", "VOORZITTER (other), 2004-06-17", "Van Toorenburg (CDA), 2012-03-22",
        "Mevrouw Keijzer (CDA), 2017-10-05", "Vendrik (GL), 1998-10-29",
    ])
    #expect(speeches.allSatisfy { $0.type == .handelingen && $0.source.hasSuffix("parlspeech-head.csv") })
    #expect(speeches[2].authors == ["Van Toorenburg"])
    #expect(speeches[2].passages.first?.heading == "Van Toorenburg (CDA)")
    #expect(speeches[0].text == "Gaat u verder.")
    #expect(speeches[4].text.hasPrefix("Mevrouw de voorzitter! Namens de fractie van GroenLinks wil"))
}

/// The BWB works' manifests beside their versions are metadata about the law, not
/// documents (they were indexed as documents titled `BWBR0002458` before).
@Test func bwbManifestsAreNotDocuments() throws {
    for path in ["wetten-xml/BWBV0001109/manifest.xml", "wetten-xml/BWBR0002458/manifest.xml"] {
        let outcome = try Extractor().extract(fileAt: Fixtures.path("corpus/" + path), relativeTo: Fixtures.root + "/corpus")
        guard case .skipped = outcome else {
            Issue.record("\(path) was indexed")
            continue
        }
    }
}

@Test(arguments: expectedCorpus.indices)
func realCorpusFileMetadata(_ index: Int) throws {
    let expected = expectedCorpus[index]
    let document = try Fixtures.document("corpus/" + expected.path)
    #expect(document.id == expected.id)
    #expect(document.title == expected.title)
    #expect(document.date == expected.date)
    #expect(document.type == expected.type)
    #expect(document.dossiers == expected.dossiers)
    #expect(document.documentNumber == expected.number)
    #expect(document.identifiers == expected.identifiers)
    #expect(document.authors == expected.authors)
    #expect(document.notes.count == expected.notes)
    #expect(document.warnings == expected.warnings.map { Fixtures.path("corpus/" + expected.path) + ": " + $0 })
    #expect(document.passages.first?.heading == expected.firstHeading)
    #expect(!document.passages.isEmpty)
}

@Test func wordExportLetterIsCleaned() throws {
    let document = try Fixtures.document("corpus/letters/000_85669a61f80ec8e0.txt")
    #expect(!document.text.contains("[bookmark:"))
    #expect(!document.text.contains("[footnoteRef:"))
    #expect(document.notes.map(\.text) == ["Rapport Monitor Veilige Opvang 2022-2023 compleet.", "Kleinjan – Van Zwet, M., Het tijdelijk huisverbod vanuit een nieuw perspectief, Analyse van de knelpunten en concrete voorstellen voor een verbeterde werkwijze van de Wet tijdelijk huisverbod, maart 2024. Zie Kamerstukken II, 2023-2024, 28345, nr. 278."])
    let headings = document.passages.compactMap(\.heading)
    #expect(headings.prefix(4) == ["Vraag 1.", "Antwoord vraag 1.", "Vraag 2.", "Antwoord vraag 2."])
    #expect(document.passages[2].text == "Ja, ik ben hiermee bekend.")
}

@Test func pdfKamervragenLoseTheirRunningHeads() throws {
    let document = try Fixtures.document("corpus/kamervragen-txt/kv-004-Antwoord_op_vragen_van_het_lid_Boswijk_o.pdf.txt")
    #expect(!document.text.contains("ISSN 0921"))
    #expect(!document.text.contains("Tweede Kamer der Staten-Generaal"))
    #expect(document.passages[0].text.hasPrefix("Vergaderjaar 2024–2025 Aanhangsel van de Handelingen\n"))
    #expect(!document.text.contains("ah-tk-20242025-575"))
    #expect(document.notes.first == Note(label: "1", text: "X, 23 oktober 2024 (https://x.com/hubertsmeets/status/1849009806952071192)"))
    #expect(document.passages.compactMap(\.heading).prefix(4) == ["Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"])
}

@Test func mojibakeHandelingenAreRepaired() throws {
    let document = try Fixtures.document("corpus/htk-xml/reserialised-mojibake/h-tk-20172018-70-6.xml")
    #expect(document.text.contains("de motie-Kröger over één emissie-eis"))
    #expect(!document.text.contains("Ã"))
}
