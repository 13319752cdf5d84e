/// ParlaMint TEI: the header gives title and date; in the body each `seg` of an
/// utterance is one passage under its speaker (`note[@type=speaker]`), and `head`
/// elements name the debate sections.
struct ParlaMintReader: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var titles: [(type: String, language: String, key: String)] = []
    private var dateWhen: String?

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        let inHeader = assembler.path.contains("teiHeader")
        let role: ElementRole
        if inHeader {
            if name == "title", assembler.parent == "titleStmt" {
                let key = "title\(titles.count)"
                titles.append((attribute("type") ?? "", attribute("xml:lang") ?? "", key))
                assembler.capture(key)
            }
            if name == "date", assembler.parent == "setting", dateWhen == nil { dateWhen = attribute("when") }
            role = .skip
        } else {
            switch name {
            case "teiHeader", "gap", "kinesic", "vocal", "incident", "desc": role = .skip
            case "head": role = .heading
            case "note": role = attribute("type") == "speaker" ? .heading : (attribute("type") == "time" ? .skip : .block)
            case "seg": role = .section
            case "u", "div", "body", "text", "p", "TEI": role = .block
            default: role = .inline
            }
        }
        assembler.start(name, role: role)
    }

    mutating func metadata() -> DocumentMetadata {
        var metadata = DocumentMetadata()
        metadata.type = .handelingen
        func title(type: String, language: String) -> String? {
            titles.first { $0.type == type && $0.language == language }.flatMap { assembler.first($0.key) }
        }
        metadata.title = title(type: "sub", language: "nl") ?? title(type: "main", language: "nl")
            ?? titles.first.flatMap { assembler.first($0.key) }
        metadata.date = dateWhen.flatMap(DocumentMetadata.isoDate(from:))
        return metadata
    }
}
