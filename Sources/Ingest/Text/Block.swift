/// A paragraph of cleaned text before it is cut into passages. Blocks in the same
/// section may be merged into one passage; a new heading, a question or an answer
/// starts a new section, so those are never merged with what came before.
struct Block: Equatable {
    var heading: String?
    var text: String
    var section: Int
    /// Words in `text`, counted while its white space was collapsed.
    var words: Int

    init(heading: String?, text: String, section: Int, words: Int? = nil) {
        self.heading = heading
        self.text = text
        self.section = section
        self.words = words ?? WhiteSpace.wordCount(text)
    }

    static func == (a: Block, b: Block) -> Bool {
        a.heading == b.heading && a.text == b.text && a.section == b.section
    }
}

/// Collects blocks and notes from any reader (plain text or XML) in document order.
struct BlockBuilder {
    private(set) var blocks: [Block] = []
    private(set) var notes: [Note] = []
    private(set) var currentHeading: String?
    /// Every heading so far as written, not joined to the one before, in order (a bounded
    /// number): a document's first heading is its title where it has no other, and
    /// signature lines set as headings (`Bergen, 23 december 2015`) date a document.
    private(set) var headings: [String] = []
    private var section = 0
    /// How many blocks there were when the current heading was set.
    private var blocksAtHeading = 0

    /// Starts a new section under `text`; an empty heading only ends the section.
    ///
    /// A heading that follows another with no text between them is joined to it
    /// (`Hoofdstuk I Rechten – Artikel 1.1 Recht op toegang`, an agenda item and its first
    /// speaker): otherwise the outer heading would head no passage and its words could
    /// not be found.
    mutating func heading(_ text: String) {
        let own = WhiteSpace.collapse(text)
        var cleaned = own
        section += 1
        if !cleaned.isEmpty, let outer = currentHeading, blocks.count == blocksAtHeading,
           outer.utf8.count + cleaned.utf8.count <= 240 {
            cleaned = outer + " – " + cleaned
        }
        blocksAtHeading = blocks.count
        currentHeading = cleaned.isEmpty ? nil : cleaned
        if !own.isEmpty, headings.count < 500 { headings.append(own) }
    }

    /// Ends the current section but keeps its heading (a new speech by the same speaker).
    mutating func breakSection() { section += 1 }

    mutating func paragraph(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        paragraph(bytes: text.utf8.span)
    }

    /// The same for raw bytes, saving a String round trip on the text path.
    mutating func paragraph(bytes: Span<UInt8>) {
        let (text, spaces) = WhiteSpace.collapsed(bytes)
        guard !text.isEmpty else { return }
        blocks.append(Block(heading: currentHeading, text: text, section: section, words: spaces + 1))
    }

    mutating func note(label: String?, text: String) {
        let cleaned = WhiteSpace.collapse(text)
        guard !cleaned.isEmpty else { return }
        let cleanLabel = label.map(WhiteSpace.collapse)
        notes.append(Note(label: cleanLabel?.isEmpty == true ? nil : cleanLabel, text: cleaned))
    }

    /// The text of all blocks so far, for metadata searches over the opening lines.
    func leadingText(blockLimit: Int) -> [String] { blocks.prefix(blockLimit).map(\.text) }
}
