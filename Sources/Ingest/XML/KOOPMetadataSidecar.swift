/// The `metadata.xml` that KOOP publishes beside each publication (root
/// `metadata_gegevens`, flat `<metadata name=… content=…/>`). It is merged into the
/// document read from `X.xml`; it holds no text of its own.
struct KOOPMetadataSidecar: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private(set) var values: [(name: String, content: String)] = []

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        if name == "metadata" || name == "meta", let key = attribute("name"), let content = attribute("content") {
            values.append((key, content))
        }
        assembler.start(name, role: .skip)
    }

    mutating func text(_ text: String) {}

    private func all(_ name: String) -> [String] {
        values.filter { $0.name == name }.map { WhiteSpace.collapse($0.content) }.filter { !$0.isEmpty }
    }

    mutating func metadata() -> DocumentMetadata {
        var metadata = DocumentMetadata()
        metadata.identifier = all("DC.identifier").first
        metadata.title = all("OVERHEIDop.documenttitel").first ?? all("DC.title").first
        metadata.date = all("DCTERMS.issued").first.flatMap(DocumentMetadata.isoDate(from:))
            ?? all("OVERHEIDop.datumOntvangst").first.flatMap(DocumentMetadata.isoDate(from:))
        for raw in all("OVERHEIDop.dossiernummer") {
            for part in raw.split(separator: ";") {
                if let dossier = DocumentMetadata.normalizedDossier(String(part)), !metadata.dossiers.contains(dossier) {
                    metadata.dossiers.append(dossier)
                }
            }
        }
        metadata.documentNumber = all("OVERHEIDop.ondernummer").first
        metadata.identifiers = all("OVERHEIDop.vraagnummer")
        metadata.authors = all("OVERHEIDop.indiener")
        metadata.ministry = all("DC.creator").first { $0.hasPrefix("Ministerie") }
        if let type = all("DC.type").first {
            metadata.type = Self.type(dcType: type, title: metadata.title ?? "", identifier: metadata.identifier ?? "")
        }
        return metadata
    }

    /// DC.type names the publication series (`Kamerstuk`, `Kamervragen (Aanhangsel)`);
    /// within a series the title or identifier says the rest.
    static func type(dcType: String, title: String, identifier: String) -> DocumentType {
        let lower = dcType.lowercased()
        if identifier.hasPrefix("ah-") || lower.contains("aanhangsel") { return .antwoord }
        if identifier.hasPrefix("kv-") || lower.contains("kamervragen") { return .vragen }
        if identifier.hasPrefix("h-") || lower.contains("handelingen") { return .handelingen }
        if lower.contains("kamerstuk") {
            let byTitle = KOOPPublication.type(ofTitle: title)
            return byTitle == .overig && title.lowercased().hasPrefix("brief") ? .brief : byTitle
        }
        return .overig
    }
}
