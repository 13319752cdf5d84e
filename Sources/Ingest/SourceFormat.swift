/// The format a file was read as, decided from its content by `FormatDetector`.
public enum SourceFormat: String, Sendable, Codable, Equatable {
    case text
    case markdown
    case xml
}
