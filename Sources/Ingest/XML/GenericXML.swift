/// Any other XML: every element is a block unless it is a known inline or heading
/// element, so the text of unknown formats is kept and paragraphs stay apart.
struct GenericXML: XMLFormatReader {
    var assembler = XMLTextAssembler()
    private var rootName: String?
    /// A naming attribute on the root (`<work label="BWBR0002458">`), the best title an
    /// unknown format offers.
    private var rootLabel: String?

    private static let inline: Set<String> = [
        "nadruk", "sup", "sub", "inf", "b", "i", "u", "em", "strong", "a", "span", "emphasis", "extref", "intref", "code",
    ]
    private static let headings: Set<String> = ["title", "titel", "head", "kop", "h1", "h2", "h3", "h4", "h5", "h6", "tussenkop"]

    init() {}

    mutating func startElement(_ name: String, attribute: (String) -> String?) {
        if rootName == nil {
            rootName = name
            for key in ["title", "titel", "label", "naam", "name"] {
                if let value = attribute(key), !value.isEmpty { rootLabel = value; break }
            }
        }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if Self.headings.contains(local) { assembler.capture("heading") }
        let role: ElementRole
        if local == "script" || local == "style" {
            role = .skip
        } else if Self.inline.contains(local) {
            role = .inline
        } else if Self.headings.contains(local) {
            role = .heading
        } else if local == "noot" || local == "footnote" {
            role = .note
        } else {
            role = .block
        }
        assembler.start(name, role: role)
    }

    mutating func metadata() -> DocumentMetadata {
        var metadata = DocumentMetadata()
        metadata.title = assembler.captured["heading"]?.first { !$0.isEmpty } ?? rootLabel
        return metadata
    }
}
