/// A query the parser cannot read, with the place to look.
public struct QueryParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, as a sentence for the person who typed the query.
    public var message: String
    /// Offset of the problem in the query, in Unicode scalars from the start (0-based).
    public var position: Int
    public var query: String

    public init(_ message: String, at position: Int, in query: String) {
        self.message = message
        self.position = position
        self.query = query
    }

    /// The message, then the query with a caret under the position.
    public var description: String {
        let line = String(String.UnicodeScalarView(query.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
        return "\(message) (at position \(position + 1))\n  \(line)\n  \(String(repeating: " ", count: position))^"
    }
}
