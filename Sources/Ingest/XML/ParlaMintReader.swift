/// ParlaMint TEI: the header gives title and date; in the body each `seg` of an
/// utterance is one passage under its speaker (`note[@type=speaker]`); the agenda item
/// (`head`) heads the first speech together with its speaker (``BlockBuilder``); time notes ("De vergadering wordt … geschorst") are passages of their own.
/// In linguistically annotated (`.ana`) files the words are `w`/`pc` elements: a space
/// goes between two tokens unless the first says `join="right"`.
struct ParlaMintReader: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var titles: [(type: String, language: String, key: String)] = []
    private var dateWhen: String?
    /// A token (`w`, `pc`) ended and nothing but white space came after it.
    private var afterToken = false
    /// The last token asked to be joined to what follows.
    private var joinsRight = false
    private var tokenJoinsRight = false

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
            case "note":
                switch attribute("type") {
                case "speaker": role = .heading
                case "time": role = .section
                default: role = .block
                }
            case "seg": role = .section
            case "linkGrp", "link": role = .skip
            case "u", "div", "body", "text", "p", "TEI": role = .block
            default: role = .inline
            }
        }
        if name == "w" || name == "pc" {
            if afterToken, !joinsRight { assembler.text(" ") }
            afterToken = false
            tokenJoinsRight = attribute("join") == "right"
        } else if role != .inline && role != .skip {
            afterToken = false
        }
        assembler.start(name, role: role)
    }

    mutating func endElement(_ name: String) {
        assembler.end(name)
        if name == "w" || name == "pc" {
            afterToken = true
            joinsRight = tokenJoinsRight
        }
    }

    mutating func text(_ text: String) {
        // Between tokens, the file's own white space is layout; the join rule decides.
        if afterToken, text.utf8.allSatisfy(WhiteSpace.isSpace) { return }
        assembler.text(text)
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
