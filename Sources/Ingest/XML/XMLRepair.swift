import Foundation

/// Byte-level repairs made before libxml2 sees a file (docs/INGEST.md, "Bad input").
enum XMLRepair {
    /// The offset of `needle` in `haystack[from ..< from + limit]`, if present.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, limit: Int) -> Int? {
        guard !needle.isEmpty else { return from }
        let end = min(haystack.count, from + limit)
        guard end - from >= needle.count else { return nil }
        var index = from
        while index + needle.count <= end {
            if haystack[index] == needle[0], haystack[index ..< index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Drops anything before `<?xml` (a BOM decoded and re-encoded as `ï»¿`, stray
    /// spaces): an XML declaration is only allowed at the very first byte. Returns the
    /// number of bytes removed.
    static func stripJunkBeforeDeclaration(_ bytes: inout [UInt8]) -> Int {
        guard let offset = find(Array("<?xml".utf8), in: bytes, from: 0, limit: 64), offset > 0 else { return 0 }
        bytes.removeFirst(offset)
        return offset
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)),
              let close = find(Array("?>".utf8), in: bytes, from: 0, limit: 256) else { return nil }
        let declaration = String(decoding: bytes[0 ..< close], as: UTF8.self)
        guard let range = declaration.range(of: "encoding=") else { return nil }
        let rest = declaration[range.upperBound...].dropFirst()
        return rest.prefix { $0 != "\"" && $0 != "'" }.description
    }
}

extension XMLRepair {
    /// Known camel-case attribute names that a user's re-serialiser lower-cased; libxml2
    /// does not mind, but schema-aware tools downstream do. Returns true if any changed.
    static func restoreAttributeCase(_ bytes: inout [UInt8]) -> Bool {
        let names = ["xsi:noNamespaceSchemaLocation", "xsi:schemaLocation", "tk:contentType"]
        var changed = false
        for name in names {
            let lower = Array(name.lowercased().utf8)
            guard let offset = find(lower, in: bytes, from: 0, limit: 4096) else { continue }
            bytes.replaceSubrange(offset ..< offset + lower.count, with: Array(name.utf8))
            changed = true
        }
        return changed
    }

    /// The text of a document whose XML could not be parsed at all: tags dropped, each
    /// tag a line break so block elements stay apart, the five predefined entities
    /// decoded (no other entity is ever expanded).
    static func stripTags(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var inTag = false
        var bracketDepth = 0  // a DOCTYPE's internal subset holds '>' inside [ … ]
        for byte in bytes {
            if inTag {
                if byte == UInt8(ascii: "[") { bracketDepth += 1 }
                if byte == UInt8(ascii: "]") { bracketDepth -= 1 }
                if byte == UInt8(ascii: ">"), bracketDepth <= 0 { inTag = false; bracketDepth = 0 }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                out.append(0x0A)
            } else {
                out.append(byte)
            }
        }
        var text = String(decoding: out, as: UTF8.self)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}

extension XMLRepair {
    /// After we transcoded a file to UTF-8, its declaration must say so, or libxml2
    /// switches to the declared encoding and garbles the text again.
    static func declareUTF8(_ bytes: inout [UInt8]) {
        guard let declared = declaredEncoding(bytes), declared.lowercased() != "utf-8",
              let close = find(Array("?>".utf8), in: bytes, from: 0, limit: 256) else { return }
        bytes.replaceSubrange(0 ..< close + 2, with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8))
    }
}
