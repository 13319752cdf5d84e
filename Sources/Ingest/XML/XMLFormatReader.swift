/// A reader for one XML family: element events in, blocks and metadata out.
protocol XMLFormatReader: XMLContentHandler {
    init()
    var assembler: XMLTextAssembler { get set }
    /// Called once after the last event.
    mutating func metadata() -> DocumentMetadata
    /// Format-specific remarks for the document's warnings (without the file name).
    var remarks: [String] { get }
}

extension XMLFormatReader {
    var remarks: [String] { [] }

    /// Most readers decide only where elements start; ends and text go to the assembler.
    mutating func endElement(_ name: String) { assembler.end(name) }
    mutating func text(_ text: String) { assembler.text(text) }
}

/// The XML families we know, recognised by their root element.
enum XMLFamily: Equatable {
    case koopPublication
    case koopMetadata
    case syncFeed
    case parlaMint
    case bwb
    /// A BWB work's `manifest.xml` (`<work>`: its versions and their dates) or its
    /// `.WTI` (`<wetstechnische-informatie>`: titles, related rules): metadata about the
    /// law beside them, which states its own title and dates.
    case bwbMetadata
    case rechtspraak
    case generic

    init(rootElement: String) {
        switch rootElement {
        case "officiele-publicatie": self = .koopPublication
        case "metadata_gegevens": self = .koopMetadata
        case "feed", "entry": self = .syncFeed
        case "TEI", "teiCorpus": self = .parlaMint
        case "toestand": self = .bwb
        case "wetstechnische-informatie", "work": self = .bwbMetadata
        case "open-rechtspraak": self = .rechtspraak
        default: self = .generic
        }
    }

    /// The root element's name, found by a byte scan of the opening so that the right
    /// reader runs in a single streaming pass.
    static func rootElement(of bytes: [UInt8]) -> String? {
        var index = 0
        let count = min(bytes.count, 1 << 20)
        while index < count {
            guard let open = bytes[index ..< count].firstIndex(of: UInt8(ascii: "<")), open + 1 < count else { return nil }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Skip a declaration, PI, comment or doctype (with a possible internal subset).
                var end = open + 2
                var bracketDepth = 0
                while end < count {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: "[") { bracketDepth += 1 }
                    if byte == UInt8(ascii: "]") { bracketDepth -= 1 }
                    if byte == UInt8(ascii: ">"), bracketDepth <= 0 { break }
                    end += 1
                }
                index = end + 1
                continue
            }
            var end = open + 1
            while end < count, !WhiteSpace.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") {
                end += 1
            }
            let qualified = String(decoding: bytes[(open + 1) ..< end], as: UTF8.self)
            return qualified.split(separator: ":").last.map(String.init) ?? qualified
        }
        return nil
    }
}
