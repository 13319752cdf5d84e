/// BWB "toestand" XML from wetten.overheid.nl: a law as in force on one date. The
/// citation title is the title, article headings (`kop`) head the passages, and the
/// many bookkeeping elements (`meta-data`, `jcis`, change records) are dropped.
struct BWBLaw: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var bwbID: String?
    private var validFrom: String?
    /// `wetgeving@soort`: wet, AMvB, ministeriele-regeling, …
    private var kind: String?
    /// The signing date of the original publication, as the first `citeertitel` states it.
    private var signed: String?
    private var dossier: String?

    private static let skipped: Set<String> = [
        "meta-data", "bwb-inputbestand", "bwb-wijzigingen", "redactionele-correcties", "jcis", "jci", "brondata",
        "li.nr", "redactie",
    ]
    private static let inline: Set<String> = ["nadruk", "extref", "intref", "sup", "inf", "label", "nr", "titel", "lidnr"]

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        if name == "toestand" {
            bwbID = attribute("bwb-id")
            validFrom = attribute("inwerkingtreding")
        }
        if name == "wetgeving", kind == nil { kind = attribute("soort") }
        if name == "citeertitel" || name == "intitule" {
            if signed == nil { signed = attribute("ondertekening_bron").flatMap(DocumentMetadata.isoDate(from:)) }
            assembler.capture(name)
        }
        if name == "dossierref", dossier == nil, assembler.path.contains("citeertitel") {
            dossier = attribute("dossier").flatMap(DocumentMetadata.normalizedDossier)
        }
        let role: ElementRole
        if Self.skipped.contains(name) {
            role = .skip
        } else if name == "kop" {
            role = .heading
        } else if Self.inline.contains(name) {
            role = assembler.path.last == "kop" ? .block : .inline
        } else if name == "noot" {
            role = .note
        } else if name == "noot.nr" {
            role = .noteLabel
        } else {
            role = .block
        }
        assembler.start(name, role: role)
    }

    mutating func metadata() -> DocumentMetadata {
        var metadata = DocumentMetadata()
        metadata.type = Self.type(ofKind: kind ?? "")
        metadata.title = assembler.first("citeertitel").flatMap { $0.isEmpty ? nil : $0 } ?? assembler.first("intitule")
        // The law's own date (when it was signed), not the date this version took effect.
        metadata.version = validFrom.flatMap(DocumentMetadata.isoDate(from:))
        metadata.date = signed ?? metadata.version
        if let bwbID { metadata.identifiers = [bwbID] }
        if let dossier {
            metadata.dossiers = [dossier]
        }
        return metadata
    }

    /// `wetgeving@soort` in the vocabulary: laws and treaties, decisions (AMvB, KB),
    /// regulations (ministerial, of independent bodies, policy rules).
    static func type(ofKind kind: String) -> DocumentType {
        let lower = kind.lowercased()
        if lower.contains("regeling") || lower.contains("beleidsregel") || lower == "zbo" || lower == "pbo" { return .regeling }
        if lower.contains("amvb") || lower == "kb" || lower.contains("besluit") { return .besluit }
        if lower.contains("verdrag") { return .verdrag }
        return .wet
    }
}
