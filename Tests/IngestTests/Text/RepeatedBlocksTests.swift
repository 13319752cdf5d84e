import Testing
@testable import Ingest

/// The margin block of a letter converted to Markdown without its page breaks, as in
/// Corpus/verzamelbrief-zeden-en-onveiligheid-vrouwen-2024.md: it comes back between the
/// paragraphs of every page and must not become passages or headings.
@Suite struct RepeatedBlocksTests {
    static let margin = "**Directoraat-Generaal  \nStraffen en Beschermen**  \nDirectie Jeugd, Familie en  \naanpak  \nCriminaliteitsfenomenen"

    @Test func aMarginBlockOnEveryPageGoes() {
        var text = "Geachte voorzitter,\n\nEerste alinea van de brief.\n\n"
        for page in 1 ... 3 {
            text += Self.margin + "\n\n**Datum**  \n19 november 2024\n\n**Onze referentie**\n\n5896071\n\nAlinea op pagina \(page).\n\n"
        }
        let cleaned = RepeatedBlocks.remove(from: text)
        #expect(!cleaned.contains("Criminaliteitsfenomenen"))
        #expect(!cleaned.contains("Datum") && !cleaned.contains("Onze referentie") && !cleaned.contains("5896071"))
        #expect(!cleaned.contains("19 november 2024"))
        for page in 1 ... 3 { #expect(cleaned.contains("Alinea op pagina \(page).")) }
        #expect(cleaned.hasPrefix("Geachte voorzitter,\n\nEerste alinea van de brief."))
    }

    @Test func repeatedHeadingsAndTextStay() {
        // A heading of one line that repeats (`Vraag`, `Antwoord`) is structure, and so is
        // a block that stands only twice.
        let questions = (1 ... 4).map { "Vraag\n\nTekst van vraag \($0).\n\nAntwoord\n\nTekst van antwoord \($0)." }.joined(separator: "\n\n")
        #expect(RepeatedBlocks.remove(from: questions) == questions)
        let twice = Self.margin + "\n\nTekst.\n\n" + Self.margin + "\n\nMeer tekst."
        #expect(RepeatedBlocks.remove(from: twice) == twice)
    }

    /// The letter's date still comes from the margin block it stood in.
    @Test func theDateSurvivesItsBlock() throws {
        var text = "Betreft Verzamelbrief over zeden\n\nGeachte voorzitter,\n\n"
        for page in 1 ... 3 { text += "**Datum**  \n19 november 2024\n\nAlinea op pagina \(page) met genoeg woorden om een alinea te zijn.\n\n" }
        let document = try Fixtures.document(text: text, path: "test/brief.md")
        #expect(document.date == "2024-11-19")
        #expect(!document.passages.contains { $0.heading == "Datum" || $0.text.contains("19 november 2024") })
    }
}

/// A letter exported to Markdown starts with its letterhead (Corpus/verzamelbrief-…md):
/// return address, addressee and margin are not its first passage; the subject, the date
/// and the ministry are still read from them.
@Suite struct LetterheadPrefixTests {
    @Test func theLetterheadBeforeTheSubjectGoes() throws {
        let text = """
            > Retouradres Postbus 20301 2500 EH Den Haag

            Aan de Voorzitter van de Tweede Kamer
            der Staten-Generaal
            Postbus 20018
            2500 EA DEN HAAG

            **Ministerie van Justitie en Veiligheid**
            Turfmarkt 147

            **Datum** 19 november 2024

            Betreft Verzamelbrief over contactverboden

            Zoals toegezegd sturen wij u deze brief, met een nader antwoord op vragen van het lid Van Nispen.
            """
        let document = try Fixtures.document(text: text, path: "test/brief.md")
        #expect(document.passages.first?.text.hasPrefix("Betreft Verzamelbrief") == true)
        #expect(!document.passages.contains { $0.text.contains("Retouradres") || $0.text.contains("Turfmarkt") })
        #expect(document.title == "Verzamelbrief over contactverboden")
        #expect(document.type == .brief)
        #expect(document.date == "2024-11-19")
        #expect(document.ministry == "Ministerie van Justitie en Veiligheid")
        // Without a subject or salutation line, or with long text before it, nothing goes.
        let body = "Postbus 51 beantwoordt vragen.\n\nDe tekst gaat verder."
        #expect(LetterheadPrefix.remove(from: body) == body)
    }
}
