/// BWB "toestand" XML from wetten.overheid.nl: a law as in force on one date. The
/// citation title is the title, article headings (`kop`) head the passages, and the
/// many bookkeeping elements (`meta-data`, `jcis`, change records) are dropped.
struct BWBLaw: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var bwbID: String?
    private var validFrom: String?

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
        if name == "citeertitel" || name == "intitule" { assembler.capture(name) }
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
        metadata.type = .wet
        metadata.title = assembler.first("citeertitel").flatMap { $0.isEmpty ? nil : $0 } ?? assembler.first("intitule")
        metadata.date = validFrom.flatMap(DocumentMetadata.isoDate(from:))
        if let bwbID { metadata.identifiers = [bwbID] }
        return metadata
    }
}
