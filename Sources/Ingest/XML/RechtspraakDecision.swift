/// Rechtspraak open data (`open-rechtspraak`): Dublin Core metadata in `rdf:RDF`, then
/// the summary (`inhoudsindicatie`) and the decision (`uitspraak`) or the Advocate
/// General's opinion (`conclusie`).
struct RechtspraakDecision: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var descriptionCount = 0

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        if name == "rdf:Description" { descriptionCount += 1 }
        // The first Description describes the decision; later ones the web page, which
        // is where the title is.
        if descriptionCount == 1, assembler.parent == "rdf:Description",
           ["dcterms:identifier", "dcterms:date", "dcterms:type", "dcterms:creator", "psi:zaaknummer"].contains(name) {
            assembler.capture(name)
        }
        if name == "dcterms:title", assembler.parent == "rdf:Description", assembler.captured["dcterms:title"] == nil {
            assembler.capture(name)
        }
        let role: ElementRole
        switch name {
        case "rdf:RDF": role = .skip
        case "inhoudsindicatie", "uitspraak", "conclusie", "section": role = .section
        case "title", "bridgehead": role = .heading
        case "emphasis", "superscript", "subscript", "link", "ulink", "footnote-ref": role = .inline
        case "footnote": role = .note
        default: role = .block
        }
        assembler.start(name, role: role)
        if name == "footnote", let label = attribute("label") { assembler.labelNote(label) }
        // The summary is headed as such; the decision after it starts without a heading
        // of its own until its first section title.
        if name == "inhoudsindicatie" { assembler.builder.heading("Inhoudsindicatie") }
        if name == "uitspraak" || name == "conclusie" { assembler.builder.heading("") }
    }

    mutating func metadata() -> DocumentMetadata {
        var metadata = DocumentMetadata()
        let ecli = assembler.first("dcterms:identifier")
        let kind = assembler.first("dcterms:type")?.lowercased() ?? ""
        metadata.type = kind.contains("conclusie") ? .conclusie : .uitspraak
        metadata.date = assembler.first("dcterms:date").flatMap(DocumentMetadata.isoDate(from:))
        if let title = assembler.first("dcterms:title"), !title.isEmpty {
            metadata.title = WhiteSpace.tidyPunctuation(title)
        } else {
            metadata.title = [assembler.first("dcterms:creator"), metadata.date, ecli].compactMap { $0 }.joined(separator: ", ")
        }
        metadata.identifiers = [ecli, assembler.first("psi:zaaknummer")].compactMap { $0 }.filter { !$0.isEmpty }
        if let court = assembler.first("dcterms:creator") { metadata.authors = [court] }
        return metadata
    }
}
