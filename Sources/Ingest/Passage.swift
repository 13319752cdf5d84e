/// A unit of retrieval: about a paragraph of text under one heading.
///
/// `start` and `end` are UTF-8 byte offsets into `Document.text` (the passages joined by
/// blank lines), so a hit can be shown in the context of the whole cleaned document.
public struct Passage: Sendable, Codable, Equatable {
    /// 0-based position of the passage in its document.
    public var ordinal: Int
    /// The heading the passage sits under (`Vraag 4`, a `tussenkop`, a speaker), if any.
    public var heading: String?
    public var text: String
    public var start: Int
    public var end: Int

    public init(ordinal: Int, heading: String?, text: String, start: Int, end: Int) {
        self.ordinal = ordinal
        self.heading = heading
        self.text = text
        self.start = start
        self.end = end
    }
}
