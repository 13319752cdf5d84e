import Testing
@testable import Ingest

@Test func utf8WithAndWithoutBOMDecodeTheSame() {
    let plain = TextDecoder.decode(Array("Kröger €".utf8))
    let withBOM = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Kröger €".utf8))
    #expect(plain.text == "Kröger €")
    #expect(withBOM.text == "Kröger €")
    #expect(plain.repairs.isEmpty && withBOM.repairs.isEmpty)
}

@Test func utf16WithBOMIsDecoded() {
    let text = "Geachte voorzitter, één brief"
    let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(TextDecoder.decode(littleEndian).text == text)
    #expect(TextDecoder.decode(bigEndian).text == text)
}

@Test func invalidUTF8IsReadAsWindows1252WithANote() {
    // "Kröger – ’s" in Windows-1252: ö = F6, en dash = 96, right quote = 92.
    let bytes: [UInt8] = Array("Kr".utf8) + [0xF6] + Array("ger ".utf8) + [0x96, 0x20, 0x92] + Array("s".utf8)
    let decoded = TextDecoder.decode(bytes)
    #expect(decoded.text == "Kröger – ’s")
    #expect(decoded.repairs == ["the text is not valid UTF-8; it was read as Windows-1252"])
}

@Test func doubleEncodedUTF8IsRepaired() {
    let decoded = TextDecoder.decode(Array("De motie-KrÃ¶ger en de motie-LaÃ§in, â€˜welkomâ€™.".utf8))
    #expect(decoded.text == "De motie-Kröger en de motie-Laçin, ‘welkom’.")
    #expect(decoded.repairs == ["repaired 4 double-encoded UTF-8 characters (such as 'Ã¶' for 'ö')"])
}

@Test func correctAccentsAreLeftAlone() {
    let text = "geïnformeerd, één, coördinatie, café Ãpart"
    let decoded = TextDecoder.decode(Array(text.utf8))
    #expect(decoded.text == text)
    #expect(decoded.repairs.isEmpty)
}

@Test func ocrNoiseIsNotMistakenForMojibake() {
    // From sgd-0000398363.txt: "Ü»" would decode to U+073B, a Syriac mark.
    let text = "IITflNA VAN DO\\DEIÜ»Afi 25 J.V"
    let decoded = TextDecoder.decode(Array(text.utf8))
    #expect(decoded.text == text)
    #expect(decoded.repairs.isEmpty)
}
