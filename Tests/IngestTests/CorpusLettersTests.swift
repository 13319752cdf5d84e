import Foundation
import Testing
@testable import Ingest

/// The five letters that ship in Corpus/ (the quick start's data), with the metadata each
/// must get. Read from the repository, as a user's clone has them.
struct CorpusLetter: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String
    var date: String?
    var type: DocumentType
    var dossiers: [String] = []
    var number: String?
    var identifiers: [String] = []
    var testDescription: String { file }
}

let corpusLetters: [CorpusLetter] = [
    CorpusLetter(
        file: "antwoorden-kamervragen-grevio-2025Z19210.txt",
        title: "Antwoorden op Kamervragen van het lid Becker (VVD) over het Grevio rapport 'Building trust by delivering support, protection and justice Netherlands First thematic evaluation report' (2025Z19210) (ingezonden d.d.24 okitober 2025).",
        date: "2025-10-24", type: .antwoord, identifiers: ["2025Z19210"]),
    CorpusLetter(
        file: "bijlage-1-voortgang-aanpak-huiselijk-geweld.txt",
        title: "Bijlage 1. Voortgang aanpak van huiselijk geweld en kindermishandeling", date: nil, type: .bijlage),
    CorpusLetter(
        file: "kamerstuk-28345-252-voortgang-huiselijk-geweld.txt",
        title: "Kamerstuk 28345, nr. 252", date: nil, type: .brief, dossiers: ["28345"], number: "252"),
    CorpusLetter(
        file: "voortgangsbrief-huiselijk-geweld-2025.txt",
        // The letter states no title and opens with a paragraph: its descriptive file
        // name names it better than its first sentence would.
        title: "Voortgangsbrief huiselijk geweld 2025",
        date: nil, type: .brief),
    CorpusLetter(
        file: "verzamelbrief-zeden-en-onveiligheid-vrouwen-2024.md",
        title: "Verzamelbrief naar aanleiding van het commissiedebat Zeden en (on)veiligheid van vrouwen",
        date: "2024-11-19", type: .brief),
]

@Test(arguments: corpusLetters)
func corpusLetterMetadata(_ letter: CorpusLetter) throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path
    guard case .document(let document) = try Extractor().extract(fileAt: corpus + "/" + letter.file, relativeTo: corpus) else {
        Issue.record("\(letter.file) was skipped")
        return
    }
    #expect(document.id == String(letter.file.prefix { $0 != "." }))
    #expect(document.title == letter.title)
    #expect(document.date == letter.date)
    #expect(document.type == letter.type)
    #expect(document.dossiers == letter.dossiers)
    #expect(document.documentNumber == letter.number)
    #expect(letter.identifiers.allSatisfy(document.identifiers.contains))
    #expect(document.passages.count > 40)
    #expect(document.warnings.isEmpty)
}
