import Testing
@testable import Ingest

@Test func binaryFormatsAreRecognisedByMagicNumber() {
    #expect(FormatDetector.detect(Array("%PDF-1.7\n".utf8), path: "a.txt") == .unsupported(reason: "the file is a PDF document (extract its text first), not text, Markdown or XML"))
    #expect(FormatDetector.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], path: "a.png") == .unsupported(reason: "the file is a PNG image, not text, Markdown or XML"))
    #expect(FormatDetector.detect([0x50, 0x4B, 0x03, 0x04, 0x14], path: "a.docx") == .unsupported(reason: "the file is a ZIP archive (or a DOCX/ODT document; extract its text first), not text, Markdown or XML"))
    #expect(FormatDetector.detect([0x1F, 0x8B, 0x08, 0x00], path: "a.xml") == .unsupported(reason: "the file is a gzip archive, not text, Markdown or XML"))
    #expect(FormatDetector.detect([0x41, 0x00, 0x42, 0x00, 0x43], path: "a.txt") == .unsupported(reason: "the file holds binary data (NUL bytes), not text"))
}

@Test func emptyAndBlankFilesAreSkipped() {
    #expect(FormatDetector.detect([], path: "a.txt") == .unsupported(reason: "the file is empty"))
    #expect(FormatDetector.detect(Array(" \n\n\t ".utf8), path: "a.txt") == .unsupported(reason: "the file holds only white space"))
}

@Test func xmlIsRecognisedByContentNotExtension() {
    #expect(FormatDetector.detect(Array("<?xml version=\"1.0\"?><a/>".utf8), path: "a.txt") == .xml)
    #expect(FormatDetector.detect([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?><a/>".utf8), path: "a") == .xml)
    // A BOM decoded as Latin-1 and re-encoded, before the declaration.
    #expect(FormatDetector.detect(Array("ï»¿\n<?xml version=\"1.0\"?><a/>".utf8), path: "a.xml") == .xml)
    #expect(FormatDetector.detect(Array("<root><p>tekst</p></root>\n".utf8), path: "a.dat") == .xml)
}

@Test func markdownIsRecognisedByExtensionOrSyntax() {
    // wetten-md files open with an HTML <meta> line; that must not make them XML.
    let law = "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n##Wet van 1 mei 2020\n\ntekst\n"
    #expect(FormatDetector.detect(Array(law.utf8), path: "BWBR1.md") == .markdown)
    // wetten-md/BWBR0002055.md: a <meta> line first and a stray </sup> last.
    let ending = "<meta http-equiv='Content-Type' content='text/html' />\n\n##Wet\n\ntekst <sup>1</sup>\n\n<sup>1</sup> noot </sup>  \n"
    #expect(FormatDetector.detect(Array(ending.utf8), path: "BWBR0002055.md") == .markdown)
    #expect(FormatDetector.detect(Array("**Datum** 1 mei 2020\n\n#### Vragen\n".utf8), path: "brief.txt") == .markdown)
    #expect(FormatDetector.detect(Array("Geachte voorzitter,\n\nHierbij.\n".utf8), path: "brief.txt") == .text)
    #expect(FormatDetector.detect(Array("# 1 Inleiding\nEen regel.\n".utf8), path: "brief.txt") == .text)
}
