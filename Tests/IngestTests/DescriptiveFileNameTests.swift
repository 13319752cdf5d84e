import Testing
@testable import Ingest

/// Which file names make a title, and the title they make.
@Suite("Descriptive file names")
struct DescriptiveFileNameTests {
    @Test(arguments: [
        ("Corpus/voortgangsbrief-huiselijk-geweld-2025.txt", "Voortgangsbrief huiselijk geweld 2025"),
        ("downloads/Kamerbrief over stikstof.pdf.txt", "Kamerbrief over stikstof"),
        ("kv-001-Het_bericht_TEMU_schendt_privacy_door_t.pdf.txt", "Het bericht TEMU schendt privacy door"),
        ("03_brief_aan_de_kamer.md", "Brief aan de kamer"),
        ("bijlage-1-voortgang-aanpak-huiselijk-geweld.txt", "Bijlage 1 voortgang aanpak huiselijk geweld"),
    ])
    func wordsMakeATitle(path: String, title: String) {
        #expect(DescriptiveFileName.title(fromPath: path) == title)
    }

    @Test(arguments: [
        "letters/000_85669a61f80ec8e0.txt",            // a hash
        "sgd-ocr-txt/sgd-0000000043.txt",              // a number
        "wetten-md/BWBR0001826.md",                    // an identifier
        "rechtspraak-xml/ECLI.NL.CBB.1996.ZG0749.xml", // capitals and codes
        "scan0001.txt",
        "brief.txt",                                   // one word says nothing
        "ParlaMint-NL_2017-01-26-tweedekamer-4.xml",   // words are fewer than half the parts
        "kst-36600-VI-12.xml",
    ])
    func identifiersAndSingleWordsDoNot(path: String) {
        #expect(DescriptiveFileName.title(fromPath: path) == nil)
    }
}
