/// Tweede Kamer open data (SyncFeed Atom): `entry` > `content` > `document` in the tkData
/// namespace. Metadata only (the text is a separate PDF/DOCX); the subject becomes the
/// one passage so the record can be found. A feed with several entries yields the first
/// document; `tk:verwijderd="true"` marks a deleted record.
struct SyncFeedEntry: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var documentDepth = 0
    private var documentsSeen = 0
    private(set) var isDeleted = false
    private static let fields: Set<String> = [
        "soort", "documentNummer", "titel", "onderwerp", "datum", "vergaderjaar", "volgnummer", "nummer", "citeertitel",
    ]

    init() {}

    var remarks: [String] {
        documentsSeen > 1 ? ["the feed holds \(documentsSeen) documents; only the first was read"] : []
    }

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if local == "document" {
            documentsSeen += 1
            if documentsSeen == 1 {
                documentDepth = assembler.path.count + 1
                let deleted = attribute("tk:verwijderd") ?? attribute("verwijderd")
                isDeleted = deleted == "true"
            }
        }
        let insideFirstDocument = documentDepth > 0 && assembler.path.count >= documentDepth
        if insideFirstDocument, Self.fields.contains(local) {
            let key = assembler.parent.map { $0.hasSuffix("kamerstukdossier") ? "dossier.\(local)" : local } ?? local
            assembler.capture(key)
        }
        assembler.start(name, role: .skip)
    }

    mutating func endElement(_ name: String) {
        if assembler.path.count == documentDepth { documentDepth = -1 }
        assembler.end(name)
    }

    mutating func metadata() -> DocumentMetadata {
        var metadata = DocumentMetadata()
        metadata.isDeleted = isDeleted
        metadata.title = assembler.first("titel").flatMap { $0.isEmpty ? nil : $0 } ?? assembler.first("onderwerp")
        metadata.date = assembler.first("datum").flatMap(DocumentMetadata.isoDate(from:))
        metadata.documentNumber = assembler.first("documentNummer")
        if let number = metadata.documentNumber { metadata.identifiers = [number] }
        if let dossier = assembler.first("dossier.nummer").flatMap(DocumentMetadata.normalizedDossier) {
            metadata.dossiers = [dossier]
        }
        metadata.type = Self.type(soort: assembler.first("soort") ?? "")
        if let subject = assembler.first("onderwerp"), !subject.isEmpty {
            assembler.builder.paragraph(subject)
        }
        return metadata
    }

    /// The `soort` vocabulary of the Tweede Kamer mapped onto ours.
    static func type(soort: String) -> DocumentType {
        let lower = soort.lowercased()
        let table: [(String, DocumentType)] = [
            ("antwoord schriftelijke vragen", .antwoord), ("schriftelijke vragen", .vragen), ("mondelinge vragen", .vragen),
            ("brief", .brief), ("motie", .motie), ("amendement", .amendement), ("verslag", .verslag),
            ("voorstel van wet", .wetsvoorstel), ("memorie van toelichting", .wetsvoorstel), ("bijlage", .bijlage),
            ("mededeling", .mededeling), ("handelingen", .handelingen),
        ]
        for (word, type) in table where lower.hasPrefix(word) || lower.contains(word) { return type }
        return .overig
    }
}
