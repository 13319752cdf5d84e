/// Undoes one round of "UTF-8 read as Latin-1/Windows-1252 and written out as UTF-8".
///
/// Such text shows each non-ASCII letter as two or three characters from the Latin-1 or
/// Windows-1252 range (`ö` → `Ã¶`, `’` → `â€™`). Mapping those characters back to their
/// single bytes gives the original UTF-8 sequence. We repair only runs that decode to one
/// valid multi-byte UTF-8 scalar, so correctly encoded text around them stays as it is.
/// Genuine text like `Ã¶` essentially does not occur in Dutch documents.
enum MojibakeRepair {
    static func repair(_ text: String) -> (String, Int) {
        guard mightContainMojibake(text) else { return (text, 0) }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var repaired = 0
        var index = 0
        while index < scalars.count {
            let lead = scalars[index].value
            let continuationCount: Int
            switch lead {
            case 0xC2 ... 0xDF: continuationCount = 1
            case 0xE0 ... 0xEF: continuationCount = 2
            case 0xF0 ... 0xF4: continuationCount = 3
            default: continuationCount = 0
            }
            if continuationCount > 0, index + continuationCount < scalars.count,
               let scalar = decodeRun(lead: UInt8(lead), scalars[(index + 1) ... (index + continuationCount)]) {
                out.append(scalar)
                repaired += 1
                index += continuationCount + 1
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return (String(out), repaired)
    }

    /// Fast byte check, so clean text costs one pass over its bytes: a mojibake lead
    /// (U+00C2…U+00F4) is encoded as C3 82…C3 B4, and the character after it is from
    /// U+0080…U+00BF (C2 xx) or one of Windows-1252's extras (C5, C6, CB or E2 lead).
    /// A correctly encoded `é` followed by a plain letter does not match.
    private static func mightContainMojibake(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return scan(text.utf8.span)
    }

    private static func scan(_ bytes: Span<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 2 else { return false }
        // A lead needs two bytes after it; memchr jumps between C3 bytes, which are rare
        // even in Dutch text.
        let leads = bytes.extracting(0 ..< count - 2)
        var offset = 0
        while let index = ByteSearch.firstIndex(of: 0xC3, in: leads, from: offset) {
            let second = bytes[index + 1], third = bytes[index + 2]
            if second >= 0x82, second <= 0xB4,
               third == 0xC2 || third == 0xC5 || third == 0xC6 || third == 0xCB || third == 0xE2 {
                return true
            }
            offset = index + 1
        }
        return false
    }

    private static func decodeRun(lead: UInt8, _ continuation: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        var bytes: [UInt8] = [lead]
        for scalar in continuation {
            guard let byte = singleByte(for: scalar), byte >= 0x80, byte <= 0xBF else { return nil }
            bytes.append(byte)
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        // Only characters Dutch text plausibly had: Latin letters with accents, general
        // punctuation, currency and letter-like symbols. OCR noise such as `Ü»` would
        // otherwise "repair" into Syriac or Greek.
        switch scalar.value {
        case 0x80 ... 0x24F, 0x2000 ... 0x206F, 0x20A0 ... 0x20CF, 0x2100 ... 0x214F: return scalar
        default: return nil
        }
    }

    /// The byte a Latin-1 or Windows-1252 decoder would have turned into `scalar`.
    private static func singleByte(for scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value <= 0xFF { return UInt8(scalar.value) }
        if let index = TextDecoder.windows1252High.firstIndex(of: scalar.value), scalar.value != 0xFFFD {
            return UInt8(0x80 + index)
        }
        return nil
    }
}
