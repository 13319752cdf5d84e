import Testing
@testable import Ingest

/// pdftotext's default-mode page feet, as the real letters in Fixtures/real/pdf-letters
/// and the fiche in Fixtures/real/types have them (lines shortened).
@Suite struct ScrambledFootnotesTests {
    /// Page 8 of the luchtvaart letter: the notes follow the body without a blank line,
    /// two texts before the first number, then numbers before and after their texts.
    @Test func notesRightAfterTheBodyTakeAsManyLinesAsNumbersAreLeft() throws {
        let page = [
            "Luchthaven Schiphol15 is opgenomen, wordt in de NOVEX Schipholregio",
            "Bestuursovereenkomst ‘intenties samenwerking NOVEX Schipholregio’ betreft",
            "Kamerstukken II 2019/20, 31936 nr. 674", "Kamerstukken II 2019/20, 35334, nr. 81",
            "14", "Kamerstukken II 2021/22, 29665, nr. 432", "15", "Kamerstukken II 2021/22, 29665, nr. 437",
            "12", "13", "",
        ]
        let (body, notes) = try #require(ScrambledFootnotes.split(page, nextNumber: 12))
        #expect(body == Array(page.prefix(2)))
        #expect(notes.map(\.label) == ["12", "13", "14", "15"])
        #expect(notes.map(\.text) == [
            "Kamerstukken II 2019/20, 31936 nr. 674", "Kamerstukken II 2019/20, 35334, nr. 81",
            "Kamerstukken II 2021/22, 29665, nr. 432", "Kamerstukken II 2021/22, 29665, nr. 437",
        ])
    }

    /// Page 7 of the NPCE letter: a note of five lines (lower-case and digit starts run
    /// on), its number after the next note.
    @Test func aNoteOfSeveralLinesBeforeItsNumber() throws {
        let page = [
            "medeoverheden, en de budgettaire gevolgen.", "",
            "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845&did=2022D222",
            "49; hieruit: ‘verzoekt de regering om naast het concretiseren",
            "ook de concrete beleidsopties, routes, afwegingen",
            "6", "HUF: handhaafbaarheid, uitvoerbaarheid en fraudebestendigheid", "5", "",
        ]
        let (body, notes) = try #require(ScrambledFootnotes.split(page, nextNumber: 5))
        #expect(body == ["medeoverheden, en de budgettaire gevolgen.", ""])
        #expect(notes.map(\.label) == ["5", "6"])
        #expect(notes[0].text.hasPrefix("https://www.tweedekamer.nl/") && notes[0].text.hasSuffix("afwegingen"))
        #expect(notes[1].text == "HUF: handhaafbaarheid, uitvoerbaarheid en fraudebestendigheid")
    }

    /// Page 8 of the water letter: a long line wrapped before its last word belongs to
    /// the note, and so does a URL after `zie` (page 5 of the EZK letter).
    @Test func wrappedLinesStayWithTheirNote() throws {
        let wrapped = [
            "bezien samen hoe we invulling kunnen geven aan het beperken van het gebruik",
            "Barro = Besluit algemene regels ruimtelijke ordening; BKL = Besluit Kwaliteit", "Leefomgeving",
            "12", "Vereniging van Waterbedrijven in Nederland", "11", "",
        ]
        let (body, notes) = try #require(ScrambledFootnotes.split(wrapped, nextNumber: 11))
        #expect(body == [wrapped[0]])
        #expect(notes.map(\.text) == ["Barro = Besluit algemene regels ruimtelijke ordening; BKL = Besluit Kwaliteit Leefomgeving", "Vereniging van Waterbedrijven in Nederland"])

        let addressed = ["productieketen, die in balans zijn met de omgeving. Tegelijkertijd moeten zij", "ZonMw. A personalized medicine approach (ABOARD), zie", "https://projecten.zonmw.nl/nl/project/x", "", "11", ""]
        let zone = try #require(ScrambledFootnotes.split(addressed, nextNumber: 11))
        #expect(zone.body == [addressed[0]])
        #expect(zone.notes.map(\.text) == ["ZonMw. A personalized medicine approach (ABOARD), zie https://projecten.zonmw.nl/nl/project/x"])
    }

    /// Feet that the ordinary reading handles, or that are not notes at all.
    @Test func ordinaryFeetAreLeftAlone() {
        // Numbers in order, each before its text.
        #expect(ScrambledFootnotes.split(["body", "", "6", "Europese Commissie.", "7", "Kamerstuk 22112, nr. 3157."], nextNumber: 6) == nil)
        // A note with its number on the same line.
        #expect(ScrambledFootnotes.split(["body", "2", "", "Ecodesign", "", "3 Besluitvorming over maatregelen"], nextNumber: 2) == nil)
        // Numbers that do not continue the count.
        #expect(ScrambledFootnotes.split(["body", "Kamerstukken 726", "9", "8"], nextNumber: 1) == nil)
        // More texts than numbers cannot be matched.
        #expect(ScrambledFootnotes.split(["body", "", "2", "3", "", "Een.", "Twee.", "Drie."], nextNumber: 2) == nil)
    }

    /// A bare number at the foot of most pages is the page's number, not a note's.
    @Test func pageNumbersAtTheFootGoFirst() {
        let pages = [["Den Haag, 3 april 2009", "tekst", "1"], ["meer tekst", "OCW, JUST", "", "2", ""], ["slot", "3"], [""]]
        let cleaned = PagedText.withoutPageNumbers(pages)
        #expect(cleaned == [["Den Haag, 3 april 2009", "tekst"], ["meer tekst", "OCW, JUST", "", ""], ["slot"], [""]])
        // One page ending in its number is not a pattern.
        let once = [["tekst", "1"], ["meer tekst"], ["slot"]]
        #expect(PagedText.withoutPageNumbers(once) == once)
    }
}

@Suite struct FootnoteMarksTests {
    @Test func spacedMarksGoWhereNoNumberCanStand() {
        let labels: Set<String> = ["2", "4", "8"]
        #expect(FootnoteMarks.remove(labels, from: "de Europese kapitaalmarktunie. 8 Dit draagt bij") == "de Europese kapitaalmarktunie. Dit draagt bij")
        #expect(FootnoteMarks.remove(labels, from: "Duitsland, Noorwegen en Zweden 4. We gaan") == "Duitsland, Noorwegen en Zweden. We gaan")
        #expect(FootnoteMarks.remove(labels, from: "via zijn broker 2— toegang") == "via zijn broker— toegang")
        // Numbers that belong to the sentence stay.
        for kept in ["Kamerstukken 32813, nr. 4. De motie", "zie artikel 2. Het lid", "een stijging van 4. Dat is", "4,7 megaton", "in fase 2 en 4 van", "op 8 april"] {
            #expect(FootnoteMarks.remove(labels, from: kept) == kept)
        }
    }
}
