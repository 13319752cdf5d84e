import Testing
@testable import Ingest

/// The page-level cleanup of PDF text, piece by piece; the whole letters are in
/// Fixtures/real/pdf-letters (RealPublicationTests). The lines imitate pdftotext's and
/// pdfminer's output of a Rijksoverheid letter.
@Suite struct PagedTextTests {
    @Test func pageNumbersAlsoLetterSpaced() {
        #expect(PagedText.isPageNumber("Pagina 3 van 7"))
        #expect(PagedText.isPageNumber("P agina 12 van 32"))
        #expect(!PagedText.isPageNumber("Pagina 3 van het rapport"))
        #expect(!PagedText.isPageNumber("Zie pagina 3 van 7"))
    }

    @Test func labelsInAColumnGetTheirValuesByKind() throws {
        let lines = [
            "> Retouradres Postbus 20901 2500 EX D en Haag", "", "De voorzitter van de Tweede Kamer", "Ons kenmerk",
            "I E NW/BSK-2022/268034", "Bijlage(n)", "", "Datum", "Betreft", "", "22 december 2022",
            "Emissies door de luchtvaart", "", "2", "", "Geachte voorzitter,", "In de Kamer is",
        ]
        let letterhead = try #require(Letterhead(lines: lines))
        #expect(letterhead.date == "2022-12-22")
        #expect(letterhead.subject == "Emissies door de luchtvaart")
        #expect(letterhead.lineCount == 15)
    }

    @Test func aLetterheadWithoutSalutationEndsAfterItsLastValue() throws {
        let lines = [
            "Datum", "1 maart 2011", "Onderwerp Draagmoederschap", "", "Ons kenmerk", "5687928/11", "",
            "Draagmoederschap is een complex onderwerp waar de samenleving zich",
        ]
        let letterhead = try #require(Letterhead(lines: lines))
        #expect(letterhead.date == "2011-03-01")
        #expect(letterhead.subject == "Draagmoederschap")
        #expect(letterhead.lineCount == 7)
        // A wrapped subject is joined; no labels at all is no letterhead.
        let wrapped = try #require(Letterhead(lines: ["Datum", "Betreft", "", "3 februari 2023", "Nationaal Programma", "(NPCE) incl. reactie", "", "Geachte voorzitter,"]))
        #expect(wrapped.subject == "Nationaal Programma (NPCE) incl. reactie")
        #expect(Letterhead(lines: ["Geachte voorzitter,", "Met deze brief"]) == nil)
    }

    @Test func footnotesRunToThePageEndInSequence() {
        let lines = [
            "De oorlog maakt duidelijk hoe afhankelijk we zijn van andere", "landen voor onze grondstoffen 1. Versnellen is nodig.",
            "Een tweede zin over de bouw2.", "", "1", "", "Zie ook de Nationale Grondstoffenstrategie", "2 Besluitvorming over",
            "", "plaats in het voorjaar van 2023",
        ]
        let (body, notes) = PagedText.splitFootnotes(lines, nextNumber: 1)
        #expect(body.count == 4)
        #expect(notes.map(\.label) == ["1", "2"])
        #expect(notes.map(\.text) == ["Zie ook de Nationale Grondstoffenstrategie", "Besluitvorming over plaats in het voorjaar van 2023"])
        // A line that merely starts with a number further on is no note without its mark.
        let dated = ["Verzoek om uitstel", "van de minister (brief van", "", "3 april ontvangen)"]
        #expect(PagedText.splitFootnotes(dated, nextNumber: 1).notes.isEmpty)
        #expect(PagedText.splitFootnotes(dated, nextNumber: 3).notes.map(\.label) == ["3"])
        #expect(PagedText.splitFootnotes(dated, nextNumber: 2).notes.isEmpty)
    }

    @Test func marginLinesGoWhereverTheyStand() {
        let pages: [[String]] = [
            ["Ministerie van", "Inf rastructuur en", "Waterstaat", "Kenmerk", "IENW/BSK-2023/33017", "tekst een"],
            ["Ministerie van", "Infrastructuur en", "Waterstaat", "tekst twee"],
            ["Kenmerk", "I E NW/BSK-2023/33017", "tekst drie"],
        ]
        let furniture = PagedText.repeatedLines(pages)
        #expect(furniture == ["ministerievan", "infrastructuuren", "waterstaat", "kenmerk", "ienw/bsk-2023/33017"])
        #expect(PagedText.stripTail("geven nadere richting aan de missies I E NW/BSK-2023/33017", furniture) == "geven nadere richting aan de missies")
        let kept = PagedText.removeMarginBlocks([
            "body line one", "", "Directoraat-Generaal", "Sancties", "", "Schedeldoekshaven 100", "2511 EX Den Haag",
            "Postbus 20301", "", "Bijlage(n)", "4", "", "Een zin die doorloopt.",
        ])
        #expect(kept == ["body line one", "", "", "", "", "Een zin die doorloopt."])
    }

    @Test func gluedMarksOfFoundNotesGo() {
        #expect(FootnoteMarks.remove(["1", "3"], from: "draagmoederschap.1 Het VUmc en bouw3. CO2-reductie 3 keer") == "draagmoederschap. Het VUmc en bouw. CO2-reductie 3 keer")
        #expect(FootnoteMarks.remove([], from: "bouw3.") == "bouw3.")
    }
}

extension PagedTextTests {
    /// pdftotext's orders for notes set side by side at a page's foot: numbers stacked
    /// before their texts, or numbers and texts interleaved in any order (page 6 of the
    /// luchtvaart letter in Fixtures/real/pdf-letters).
    @Test func notesPrintedApartFromTheirNumbers() {
        let stacked = ["body a", "body b", "body c", "", "2", "3", "", "Kamerstukken II 2021/22, 29665, nr. 432.", "https://ec.europa.eu/x"]
        let (body, notes) = PagedText.splitFootnotes(stacked, nextNumber: 2)
        #expect(body == ["body a", "body b", "body c", ""])
        #expect(notes.map(\.label) == ["2", "3"])
        #expect(notes.map(\.text) == ["Kamerstukken II 2021/22, 29665, nr. 432.", "https://ec.europa.eu/x"])

        let scrambled = ["body a", "body b", "opgelopen.", "", "Kamerstukken 726", "Kamerstukken 2050", "10", "Kamerstukken 989", "8", "9"]
        let zone = PagedText.splitFootnotes(scrambled, nextNumber: 8)
        #expect(zone.notes.map(\.label) == ["8", "9", "10"])
        #expect(zone.notes.map(\.text) == ["Kamerstukken 726", "Kamerstukken 2050", "Kamerstukken 989"])
        // Numbers that do not continue the count are not notes.
        #expect(PagedText.splitFootnotes(scrambled, nextNumber: 1).notes.isEmpty)
    }
}

extension PagedTextTests {
    /// `pdftotext -layout` sets the margin column and a label's value beside the body.
    @Test func wideGapsCutALineIntoColumns() {
        #expect(PagedText.splitColumns(" Datum          3 februari 2023                    4") == [" Datum", "3 februari 2023", "4"])
        #expect(PagedText.splitColumns("geven nadere richting aan de inzet op         DGBI / 26844711") == ["geven nadere richting aan de inzet op", "DGBI / 26844711"])
        #expect(PagedText.splitColumns("      Een ingesprongen regel    met vier spaties") == ["      Een ingesprongen regel    met vier spaties"])
    }
}
