import Foundation

/// What one non-ASCII Unicode scalar becomes in the normalised text.
///
/// The analyzer never normalises whole strings: it folds scalar by scalar, so that every
/// normalised byte can point back at the original bytes it came from (highlighting needs
/// exact offsets into the text the user gave us).
enum FoldedScalar: Equatable, Sendable {
    /// Contributes nothing: default-ignorables (soft hyphen, zero-width characters, BOM)
    /// and combining marks, which diacritic folding removes anyway. Dropping marks here is
    /// what makes NFD input (`e` + U+0301) give the same terms as NFC input (`é`).
    case drop
    /// A word character sequence: folded, UTF-8, ASCII letters with their case kept (the
    /// tokeniser needs case for acronyms and line-break hyphens), others lower-cased.
    case text([UInt8])
    /// Not part of any word: whitespace, symbols, punctuation without a role.
    case separator
    /// A byte with a role in the tokeniser: `'`, `-`, `"`, newline or the bullet mark.
    case ascii(UInt8)
}

/// Folds single scalars: compatibility decomposition (the K of NFKC), removal of
/// diacritics and default-ignorables, and the punctuation mappings of docs/ANALYZER.md.
///
/// Per-scalar folding gives the same result as "NFKC the string, then fold diacritics",
/// because every composition NFKC could perform across scalars produces a letter plus
/// diacritic, and the diacritic is removed right after. Results are cached per scalar:
/// Dutch text uses a few dozen distinct non-ASCII scalars, so Foundation is called rarely.
struct ScalarFolder {
    /// The byte the tokeniser reads as "a bullet starts here" (U+001E, record separator,
    /// which cannot occur in normalised text otherwise because controls become spaces).
    static let bulletByte: UInt8 = 0x1E

    private var cache: [UInt32: FoldedScalar] = [:]

    mutating func fold(_ scalar: Unicode.Scalar) -> FoldedScalar {
        if let hit = cache[scalar.value] { return hit }
        let folded = Self.computeFold(scalar)
        cache[scalar.value] = folded
        return folded
    }

    static func computeFold(_ scalar: Unicode.Scalar) -> FoldedScalar {
        switch scalar.value {
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x034F, 0x180E:
            return .drop
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0085:
            return .separator
        case 0x2028, 0x2029:
            return .ascii(UInt8(ascii: "\n"))
        case 0x2019, 0x02BC, 0x2032, 0x00B4, 0x0060:
            // ’ is the apostrophe of Word documents (regio’s); ʼ, ′ and ´ stand in for it.
            return .ascii(UInt8(ascii: "'"))
        case 0x2018, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x2033:
            return .ascii(UInt8(ascii: "\""))
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return .ascii(UInt8(ascii: "-"))
        case 0xF0B7, 0x2022, 0x00B7, 0x25AA, 0x25CF, 0x25E6, 0x2023, 0x2043, 0x25A0, 0x25A1, 0xF0A7, 0xF076, 0x2219:
            // U+F0B7 is the Symbol-font bullet that Word's PDF and text exports leave behind.
            return .ascii(bulletByte)
        case 0x0132:
            return .text(Array("IJ".utf8))
        case 0x0133:
            return .text(Array("ij".utf8))
        default:
            break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format:
            return .drop
        case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .unassigned, .privateUse:
            return .separator
        default:
            break
        }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        var bytes: [UInt8] = []
        for part in decomposed.unicodeScalars {
            let category = part.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark {
                continue
            }
            if part.isASCII {
                let byte = UInt8(part.value)
                if Self.isASCIIAlphanumeric(byte) {
                    bytes.append(byte)
                } else if bytes.isEmpty {
                    // A compatibility form of punctuation (fullwidth comma, "…"): keep the
                    // first ASCII punctuation byte so that numbers and words split as usual.
                    return byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") ? .ascii(byte) : .separator
                } else {
                    break
                }
            } else if part.properties.isAlphabetic || part.properties.numericType != nil {
                bytes.append(contentsOf: String(part).lowercased().utf8)
            } else {
                break
            }
        }
        return bytes.isEmpty ? .separator : .text(bytes)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
