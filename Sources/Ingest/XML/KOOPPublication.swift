/// KOOP "officiële publicaties" (`officiele-publicatie`): Kamerstukken (`kamerstuk`),
/// Kamervragen and their answers (`kamervragen`, `aanhangsel`) and Handelingen. Element
/// names follow FORMATS.md §2; unknown elements keep their text as blocks.
struct KOOPPublication: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var kind: String?
    private var identifierFromRecord: String?
    private var answerCount = 0

    private static let inline: Set<String> = [
        "nadruk", "sup", "inf", "extref", "intref", "ondernummer", "dossiernr", "voorvoegsels", "naam",
        "achternaam", "voornaam", "politiek", "unl", "super", "sub", "kamervraagonderwerp",
    ]
    private static let headings: Set<String> = ["tussenkop", "kop", "item-titel", "spreker"]
    private static let skipped: Set<String> = ["metadata", "meta", "li.nr", "kamerstukkop", "vergaderjaar"]
    private static let captured: Set<String> = [
        "dossiernr", "ondernummer", "datumtekst", "vergaderdatum", "item-titel", "kamervraagnummer",
        "kamervraagomschrijving", "kamervraagonderwerp", "functie",
    ]

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        let parent = assembler.parent
        if parent == "officiele-publicatie", name != "metadata", kind == nil { kind = name }
        if name == "meta", attribute("name") == "OVERHEIDop.externMetadataRecord", let url = attribute("content") {
            identifierFromRecord = Self.identifier(fromRecordURL: url)
        }
        if name == "antwoord" { answerCount += 1 }
        if Self.captured.contains(name) { assembler.capture(name) }
        if name == "naam", assembler.path.contains("ondertekening") { assembler.capture("ondertekening.naam") }
        if name == "titel", let parent, parent == "stuk" || parent == "dossier" { assembler.capture("\(parent).titel") }

        let role: ElementRole
        if Self.inline.contains(name) {
            role = .inline
        } else if Self.skipped.contains(name) {
            role = .skip
        } else if Self.headings.contains(name) {
            role = .heading
        } else if name == "titel", parent == "stuk" || parent == "dossier" {
            role = .heading
        } else if name == "nr", parent == "vraag" || parent == "antwoord" {
            role = .heading
        } else if name == "nr", parent == "agendapunt" || parent == "opening" {
            role = .skip  // the agenda item's ordinal, not text
        } else if name == "vraag" || name == "antwoord" || name == "spreekbeurt" {
            role = .section
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
        metadata.identifier = identifierFromRecord
        let stukTitle = assembler.first("stuk.titel")
        switch kind {
        case "kamerstuk":
            metadata.type = Self.type(ofTitle: stukTitle ?? "")
            metadata.title = stukTitle ?? assembler.first("dossier.titel")
        case "kamervragen", "aanhangsel":
            metadata.type = answerCount > 0 || kind == "aanhangsel" ? .antwoord : .vragen
            metadata.title = assembler.first("kamervraagomschrijving") ?? assembler.first("kamervraagonderwerp")
        case "handelingen":
            metadata.type = .handelingen
            metadata.title = assembler.first("item-titel")
        default:
            metadata.title = stukTitle
        }
        if let descriptions = assembler.captured["kamervraagomschrijving"] {
            // Answers carry a second description, "(ontvangen …)", which dates the document.
            metadata.date = LetterMetadata.findDate(in: descriptions.joined(separator: "\n"))
            metadata.authors = LetterMetadata.questioners(in: descriptions[0])
        }
        if let dateText = assembler.first("datumtekst") ?? assembler.first("vergaderdatum") {
            metadata.date = DocumentMetadata.isoDate(from: dateText) ?? metadata.date
        }
        for raw in assembler.captured["dossiernr"] ?? [] {
            if let dossier = DocumentMetadata.normalizedDossier(raw), !metadata.dossiers.contains(dossier) {
                metadata.dossiers.append(dossier)
            }
        }
        metadata.documentNumber = assembler.first("ondernummer").flatMap { $0.isEmpty ? nil : $0 }
        metadata.identifiers = assembler.captured["kamervraagnummer"] ?? []
        if metadata.authors.isEmpty { metadata.authors = assembler.captured["ondertekening.naam"] ?? [] }
        metadata.ministry = (assembler.captured["functie"] ?? []).lazy.compactMap(Self.ministry(ofFunction:)).first
        return metadata
    }

    /// `https://zoek.officielebekendmakingen.nl/kst-34851-4/metadata.xml` → `kst-34851-4`.
    static func identifier(fromRecordURL url: String) -> String? {
        let parts = url.split(separator: "/")
        guard parts.count >= 2, parts.last == "metadata.xml" else { return nil }
        return String(parts[parts.count - 2])
    }

    /// The kind of Kamerstuk from its printed title (`BRIEF VAN DE MINISTER …`).
    static func type(ofTitle title: String) -> DocumentType {
        let upper = title.uppercased()
        let table: [(String, DocumentType)] = [
            ("MOTIE", .motie), ("AMENDEMENT", .amendement), ("BRIEF", .brief), ("VERSLAG", .verslag),
            ("NOTA NAAR AANLEIDING", .verslag), ("VOORSTEL VAN WET", .wetsvoorstel),
            ("MEMORIE VAN TOELICHTING", .wetsvoorstel), ("BIJLAGE", .bijlage),
        ]
        for (word, type) in table where upper.hasPrefix(word) || upper.containsBytes(" \(word)") { return type }
        return .overig
    }

    /// `De Minister van Justitie en Veiligheid,` → `Ministerie van Justitie en Veiligheid`.
    static func ministry(ofFunction function: String) -> String? {
        for office in ["Minister van ", "Staatssecretaris van "] {
            guard let range = function.byteRange(of: office) else { continue }
            var rest = Substring(function[range.upperBound...])
            while let last = rest.last, last == "," || last == " " || last == "." { rest = rest.dropLast() }
            return rest.isEmpty ? nil : "Ministerie van " + rest
        }
        return nil
    }
}
