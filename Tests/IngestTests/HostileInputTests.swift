import Foundation
import Testing
@testable import Ingest

/// Damaged and hostile input: each case ends in a document with a warning, a skip with
/// a reason, or (only for unreadable files) a thrown error; never a crash.

@Test func truncatedXMLKeepsTheTextBeforeTheDamage() throws {
    let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("koop/kst-34851-4.xml"))))
    let document = try Fixtures.document(Array(whole.prefix(1600)), path: "test/kst-34851-4.xml")
    #expect(document.id == "kst-34851-4")
    #expect(document.passages.map(\.heading) == [nil, "Aanpak huiselijk geweld", "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID", "Stand van zaken", "1. Inleiding"])
    #expect(document.passages.last?.text == "Huiselijk geweld raakt jaarlijks honderdduizenden mensen.")
    #expect(document.warnings.count == 1)
    #expect(document.warnings[0].hasPrefix("test/kst-34851-4.xml: not well-formed XML (line 16: "))
}

@Test func xmlThatLibxml2CannotReadAtAllFallsBackToText() throws {
    let document = try Fixtures.document(Array("<?xml version=\"1.0\"?>\n<<<doc>\n<p>Een zin die blijft.".utf8), path: "test/kapot.xml")
    #expect(document.format == .text)
    #expect(document.text.contains("Een zin die blijft."))
    #expect(document.warnings.count == 1)
    #expect(document.warnings[0].hasPrefix("test/kapot.xml: not well-formed XML"))
}

@Test func billionLaughsIsNeverExpanded() throws {
    var entities = "<!ENTITY lol \"lol\">\n"
    for level in 1 ... 9 {
        let previous = level == 1 ? "lol" : "lol\(level - 1)"
        entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)]>\n<lolz><p>Begin</p><p>&lol9;</p><p>Einde</p></lolz>\n"
    let document = try Fixtures.document(Array(xml.utf8), path: "test/laughs.xml")
    // libxml2 2.9.14 refuses the document ("Detected an entity reference loop"); the text
    // fallback keeps the words and the unexpanded reference, a few bytes in all.
    #expect(document.text == "Begin\n&lol9;\nEinde")
    #expect(document.warnings == ["test/laughs.xml: not well-formed XML (line 1: Detected an entity reference loop); libxml2 recovered no text, so the file was read as plain text"])
}

@Test func externalEntitiesAreNotResolved() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let secret = directory + "/geheim.txt"
    try "GEHEIM-XXE-INHOUD\n".write(toFile: secret, atomically: false, encoding: .utf8)
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [ <!ENTITY xxe SYSTEM \"file://\(secret)\"> ]>\n<doc><p>Voor</p><p>&xxe;</p><p>Na</p></doc>\n"
    let path = directory + "/xxe.xml"
    try xml.write(toFile: path, atomically: false, encoding: .utf8)
    guard case .document(let document) = try Extractor().extract(fileAt: path, relativeTo: directory) else {
        Issue.record("skipped")
        return
    }
    #expect(!document.text.contains("GEHEIM"))
    #expect(document.text == "Voor\nNa")
    #expect(document.warnings == ["\(path): 1 entity references were not expanded (entities are never resolved)"])
}

@Test func binaryAndEmptyFilesAreSkippedWithAReason() {
    #expect(Fixtures.outcome([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10], path: "test/data.txt") == .skipped(reason: "the file holds binary data (NUL bytes), not text"))
    #expect(Fixtures.outcome([], path: "test/leeg.txt") == .skipped(reason: "the file is empty"))
    #expect(Fixtures.outcome(Array("%PDF-1.4\n%âãÏÓ\n".utf8), path: "test/brief.pdf") == .skipped(reason: "the file is a PDF document (extract its text first), not text, Markdown or XML"))
}

@Test func invalidUTF8BecomesValidTextWithAWarning() throws {
    let bytes: [UInt8] = Array("Geachte voorzitter, de co".utf8) + [0xF6] + Array("rdinatie is ".utf8) + [0xC3] + Array(" goed.\n".utf8)
    let document = try Fixtures.document(bytes, path: "test/brief.txt")
    #expect(document.passages.map(\.text) == ["Geachte voorzitter, de coördinatie is Ã goed."])
    #expect(document.warnings == ["test/brief.txt: the text is not valid UTF-8; it was read as Windows-1252"])
}

@Test func aTwentyMegabyteSingleLineIsSplitIntoPassages() throws {
    let word = Array("woord ".utf8)
    var bytes = [UInt8]()
    bytes.reserveCapacity(20 * 1024 * 1024)
    while bytes.count + word.count <= 20 * 1024 * 1024 { bytes.append(contentsOf: word) }
    let document = try Fixtures.document(bytes, path: "test/een-regel.txt")
    let wordCount = bytes.count / word.count
    #expect(document.passages.count == (wordCount + 249) / 250)
    #expect(document.passages.allSatisfy { WhiteSpace.wordCount($0.text) <= 250 })
    #expect(document.warnings.isEmpty)
    #expect(document.contentHash == SHA256.hexDigest(of: bytes))
}

@Test func unreadableFilesThrowAReadableError() {
    #expect(throws: ExtractionError(path: "/nonexistent/brief.txt", reason: "No such file or directory")) {
        try Extractor().extract(fileAt: "/nonexistent/brief.txt", relativeTo: nil)
    }
    #expect(throws: ExtractionError(path: Fixtures.root, reason: "it is a directory")) {
        try Extractor().extract(fileAt: Fixtures.root, relativeTo: nil)
    }
}

@Test func documentIDsFollowTheContract() {
    #expect(Extractor.documentID(path: "Corpus/brieven/a.txt", root: "Corpus") == "brieven/a")
    #expect(Extractor.documentID(path: "Corpus/brieven/a.txt", root: "Corpus/") == "brieven/a")
    #expect(Extractor.documentID(path: "elders/kv-001.pdf.txt", root: "Corpus") == "elders/kv-001.pdf")
    #expect(Extractor.documentID(path: "./map.v2/LEESMIJ", root: nil) == "map.v2/LEESMIJ")
}

@Test func xmlInOtherEncodingsIsReadAsUTF8() throws {
    // ISO-8859-1 as declared: no warning, since the file says what it is.
    let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<doc><p>co".utf8) + [0xF6] + Array("rdinatie</p></doc>\n".utf8)
    let fromLatin1 = try Fixtures.document(latin1, path: "test/latin1.xml")
    #expect(fromLatin1.text == "coördinatie")
    #expect(fromLatin1.warnings == [])
    // UTF-16 with a BOM.
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<doc><p>één brief</p></doc>\n"
    let utf16: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let fromUTF16 = try Fixtures.document(utf16, path: "test/utf16.xml")
    #expect(fromUTF16.text == "één brief")
    #expect(fromUTF16.warnings == [])
}

/// Every XML fixture cut at several points: a document whose warnings name the file
/// (or, for a cut inside the first bytes, a skip or plain text); never a crash.
@Test func truncatedFixturesAlwaysGiveAnOutcome() throws {
    let fixtures = [
        "koop/kst-34851-4.xml", "koop/kv-tk-2024Z18775.xml", "koop/syncfeed-2022D06725.xml",
        "bwb/BWBR9999999_2020-01-01_0.xml", "corpus/parlamint-nl/ParlaMint-NL_2022-07-12-eerstekamer-3.xml",
        "corpus/rechtspraak-xml/ECLI.NL.HR.1992.AA1835.xml", "corpus/htk-xml/reserialised-mojibake/h-tk-20172018-70-13.xml",
    ]
    var documents = 0
    for fixture in fixtures {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture))))
        for cut in stride(from: bytes.count / 9, to: bytes.count - 8, by: bytes.count / 9) {
            let path = "test/cut-\(cut).xml"
            switch Fixtures.outcome(Array(bytes.prefix(cut)), path: path) {
            case .document(let document):
                documents += 1
                #expect(!document.warnings.isEmpty, "\(fixture) cut at \(cut) gave no warning")
                #expect(document.warnings.allSatisfy { $0.hasPrefix(path + ": ") })
            case .skipped(let reason):
                #expect(!reason.isEmpty)
            case .documents:
                Issue.record("\(fixture) cut at \(cut) became several documents")
            }
        }
    }
    #expect(documents >= 50)
}

@Test func externalDTDsAndParameterEntitiesAreNotLoaded() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "<!ENTITY leak \"GEHEIM-UIT-DTD\">\n".write(toFile: directory + "/geheim.dtd", atomically: false, encoding: .utf8)
    let body = "<doc><p>Voor</p><p>&leak;</p><p>Na</p></doc>\n"
    let parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [ <!ENTITY % ext SYSTEM \"file://\(directory)/geheim.dtd\"> %ext; ]>\n" + body
    let externalSubset = "<?xml version=\"1.0\"?>\n<!DOCTYPE doc SYSTEM \"file://\(directory)/geheim.dtd\">\n" + body

    let viaParameter = try Fixtures.document(Array(parameterEntity.utf8), path: "test/pe.xml")
    #expect(viaParameter.text == "Voor\n&leak;\nNa")
    #expect(viaParameter.warnings == ["test/pe.xml: not well-formed XML (line 3: Entity 'leak' not defined); libxml2 recovered no text, so the file was read as plain text"])

    let viaSubset = try Fixtures.document(Array(externalSubset.utf8), path: "test/dtd.xml")
    #expect(viaSubset.text == "Voor\nNa")
    #expect(viaSubset.warnings == [
        "test/dtd.xml: XML: line 3: Entity 'leak' not defined",
        "test/dtd.xml: 1 entity references were not expanded (entities are never resolved)",
    ])
}
