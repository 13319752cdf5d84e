/// Turns raw file bytes into valid UTF-8 text, whatever the file's encoding was.
///
/// Order of decisions: a byte-order mark wins (UTF-8, UTF-16 LE/BE); then valid UTF-8
/// is taken as UTF-8; anything else is read as Windows-1252, the encoding Dutch Word and
/// Outlook exports use (Latin-1 is its subset for printable text). UTF-8 that was once
/// decoded as Latin-1/Windows-1252 and encoded again (`KrÃ¶ger`) is repaired afterwards.
enum TextDecoder {
    struct Decoded {
        var text: String
        /// Sentences about what was repaired; the caller adds the file name.
        var repairs: [String]
    }

    static func decode(_ bytes: [UInt8], declaredEncoding: String? = nil) -> Decoded {
        var repairs: [String] = []
        var text: String
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            text = decodeUTF16(bytes, from: 2, bigEndian: false, repairs: &repairs)
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            text = decodeUTF16(bytes, from: 2, bigEndian: true, repairs: &repairs)
        } else {
            let start = hasUTF8BOM(bytes) ? 3 : 0
            let body = bytes[start...]
            if let valid = String(validatingUTF8Bytes: body) {
                text = valid
            } else {
                text = decodeWindows1252(body)
                let declared = declaredEncoding?.lowercased() ?? ""
                if !(declared.contains("8859") || declared.contains("1252") || declared.contains("latin")) {
                    repairs.append("the text is not valid UTF-8; it was read as Windows-1252")
                }
            }
        }
        let (repaired, count) = MojibakeRepair.repair(text)
        if count > 0 {
            text = repaired
            repairs.append("repaired \(count) double-encoded UTF-8 characters (such as 'Ã¶' for 'ö')")
        }
        return Decoded(text: text, repairs: repairs)
    }

    static func hasUTF8BOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    private static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, repairs: inout [String]) -> String {
        var units = [UInt16]()
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        if index < bytes.count {
            repairs.append("the UTF-16 text has an odd number of bytes; the last byte was dropped")
        }
        var scalars = String.UnicodeScalarView()
        var sawInvalid = false
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                sawInvalid = true
                scalars.append("\u{FFFD}")
            }
        }
        if sawInvalid { repairs.append("the UTF-16 text has unpaired surrogates; they were replaced by U+FFFD") }
        return String(scalars)
    }

    /// Windows-1252's 0x80–0x9F row; the five undefined bytes become U+FFFD.
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte >= 0x80 && byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

extension String {
    /// The bytes as a String if they are valid UTF-8, nil otherwise (no replacement).
    init?(validatingUTF8Bytes bytes: ArraySlice<UInt8>) {
        guard let valid = String(validating: bytes, as: UTF8.self) else { return nil }
        self = valid
    }
}
