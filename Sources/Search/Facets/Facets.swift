import Foundation

/// The fields a search can count its matching documents by (`facets=type,year,dossier`).
public enum FacetField: String, CaseIterable, Sendable, Codable {
    case type, year, dossier

    /// How many values a facet lists at most: the most frequent types and dossiers, the
    /// newest years. Types are few (docs/DOCUMENT_TYPES.md); a broad query touches
    /// thousands of dossiers, of which a page can show only the leading ones.
    public var valueLimit: Int {
        switch self {
        case .type: return 20
        case .year: return 100
        case .dossier: return 20
        }
    }

    /// `type,year,dossier` as the API and the CLI take it: nil when a name is unknown;
    /// duplicates and empty parts are dropped, the order is the fields'.
    public static func list(_ text: String) -> [FacetField]? {
        var fields = Set<FacetField>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { continue }
            guard let field = FacetField(rawValue: name) else { return nil }
            fields.insert(field)
        }
        return allCases.filter(fields.contains)
    }
}

/// One value of a facet and the number of matching documents that have it.
public struct FacetValue: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
