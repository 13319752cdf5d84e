/// A piece of passage text with the places that matched the query.
public struct Snippet: Sendable, Equatable {
    public var text: String
    /// UTF-8 byte ranges in `text`, ascending, not overlapping.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// HTML: text escaped, each highlight in `<mark>`.
    public var html: String {
        render(open: "<mark>", close: "</mark>", escape: { Self.escapeHTML($0) })
    }

    /// The text with highlights between `open` and `close` (ANSI bold on a terminal).
    public func render(open: String, close: String, escape: (Substring) -> String = { String($0) }) -> String {
        let bytes = Array(text.utf8)
        var output = ""
        var cursor = 0
        for range in highlights {
            output += escape(Substring(decoding: bytes[cursor ..< range.lowerBound], as: UTF8.self))
            output += open + escape(Substring(decoding: bytes[range], as: UTF8.self)) + close
            cursor = range.upperBound
        }
        output += escape(Substring(decoding: bytes[cursor...], as: UTF8.self))
        return output
    }

    /// Text safe inside an HTML element or a quoted attribute value: the one escaping rule
    /// of the project (the server's page uses it too).
    public static func escapeHTML(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
