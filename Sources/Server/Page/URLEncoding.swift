/// Percent-encoding for the links the page writes: document paths and query strings that
/// `QueryString` and the router read back.
enum URLEncoding {
    /// A query value: unreserved characters stay, a space becomes `+`, the rest `%XX`.
    static func queryValue(_ text: String) -> String {
        encode(text, keep: { isUnreserved($0) }, space: "+")
    }

    /// A document id in a path: like a query value, but `/` stays (ids are paths) and a
    /// space is `%20` (`+` is literal in a path).
    static func path(_ text: String) -> String {
        encode(text, keep: { isUnreserved($0) || $0 == UInt8(ascii: "/") }, space: "%20")
    }

    /// `name=value&…` for the pairs given, in order.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(queryValue($0.0))=\(queryValue($0.1))" }.joined(separator: "&")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func encode(_ text: String, keep: (UInt8) -> Bool, space: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded = ""
        for byte in text.utf8 {
            if keep(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: " ") {
                encoded += space
            } else {
                encoded += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return encoded
    }
}
