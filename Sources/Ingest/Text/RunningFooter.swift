/// Running heads and footers of Kamerstukken PDFs, which sit between the lines of the
/// text: `Tweede Kamer, vergaderjaar 2020–2021, 28 345, nr. 252 15` (dossier 28345,
/// number 252, page 15). They are dropped from the text and kept as metadata.
enum RunningFooter {
    struct Reference {
        var dossier: String?
        var number: String?
    }

    private static let marker = Array("Kamer, vergaderjaar ".utf8)
    private static let mastheads = [Array("Tweede Kamer der Staten-Generaal".utf8), Array("Eerste Kamer der Staten-Generaal".utf8)]

    static func match(_ line: ArraySlice<UInt8>) -> Reference? {
        guard line.count < 200, line.firstOffset(of: marker) != nil else { return nil }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.byteRange(of: "Kamer, vergaderjaar ") else { return nil }
        // Skip the year range, then expect ", <dossier>[, nr. <number>]".
        let rest = text[range.upperBound...].drop { $0.isNumber || $0 == "-" || $0 == "–" || $0 == "/" }
        guard rest.hasPrefix(", ") else { return Reference() }
        let afterComma = rest.dropFirst(2)
        let dossierPart = afterComma.prefix { $0.isASCII && ($0.isNumber || $0 == " ") }
        let dossier = dossierPart.filter { $0 != " " }
        guard !dossier.isEmpty else { return Reference() }
        var number: String?
        let afterDossier = afterComma.dropFirst(dossierPart.count).drop { $0 == " " || $0 == "," }
        if afterDossier.hasPrefix("nr. ") {
            number = String(afterDossier.dropFirst(4).prefix { $0.isLetter || $0.isNumber })
        }
        // `28 345, nr. 252 15`: the dossier digits end before a page number only if
        // "nr." followed; without it trailing digits may be the page.
        return Reference(dossier: number == nil ? String(dossierPart.split(separator: " ").first ?? "") : dossier, number: number)
    }

    /// A bare page number, or a document identifier printed alone on a line of a PDF
    /// (`kv-tk-2024Z18775`, `ah-tk-20242025-575`): page furniture, not text.
    static func isPageNumberOrIdentifier(_ line: ArraySlice<UInt8>) -> Bool {
        if line.count <= 4, line.allSatisfy(ByteClass.isDigit) { return true }
        // The masthead repeated on every PDF page, often with the page number glued on:
        // `Tweede Kamer der Staten-Generaal2`.
        for masthead in mastheads where line.starts(with: masthead) {
            if line.dropFirst(masthead.count).allSatisfy(ByteClass.isDigit) { return true }
        }
        guard line.count <= 40, !line.contains(0x20) else { return false }
        return line.starts(with: "kv-tk-".utf8) || line.starts(with: "ah-tk-".utf8) || line.starts(with: "kst-".utf8)
    }
}
