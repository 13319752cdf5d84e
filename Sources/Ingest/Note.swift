/// A footnote moved out of the running text, so that no sentence or phrase spans it.
public struct Note: Sendable, Codable, Equatable {
    /// The footnote mark as printed (`1`, `*`), if the source had one.
    public var label: String?
    public var text: String

    public init(label: String?, text: String) {
        self.label = label
        self.text = text
    }
}
