/// What an element means for the text, decided per format.
enum ElementRole: Equatable {
    /// Starts and ends a paragraph (`al`, `para`, any unknown element).
    case block
    /// Starts a new section whose heading is this element's text (`tussenkop`, `kop`).
    case heading
    /// Starts a new section under the current heading (`vraag`, `antwoord`, ParlaMint `seg`):
    /// what follows is never merged into one passage with what came before.
    case section
    /// Flows inside the surrounding text without a break (`nadruk`, `sup`, `extref`).
    case inline
    /// A footnote body, moved to the notes (`noot`).
    case note
    /// The footnote's mark (`noot.nr`), kept as the note's label.
    case noteLabel
    /// Dropped with everything inside it (metadata blocks, `li.nr` bullets).
    case skip
}

/// Turns the element events of any format into blocks, headings and notes, given each
/// element's role; format readers add metadata on top. Text is collected raw and its
/// white space collapsed per paragraph, so line breaks of pretty-printed files vanish
/// and words split across inline elements or processing instructions stay whole.
struct XMLTextAssembler {
    var builder = BlockBuilder()
    /// The names of the open elements, innermost last.
    private(set) var path: [String] = []
    private var roles: [ElementRole] = []
    private var paragraph = [UInt8]()
    private var heading: [UInt8]?
    private var headingDepth = 0
    private var note: [UInt8]?
    private var noteLabel: [UInt8]?
    private var noteDepth = 0
    private var labelDepth = 0
    private var skipDepth = 0
    /// Open captures: key, depth of the element, text so far.
    private var captures: [(key: String, depth: Int, text: [UInt8])] = []
    /// Finished captures by key, in document order.
    private(set) var captured: [String: [String]] = [:]

    var parent: String? { path.last }

    /// Collects the text of the element being started under `key`, even when it lies
    /// inside a skipped part, but not the text of skipped elements inside it (BWB nests
    /// its bookkeeping inside `citeertitel`); call right before `start`.
    mutating func capture(_ key: String) {
        captures.append((key, path.count + 1, []))
    }

    func first(_ key: String) -> String? { captured[key]?.first }

    mutating func start(_ name: String, role: ElementRole) {
        path.append(name)
        roles.append(role)
        let depth = path.count
        if skipDepth > 0 { return }
        switch role {
        case .skip:
            skipDepth = depth
        case .note:
            if note == nil {
                note = []
                noteLabel = nil
                noteDepth = depth
            }
        case .noteLabel:
            if note != nil, labelDepth == 0 {
                noteLabel = []
                labelDepth = depth
            }
        case .heading:
            if note != nil { appendSpace(); return }
            if heading == nil {
                flushParagraph()
                heading = []
                headingDepth = depth
            } else {
                appendSpace()
            }
        case .block, .section:
            if note != nil || heading != nil { appendSpace(); return }
            flushParagraph()
            if role == .section { builder.breakSection() }
        case .inline:
            break
        }
    }

    /// Gives the footnote just started its label from an attribute (Rechtspraak's
    /// `footnote label="1"`) rather than from a child element.
    mutating func labelNote(_ label: String) {
        guard note != nil, labelDepth == 0 else { return }
        noteLabel = Array(label.utf8)
    }

    mutating func end(_ name: String) {
        let depth = path.count
        guard depth > 0 else { return }
        let role = roles[depth - 1]
        while let last = captures.last, last.depth == depth {
            captures.removeLast()
            let value = WhiteSpace.collapse(String(decoding: last.text, as: UTF8.self))
            if captured[last.key, default: []].count < 50 { captured[last.key, default: []].append(value) }
        }
        defer {
            path.removeLast()
            roles.removeLast()
        }
        if skipDepth > 0 {
            if depth == skipDepth { skipDepth = 0 }
            return
        }
        if depth == labelDepth {
            labelDepth = 0
        } else if depth == noteDepth, let body = note {
            builder.note(label: noteLabel.map { String(decoding: $0, as: UTF8.self) }, text: String(decoding: body, as: UTF8.self))
            note = nil
            noteLabel = nil
            noteDepth = 0
        } else if depth == headingDepth, let text = heading {
            builder.heading(WhiteSpace.tidyPunctuation(WhiteSpace.collapse(String(decoding: text, as: UTF8.self))))
            heading = nil
            headingDepth = 0
        } else if role == .block || role == .section {
            if note != nil || heading != nil { appendSpace() } else { flushParagraph() }
        }
    }

    mutating func text(_ text: String) {
        // A footnote inside a captured title is not part of the title.
        for index in captures.indices
        where (note == nil || captures[index].depth >= noteDepth) && (skipDepth == 0 || skipDepth <= captures[index].depth) {
            captures[index].text.append(contentsOf: text.utf8)
        }
        if skipDepth > 0 { return }
        if labelDepth > 0 {
            noteLabel?.append(contentsOf: text.utf8)
        } else if note != nil {
            note?.append(contentsOf: text.utf8)
        } else if heading != nil {
            heading?.append(contentsOf: text.utf8)
        } else {
            paragraph.append(contentsOf: text.utf8)
        }
    }

    /// Ends the document: whatever is still open (a truncated file) is kept.
    mutating func finish() {
        if let body = note {
            builder.note(label: noteLabel.map { String(decoding: $0, as: UTF8.self) }, text: String(decoding: body, as: UTF8.self))
            note = nil
        }
        if let text = heading {
            builder.heading(String(decoding: text, as: UTF8.self))
            heading = nil
        }
        flushParagraph()
    }

    private mutating func appendSpace() {
        if labelDepth > 0 { noteLabel?.append(0x20) } else if note != nil { note?.append(0x20) } else { heading?.append(0x20) }
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        builder.paragraph(WhiteSpace.tidyPunctuation(WhiteSpace.collapse(String(decoding: paragraph, as: UTF8.self))))
        paragraph.removeAll(keepingCapacity: true)
    }
}
