import Foundation

/// The parameters of a URL query (`a=1&b=x+y`), decoded as browsers encode forms: `+` is a
/// space and `%XX` a byte of UTF-8. Hummingbird's own query map keeps `+` and passes bad
/// escapes through unchanged; a GET form needs the former, and a client deserves a 400
/// for the latter.
struct QueryString {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ raw: String?) throws {
        guard let raw, !raw.isEmpty else { return }
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let equals = part.firstIndex(of: "=")
            let name = try Self.decode(equals.map { part[..<$0] } ?? part[...])
            let value = try equals.map { try Self.decode(part[part.index(after: $0)...]) } ?? ""
            pairs.append((name, value))
        }
    }

    /// For showing what was sent even when it cannot be read: undecodable parts are skipped.
    init(lenient raw: String?) {
        for part in (raw ?? "").split(separator: "&") {
            if let pair = try? QueryString(String(part)).pairs.first { pairs.append(pair) }
        }
    }

    /// The value of `name`, nil when absent or empty (a form sends empty fields as `name=`).
    /// A parameter given twice is an error: which one was meant is unknowable.
    func value(_ name: String) throws -> String? {
        let values = pairs.filter { $0.name == name }.map(\.value)
        guard values.count <= 1 else { throw APIError.badParameter(
            "The parameter \(name) is given more than once.", dutch: "De parameter \(name) staat meer dan eens in de URL.") }
        guard let value = values.first, !value.isEmpty else { return nil }
        return value
    }

    /// Whether `name` was sent at all, even empty.
    func contains(_ name: String) -> Bool { pairs.contains { $0.name == name } }

    /// `plusIsSpace` holds in a query; in a path a `+` is itself.
    static func decode(_ text: Substring, plusIsSpace: Bool = true) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw APIError.badParameter(
                        "The URL has a % that is not followed by two hexadecimal digits.",
                        dutch: "De URL bevat een % die niet door twee hexadecimale cijfers gevolgd wordt.")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let string = String(bytes: bytes, encoding: .utf8) else {
            throw APIError.badParameter(
                "The URL's parameters are not valid UTF-8.", dutch: "De parameters in de URL zijn geen geldige UTF-8.")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
