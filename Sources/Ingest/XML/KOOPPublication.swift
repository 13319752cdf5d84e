/// KOOP "officiële publicaties" (`officiele-publicatie`): Kamerstukken (`kamerstuk`),
/// Kamervragen and their answers (`kamervragen`, `aanhangsel`), Handelingen, and the
/// official gazettes (`staatsblad`, `staatscourant`, `gemeenteblad`, `provinciaalblad`,
/// `waterschapsblad`, `bladgemeenschappelijkeregeling`, `tractatenblad`). Element names
/// follow docs/INGEST.md, "XML"; unknown elements keep their text as blocks.
struct KOOPPublication: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var kind: String?
    /// The kind element's first child after its `kop`: `regeling`, `zakelijke-mededeling`, `wet-besluit`, …
    private var content: String?
    /// `dagtekening/datum@isodatum`: the date the text was signed.
    private var signedDate: String?
    /// `uitgifte/datum@isodatum`: the date a gazette issued it.
    private var issuedDate: String?
    private var identifierFromRecord: String?
    private var answerCount = 0

    private static let inline: Set<String> = [
        "nadruk", "sup", "inf", "extref", "intref", "ondernummer", "dossiernr", "voorvoegsels", "naam",
        "achternaam", "voornaam", "politiek", "unl", "super", "sub", "kamervraagonderwerp",
    ]
    private static let headings: Set<String> = ["tussenkop", "kop", "item-titel", "spreker"]
    private static let skipped: Set<String> = ["metadata", "meta", "li.nr", "kamerstukkop", "vergaderjaar", "plaatje", "illustratie"]
    private static let captured: Set<String> = [
        "dossiernr", "ondernummer", "datumtekst", "vergaderdatum", "item-titel", "kamervraagnummer",
        "kamervraagomschrijving", "kamervraagonderwerp", "functie",
    ]

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        let parent = assembler.parent
        // The gazettes open with a masthead `kop` (`STAATSCOURANT`, `Officiële uitgave …`).
        let isMasthead = parent == "officiele-publicatie" && name == "kop"
        if parent == "officiele-publicatie", name != "metadata", !isMasthead, kind == nil { kind = name }
        if let kind, parent == kind, name != "kop", content == nil { content = name }
        if name == "datum", let iso = attribute("isodatum").flatMap(DocumentMetadata.isoDate(from:)) {
            if parent == "dagtekening", signedDate == nil { signedDate = iso }
            if parent == "uitgifte", issuedDate == nil { issuedDate = iso }
        }
        if name == "intitule" { assembler.capture("intitule") }
        if name == "titel", parent == "kop", let kind, assembler.path.count == 3, assembler.path[1] == kind {
            assembler.capture("kind.titel")
        }
        if name == "meta", attribute("name") == "OVERHEIDop.externMetadataRecord", let url = attribute("content") {
            identifierFromRecord = Self.identifier(fromRecordURL: url)
        }
        if name == "antwoord" { answerCount += 1 }
        if Self.captured.contains(name) { assembler.capture(name) }
        if name == "naam", assembler.path.contains("ondertekening") { assembler.capture("ondertekening.naam") }
        if name == "titel", let parent, parent == "stuk" || parent == "dossier" { assembler.capture("\(parent).titel") }

        let role: ElementRole
        if isMasthead {
            role = .skip
        } else if Self.inline.contains(name) {
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
            // A footnote has an id its reference points to; a bare `noot` wrapping a table
            // (seen in a blad gemeenschappelijke regeling) is body text in the wrong element.
            role = attribute("id") != nil || attribute("type") != nil ? .note : .block
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
            metadata.title = assembler.first("intitule") ?? assembler.first("kind.titel") ?? stukTitle
            metadata.type = Self.gazetteType(kind: kind ?? "", content: content ?? "", title: metadata.title ?? "")
        }
        if let descriptions = assembler.captured["kamervraagomschrijving"] {
            // Answers carry a second description, "(ontvangen …)", which dates the document.
            metadata.date = LetterMetadata.findDate(in: descriptions.joined(separator: "\n"))
            metadata.authors = LetterMetadata.questioners(in: descriptions[0])
        }
        if let dateText = assembler.first("datumtekst") ?? assembler.first("vergaderdatum") {
            metadata.date = DocumentMetadata.isoDate(from: dateText) ?? metadata.date
        }
        if metadata.date == nil {
            let blocks = assembler.builder.blocks
            let lines = assembler.builder.headings + blocks.prefix(2_000).map(\.text)
            metadata.date = signedDate ?? StatedDate.find(in: lines) ?? issuedDate
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
            ("MEMORIE VAN TOELICHTING", .toelichting), ("NOTA VAN TOELICHTING", .toelichting),
            ("NOTA VAN WIJZIGING", .nota), ("BESLUITENLIJST", .besluitenlijst), ("AGENDA", .agenda), ("FICHE", .fiche),
            ("BIJLAGE", .bijlage),
        ]
        for (word, type) in table where upper.hasPrefix(word) || upper.containsBytes(" \(word)") { return type }
        return .overig
    }

    /// The kind of a gazette publication: by gazette, then by the element holding the
    /// text (a `zakelijke-mededeling` is a notice), then by the title's own words.
    static func gazetteType(kind: String, content: String, title: String) -> DocumentType {
        let lower = title.lowercased()
        if kind == "tractatenblad" { return .verdrag }
        if content == "zakelijke-mededeling" { return .bekendmaking }
        if lower.hasPrefix("wet ") || lower.hasPrefix("rijkswet ") || lower.hasPrefix("wet van") { return .wet }
        if lower.containsBytes("verordening") { return .verordening }
        if lower.hasPrefix("besluit") || lower.containsBytes("besluit van") { return .besluit }
        if lower.hasPrefix("regeling") || lower.containsBytes("regeling ") || content == "regeling" { return .regeling }
        for notice in ["bekendmaking", "kennisgeving", "ter inzage", "vergunning", "aanvraag"] where lower.containsBytes(notice) {
            return .bekendmaking
        }
        if kind == "staatsblad" { return .besluit }
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
