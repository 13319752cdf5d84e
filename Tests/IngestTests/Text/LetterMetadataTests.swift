import Testing
@testable import Ingest

@Test func dateLinesInTheirForms() {
    #expect(LetterMetadata.findDate(in: "Retouradres\nDatum 19 november 2024\nBetreft x") == "2024-11-19")
    #expect(LetterMetadata.findDate(in: "Den Haag, 3 juni 2021") == "2021-06-03")
    #expect(LetterMetadata.findDate(in: "Vragen van het lid X (ingezonden 30 oktober 2024).") == "2024-10-30")
    #expect(LetterMetadata.findDate(in: "(ingezonden d.d.24 okitober 2025).") == "2025-10-24")
    #expect(LetterMetadata.findDate(in: "Antwoord van minister Y (ontvangen\n18 november 2024).") == "2024-11-18")
    #expect(LetterMetadata.findDate(in: "Datum 31 februaritje 2024") == nil)
    // The printed Kamerstukken and the old Handelingen (Staten-Generaal Digitaal OCR).
    #expect(LetterMetadata.findDate(in: "Nr. 67 MOTIE VAN HET LID JANSEN CS. Voorgesteld 11 mei 1978 De Kamer,") == "1978-05-11")
    #expect(LetterMetadata.findDate(in: "NOTA VAN WIJZIGING Ontvangen 26 november 1993 Het voorstel") == "1993-11-26")
    #expect(LetterMetadata.findDate(in: "57ste VERGADERING. — 16 MAART 1920. Mededeeling") == "1920-03-16")
    #expect(LetterMetadata.findDate(in: "VERGADERING VAN DINSDAG 16 MAART 1920. (Bijeenroepingsuur 1 namiddag.)") == "1920-03-16")
}

/// Dates stated in running text of gazette publications (`StatedDate`), from the real
/// samples in Fixtures/real/koop-bladen: a signature split over inline elements, a
/// closing formula, a publication line; dates inside sentences do not count.
@Test func statedDatesInTheirForms() {
    #expect(StatedDate.find(in: ["Winschoten, 14 juni 2017"]) == "2017-06-14")
    #expect(StatedDate.find(in: ["Bergen, 2 3 december 2015"]) == "2015-12-23")
    #expect(StatedDate.find(in: ["Aldus vastgesteld in de vergadering van het dagelijks bestuur van 8 mei 2024."]) == "2024-05-08")
    #expect(StatedDate.find(in: ["Publicatiedatum: 7 maart 2017"]) == "2017-03-07")
    #expect(StatedDate.find(in: ["Dit besluit treedt in werking met ingang van 29 maart 2018."]) == nil)
    #expect(StatedDate.find(in: ["- 05/06/2017, kappen berk en dennenboom, Zuiderweg 21"]) == nil)
    // A signature beats a publication line wherever they stand.
    #expect(StatedDate.find(in: ["Publicatiedatum: 7 maart 2017", "Utrecht, 1 maart 2017"]) == "2017-03-01")
}

@Test func aLawIsDatedByItsOwnTitle() throws {
    let text = "# Wet van 18 maart 1993, tot wijziging van de Reconstructiewet\n\nVastgesteld 13 april 1981 bij besluit.\n"
    let document = try Fixtures.document(text: text, path: "test/BWBR0005922.md")
    #expect(document.date == "1993-03-18")
    #expect(document.type == .wet)
}

@Test func monthNamesWithOneTypo() {
    #expect(LetterMetadata.month(named: "okitober") == 10)
    #expect(LetterMetadata.month(named: "novmber") == 11)
    #expect(LetterMetadata.month(named: "sept") == 9)
    #expect(LetterMetadata.month(named: "mei") == 5)
    #expect(LetterMetadata.month(named: "mij") == nil)
    // One edit from both "juni" and "juli" would be ambiguous; short names never match fuzzily.
    #expect(LetterMetadata.month(named: "jui") == nil)
}

@Test func kamervragenIdentifiers() {
    let text = "2024Z18775\nMondelinge vragen (ingezonden 19 november 2024)\nkv-tk-2024Z18775\nah-tk-20242025-594\n12024Z187750"
    #expect(LetterMetadata.identifiers(in: Array(text.utf8)) == ["2024Z18775", "kv-tk-2024Z18775", "ah-tk-20242025-594"])
}

@Test func dossierNumbersAreNormalised() {
    #expect(DocumentMetadata.normalizedDossier("36 658") == "36658")
    #expect(DocumentMetadata.normalizedDossier(" 34 851") == "34851")
    #expect(DocumentMetadata.normalizedDossier("geen") == nil)
    #expect(RunningFooter.match(Array("Tweede Kamer, vergaderjaar 2020–2021, 28 345, nr. 252 15".utf8)[...])?.dossier == "28345")
    #expect(RunningFooter.match(Array("Tweede Kamer, vergaderjaar 2020–2021, 28 345, nr. 252 15".utf8)[...])?.number == "252")
    #expect(LetterMetadata.ownReference(in: ["Kamerstukken II, 2024-2025, 28345, nr. 285.", "28 345, nr. 252"])! == ("28345", "252"))
}

@Test func metadataFromALetterText() throws {
    let text = """
        > Retouradres Postbus 20301 2500 EH Den Haag

        Aan de Voorzitter van de Tweede Kamer
        der Staten-Generaal

        Ministerie van Justitie en Veiligheid

        Datum 19 november 2024
        Betreft Verzamelbrief naar aanleiding van het commissiedebat Zeden
        en (on)veiligheid van vrouwen

        Geachte voorzitter,

        Hierbij stuur ik u de brief.

        Tweede Kamer, vergaderjaar 2024–2025, 36 658, nr. 12 1
        """
    let document = try Fixtures.document(text: text, path: "test/brieven/verzamelbrief.txt")
    #expect(document.id == "brieven/verzamelbrief")
    #expect(document.title == "Verzamelbrief naar aanleiding van het commissiedebat Zeden en (on)veiligheid van vrouwen")
    #expect(document.date == "2024-11-19")
    #expect(document.type == .brief)
    #expect(document.dossiers == ["36658"])
    #expect(document.documentNumber == "12")
    #expect(document.ministry == "Ministerie van Justitie en Veiligheid")
}

@Test func aDateWrappedOverTwoLinesIsFound() throws {
    let text = """
        2024Z18436
        Vragen van de leden Rooderkerk en Paulusma (beiden D66) aan de
        Staatssecretarissen van Onderwijs, Cultuur en Wetenschap over het artikel «Aidsfonds maakt zich zorgen» (ingezonden 14 november
        2024).
        Vraag 1
        Bent u bekend met het gegeven dat het aantal hiv-diagnoses bij jonge mannen stijgt?
        """
    let document = try Fixtures.document(text: text)
    #expect(document.date == "2024-11-14")
    #expect(document.type == .vragen)
    #expect(document.authors == ["Rooderkerk", "Paulusma (beiden D66)"])
    #expect(LetterMetadata.findDate(in: "(ingezonden 19 november\n2024)") == "2024-11-19")
}

/// A letter that cites a zaak number or an answer to Kamervragen (as the NPCE letter in
/// Fixtures/real/pdf-letters cites "Kamerstuk 2022Z24775") does not take them as
/// its own identifiers or address; Kamervragen papers keep theirs.
@Test func citedNumbersAreNotALettersOwn() throws {
    let letter = try Fixtures.document(text: """
        Datum 3 februari 2023
        Betreft Nationaal Programma Circulaire Economie

        Geachte voorzitter,

        Op 9 december 2022 heeft uw Kamer de Nationale Grondstoffenstrategie (Kamerstuk 2022Z24775) ontvangen, zie ook ah-tk-20222023-1234.
        """)
    #expect(letter.type == .brief)
    #expect(letter.identifiers.isEmpty)
    #expect(letter.url == nil)
    let questions = try Fixtures.document(text: "Vragen van het lid Becker (VVD) aan de minister (ingezonden 24 oktober 2025).\n\nkv-tk-2025Z19210\n\nVraag 1\nKent u het rapport?\n")
    #expect(questions.type == .vragen)
    #expect(questions.identifiers.contains("2025Z19210"))
    #expect(questions.url == "https://zoek.officielebekendmakingen.nl/kv-tk-2025Z19210.html")
}

/// A BNC-fiche has no Betreft and no salutation; its first line names it (the opening
/// of the fiche in Fixtures/real/types).
@Test func aFicheIsNamedByItsFirstLine() throws {
    let fiche = try Fixtures.document(text: """
        Fiche 5: Herziening verordening en richtlijn markten voor financiële instrumenten
        1. Algemene gegevens
        a) Titel voorstel
        Proposal for a directive of the European Parliament and of the Council amending Directive
        b) Datum ontvangst Commissiedocument
        25 november 2021
        """)
    #expect(fiche.type == .fiche)
    #expect(fiche.title == "Fiche 5: Herziening verordening en richtlijn markten voor financiële instrumenten")
    // The receipt date of the Commission's document is not the fiche's date.
    #expect(fiche.date == nil)
}

/// Laws as Markdown (../shared/corpus/wetten-md): dated and named by their own title, in
/// old spelling too, even when the text says `voor zover het betreft` as a letter would.
@Test func lawsAreDatedByTheirTitleInAnySpelling() throws {
    #expect(LetterMetadata.lawDate(in: "Wet van den 18den April 1827, op de zamenstelling der Regterlijke magt") == "1827-04-18")
    #expect(LetterMetadata.lawDate(in: "Wet van den 21sten April 1933, tot verzekering van mijnarbeiders") == "1933-04-21")
    #expect(LetterMetadata.lawDate(in: "Grondwet voor het Koninkrijk der Nederlanden van 24 augustus 1815") == "1815-08-24")
    #expect(LetterMetadata.lawDate(in: "Wet van 14 november, houdende vaststelling van bepalingen") == nil)
    #expect(LetterMetadata.findDate(in: "Vastgesteld den 7den Juni 1934. OTTEN.") == "1934-06-07")

    let law = try Fixtures.document(text: """
        ##Wet van 20 juni 2002 houdende Wet op het onderwijstoezicht

        Wij Beatrix, bij de gratie Gods, Koningin der Nederlanden, Prinses van Oranje-Nassau, enz. enz. enz.

        a. Onze Minister: Onze Minister van Onderwijs, Cultuur en Wetenschap en, voorzover het betreft het onderwijs op het gebied van landbouw, Onze Minister van Economische Zaken,
        """, path: "wetten/BWBR0013800.md")
    #expect(law.type == .wet)
    #expect(law.date == "2002-06-20")
    #expect(law.title == "Wet van 20 juni 2002 houdende Wet op het onderwijstoezicht")

    // A heading that runs on into the next (chapter, article) does not lengthen the title.
    let code = try Fixtures.document(text: "##Grondwet voor het Koninkrijk der Nederlanden van 24 augustus 1815\n\n### Hoofdstuk 1\n\n### Artikel 1\n\nAllen die zich in Nederland bevinden, worden in gelijke gevallen gelijk behandeld.\n", path: "wetten/BWBR0001840.md")
    #expect(code.title == "Grondwet voor het Koninkrijk der Nederlanden van 24 augustus 1815")
    #expect(code.type == .wet)
    #expect(code.date == "1815-08-24")
}

/// Printed Kamerstukken (the SGD OCR papers) that set their date on a line of its own.
@Test func aLineThatIsADateDatesThePaper() {
    #expect(LetterMetadata.dateLine(in: "Kamerstuk\nAan de Voorzitter van de Eerste Kamer\n1 juli 1994\nTijdens de behandeling") == "1994-07-01")
    #expect(LetterMetadata.dateLine(in: "ZITTING 1954—1955\nSoestdijk, 27 Januari 1955.\nJULIANA") == "1955-01-27")
    #expect(LetterMetadata.dateLine(in: "Vaste commissie\nMaandag 11 oktober 1993\nAanvang 10.15 uur") == "1993-10-11")
    #expect(LetterMetadata.dateLine(in: "(Gewijzigd wetsvoorstel)\nNADER GEWIJZIGD VOORSTEL VAN WET 16 november 1994\nWij Beatrix") == "1994-11-16")
    // Dates inside sentences are other events.
    #expect(LetterMetadata.dateLine(in: "Het advies van de Raad van State d.d. 14 september 1994 en het nader rapport\nwerden ontvangen op 6 december 1994.") == nil)
    #expect(LetterMetadata.findDate(in: "Tweede Kamer der Staten-Generaal\n'\ns-Gravenhage, 9 november 1994\nInleiding") == "1994-11-09")
}

/// Cues of the older SGD papers: `Aldus vastgesteld, den 18den December 1945.`, the
/// covering letter's date, `'s Gravenhage,` without its hyphen.
@Test func olderPapersStateTheirDatesSo() {
    #expect(LetterMetadata.findDate(in: "wordt aangevat.\nAldus vastgesteld, den 18den December 1945.\nKRANENBURG.") == "1945-12-18")
    #expect(LetterMetadata.findDate(in: "MEMORIE VAN ANTWOORD (Ingezonden bij brief van 3 mei 1957)\nNr. 6") == "1957-05-03")
    #expect(LetterMetadata.findDate(in: "'s Gravenhage, den 29sten November 1932.\nTen vervolge op mijn schrijven") == "1932-11-29")
}
