import Foundation
import Testing

/// The kind of a value `JSONSerialization` read, by JSON Schema's names: Foundation reads
/// integers, fractions and booleans alike as `NSNumber`, and a test of a `--json` shape
/// must tell them apart.
enum JSONType: String, CustomStringConvertible {
    case string, integer, number, boolean, array, object, null

    init(of value: Any) {
        switch value {
        case is String: self = .string
        case is NSNull: self = .null
        case is [Any]: self = .array
        case is [String: Any]: self = .object
        case let number as NSNumber:
            if String(describing: type(of: number)).contains("Boolean") {
                self = .boolean
            } else {
                self = ["d", "f"].contains(String(cString: number.objCType)) ? .number : .integer
            }
        default: self = .null
        }
    }

    var description: String { rawValue }
}

/// The keys a JSON object must have, each with the kinds its value may be: `.number`
/// takes an integer too (`took_ms` may be `1`), `.null` marks what may be absent in value.
typealias JSONShape = [String: Set<JSONType>]

/// Expects `object` to have exactly the keys of `shape`, each value of a kind it allows.
func expectShape(_ object: [String: Any], _ shape: JSONShape, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Set(object.keys) == Set(shape.keys), "\(what): keys", sourceLocation: sourceLocation)
    for (key, kinds) in shape {
        guard let value = object[key] else { continue }
        let kind = JSONType(of: value)
        let allowed = kinds.contains(kind) || (kind == .integer && kinds.contains(.number))
        #expect(allowed, "\(what): \(key) is \(kind), not \(kinds.map(\.rawValue).sorted())", sourceLocation: sourceLocation)
    }
}

/// The array at `key` of `object`, as objects.
func objects(_ object: [String: Any], _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try #require(object[key] as? [[String: Any]], "\(key) is not an array of objects", sourceLocation: sourceLocation)
}

/// `value` written again with sorted keys, for comparing what two commands printed.
func canonicalJSON(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]), as: UTF8.self)
}
