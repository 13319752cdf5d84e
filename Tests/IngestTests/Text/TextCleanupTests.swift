import Testing
@testable import Ingest

private func clean(_ text: String, markdown: Bool = false) -> TextCleanup.Result {
    TextCleanup.clean(text, markdown: markdown)
}

private func paragraphs(_ text: String, markdown: Bool = false) -> [String] {
    clean(text, markdown: markdown).builder.blocks.map(\.text)
}

@Test func wordMarkersAreDeletedAndFootnoteBodiesBecomeNotes() {
    let result = clean("[bookmark: _Hlk205377714]De monitor is gepubliceerd.[footnoteRef:1] Meer volgt. [1:  Kamerstukken II, 2024-2025, 36 658, nr. 1]\n")
    #expect(result.builder.blocks.map(\.text) == ["De monitor is gepubliceerd. Meer volgt."])
    #expect(result.builder.notes == [Note(label: "1", text: "Kamerstukken II, 2024-2025, 36 658, nr. 1")])
}

@Test func supFootnotesInMarkdown() {
    let result = clean("Zij verzoekt de regering dit te doen.<sup>1</sup> Daarnaast meer.\n\n<sup>1</sup> Kamerstukken II, 2024-2025, 29279, nr. 890.\n", markdown: true)
    #expect(result.builder.blocks.map(\.text) == ["Zij verzoekt de regering dit te doen. Daarnaast meer."])
    #expect(result.builder.notes == [Note(label: "1", text: "Kamerstukken II, 2024-2025, 29279, nr. 890.")])
}

@Test func markdownSyntaxIsStrippedAndHeadingsHeadPassages() {
    let result = clean("#### Vragen\n\nDit is **vet** en *cursief*, zie [de site](https://example.nl).\n\n***Eerste reactie***\n\nTekst.\n", markdown: true)
    #expect(result.builder.blocks == [
        Block(heading: "Vragen", text: "Dit is vet en cursief, zie de site.", section: 1),
        Block(heading: "Eerste reactie", text: "Tekst.", section: 2),
    ])
}

@Test func lineBreakHyphensAreJoinedByTheRules() {
    let text = """
        Daarom is het belangrijk dat omstanders en professio-
        nals weten wat te doen. Het onderzoek van het Verwey-
        Jonker Instituut helpt gemeenten, zorg-
        en veiligheidsorganisaties en de wiskunde-
        Onderwijsraad verder.
        """
    #expect(paragraphs(text) == [
        "Daarom is het belangrijk dat omstanders en professionals weten wat te doen. Het onderzoek van het Verwey-Jonker Instituut helpt gemeenten, zorg- en veiligheidsorganisaties en de wiskunde-Onderwijsraad verder.",
    ])
}

@Test func hyphenationStepsOverAFootnoteAndAFooter() {
    let text = """
        Zij hebben het aangedurfd om, ook met behulp van de regionale project-

        1 Raadpleegbaar via www.tweedekamer.nl
        Tweede Kamer, vergaderjaar 2020–2021, 28 345, nr. 252 2
         leiders, zaken anders aan te pakken dan tot nu toe gedaan werd.
        """
    let result = clean(text)
    #expect(result.builder.blocks.map(\.text) == ["Zij hebben het aangedurfd om, ook met behulp van de regionale projectleiders, zaken anders aan te pakken dan tot nu toe gedaan werd."])
    #expect(result.builder.notes == [Note(label: "1", text: "Raadpleegbaar via www.tweedekamer.nl")])
    #expect(result.footerReferences.map(\.dossier) == ["28345"])
    #expect(result.footerReferences.map(\.number) == ["252"])
}

@Test func gluedFootnoteMarksAreRemovedWhenTheirBodyIsFound() {
    let text = """
        Wij bieden u de rapportage aan als mede-opdrachtgever aanbieden1. Het programma loopt.
        1 Raadpleegbaar via www.tweedekamer.nl
        """
    let result = clean(text)
    #expect(result.builder.blocks.map(\.text) == ["Wij bieden u de rapportage aan als mede-opdrachtgever aanbieden. Het programma loopt."])
    #expect(result.builder.notes.map(\.text) == ["Raadpleegbaar via www.tweedekamer.nl"])
}

@Test func bulletsStartParagraphsAndWrappedLinesAreReflowed() {
    let text = """
        Door de inzet van velen is het volgende gerealiseerd, en dat is best
        veel voor een programma van deze omvang en met deze middelen:
        – In de regio’s werken professionals vanuit de visie gefaseerde
        ketenzorg en zij doen dat met veel inzet en overtuiging samen.
        · Organisaties weten elkaar steeds beter te vinden in de regio.
        \u{F0B7} De kennis is opgenomen in concrete handvatten voor teams.
        """
    #expect(paragraphs(text) == [
        "Door de inzet van velen is het volgende gerealiseerd, en dat is best veel voor een programma van deze omvang en met deze middelen:",
        "In de regio’s werken professionals vanuit de visie gefaseerde ketenzorg en zij doen dat met veel inzet en overtuiging samen.",
        "Organisaties weten elkaar steeds beter te vinden in de regio.",
        "De kennis is opgenomen in concrete handvatten voor teams.",
    ])
}

@Test func questionAndAnswerLabelsAreHeadings() {
    let result = clean("Vraag 1.\nBent u bekend met het rapport?\n\nAntwoord vraag 1.\nJa.\nVraag 4 en 5\nKlopt het?\nAntwoord op vragen 4 en 5\nNee.\n")
    #expect(result.builder.blocks.map(\.heading) == ["Vraag 1.", "Antwoord vraag 1.", "Vraag 4 en 5", "Antwoord op vragen 4 en 5"])
    #expect(Set(result.builder.blocks.map(\.section)).count == 4)
}

@Test func enumeratedItemsStartParagraphsAndKeepTheirNumber() {
    let text = """
        De Meerjarenagenda heeft de volgende ambities, die wij graag met u delen en toelichten:
        1. Een 24 uur per dag bereikbaar advies- en meldpunt met een integrale crisisfunctie;
        2. Eén integraal veiligheid- en beschermingsonderzoek, gericht op kinderen en
        volwassenen;
        a. Het Toekomstscenario kind- en gezinsbescherming en de Hervormingsagenda Jeugd, zoals
        vastgelegd in de brief van het kabinet over de jeugdzorg en de reeks die daarop volgde.
        """
    #expect(paragraphs(text) == [
        "De Meerjarenagenda heeft de volgende ambities, die wij graag met u delen en toelichten:",
        "1. Een 24 uur per dag bereikbaar advies- en meldpunt met een integrale crisisfunctie;",
        "2. Eén integraal veiligheid- en beschermingsonderzoek, gericht op kinderen en volwassenen;",
        "a. Het Toekomstscenario kind- en gezinsbescherming en de Hervormingsagenda Jeugd, zoals vastgelegd in de brief van het kabinet over de jeugdzorg en de reeks die daarop volgde.",
    ])
}

@Test func prettyPrintedXMLSpacesAroundPunctuationAreRemoved() {
    #expect(WhiteSpace.tidyPunctuation("moties , ingediend bij het VSO ( 21501-08 , nr. 719 ) .") == "moties, ingediend bij het VSO (21501-08, nr. 719).")
    #expect(WhiteSpace.tidyPunctuation("De voorzitter :") == "De voorzitter:")
    #expect(WhiteSpace.tidyPunctuation("zie nr. 3 en art. 5") == "zie nr. 3 en art. 5")
    #expect(WhiteSpace.tidyPunctuation("een .NET-toepassing") == "een .NET-toepassing")
}

@Test func windowsAndOldMacLineEndingsReadLikeUnix() {
    let unix = "Vraag 1\nKlopt het dat de regio-\nnale aanpak werkt?\n\nAntwoord 1\nJa.\n"
    let expected = paragraphs(unix)
    #expect(expected == ["Klopt het dat de regionale aanpak werkt?", "Ja."])
    #expect(paragraphs(unix.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
    #expect(paragraphs(unix.replacingOccurrences(of: "\n", with: "\r")) == expected)
}
