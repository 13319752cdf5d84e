/// Text for XML 1.0 element content and double-quoted attribute values: the feed's one
/// escaping rule.
///
/// `&`, `<`, `>` and `"` become entity references, and a CR a character reference (a
/// parser would otherwise turn it into an LF). Characters XML 1.0 does not allow at all,
/// not even as references (its `Char` production), cannot be escaped: the C0 controls
/// other than tab, LF and CR — a form feed from a PDF's page break, a stray NUL — become
/// a space, so that they never join two words, and the noncharacters U+FFFE and U+FFFF
/// become U+FFFD. (Swift strings hold no lone surrogates, the only other such characters.)
enum XMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\r": escaped += "&#xD;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case "\u{0}" ... "\u{1F}": escaped += " "
            case "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
