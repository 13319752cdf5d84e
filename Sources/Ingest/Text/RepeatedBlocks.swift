/// Page furniture in text that has lost its page breaks (a PDF converted to Markdown or
/// Word text): the margin block of a letter (`**Directoraat-Generaal** … Huiselijk
/// Geweld`, `**Datum** 19 november 2024`, `**Onze referentie** 5896071`) comes back on
/// every page, between the paragraphs, and would become passages and headings of its own.
/// A short block of short lines that stands three times or more, word for word, is such
/// furniture, and every occurrence goes (the first too: kept, a label such as `Datum`
/// would head the passages after it). Metadata is still read from the text as it was.
/// Text with page breaks is cleaned page by page instead (``PagedText``).
enum RepeatedBlocks {
    /// A block longer than this, or with a line longer than `maximumLine`, is text.
    static let maximumBlock = 400
    static let maximumLine = 60
    static let minimumRepeats = 3

    static func remove(from text: String) -> String {
        // Only letters carry a margin block: one whose opening names none of its labels
        // (laws, OCR papers, most of what is indexed) is not scanned.
        let opening = text.utf8Prefix(4096)
        guard ["Datum", "kenmerk", "referentie", "Retouradres"].contains(where: { opening.containsBytes($0) }) else { return text }
        // One copy of the bytes, read as slices; most texts have no furniture and are
        // returned untouched.
        let bytes = Array(text.utf8)
        let removed = furniture(in: bytes)
        guard !removed.isEmpty else { return text }
        var kept = bytes
        for block in removed.reversed() { kept.removeSubrange(block) }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The blocks of `bytes` that are furniture, in order.
    private static func furniture(in bytes: [UInt8]) -> [Range<Int>] {
        let blocks = ranges(of: bytes)
        // Each furniture-shaped block's key, worked out once.
        let keys = blocks.map { isFurnitureShaped(bytes[$0]) ? countingKey(bytes[$0]) : nil }
        var counts: [UInt64: Int] = [:]
        for case let key? in keys { counts[key, default: 0] += 1 }
        guard counts.values.contains(where: { $0 >= minimumRepeats }) else { return [] }
        var removed: [Range<Int>] = []
        var afterRemovedLabel = false
        for (block, key) in zip(blocks, keys) {
            let repeated = key.map { counts[$0, default: 0] >= minimumRepeats } ?? false
            let oneLine = !bytes[block].dropLast().contains(0x0A)
            // `**Datum**⏎⏎19 november 2024`: the value of a removed label, in a block of its own.
            if repeated || afterRemovedLabel && key != nil && oneLine {
                removed.append(block)
                afterRemovedLabel = repeated && oneLine && startsWithLabel(bytes[block])
            } else {
                afterRemovedLabel = false
            }
        }
        return removed
    }

    /// The blocks of `bytes`: runs of non-blank lines, without the blank lines around them.
    static func ranges(of bytes: [UInt8]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let blank = bytes[lineStart ..< lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if blank {
                if let first = start { blocks.append(first ..< lineStart) }
                start = nil
            } else if start == nil {
                start = lineStart
            }
            lineStart = lineEnd + 1
        }
        if let first = start { blocks.append(first ..< bytes.count) }
        return blocks
    }

    /// Letterhead labels that come back alone on a line, their values on the next block.
    static let labels: Set<String> = ["Datum", "Onze referentie", "Ons kenmerk", "Uw kenmerk", "Uw referentie", "Kenmerk", "Bijlage(n)", "Bijlagen"]
    private static let labelHashes = Set(labels.map { normalizedHash($0.utf8) })

    /// A block of two or more short lines, or one line that is a letterhead label, a date
    /// or a number (`5896071`): a single repeated line of text may be a heading (`Vraag`).
    /// Byte tests only: this runs on every block of every text file.
    static func isFurnitureShaped(_ block: ArraySlice<UInt8>) -> Bool {
        guard block.count <= maximumBlock else { return false }
        if !block.dropLast().contains(0x0A) {
            // Labels, dates and numbers are short; most single-line blocks are paragraphs.
            guard block.count <= 40 else { return false }
            if labelHashes.contains(normalizedHash(block)) { return true }
            var trimmed = block
            while let last = trimmed.last, last == 0x20 || last == 0x0D || last == 0x0A || last == UInt8(ascii: ".") { trimmed = trimmed.dropLast() }
            guard let first = trimmed.first, ByteClass.isDigit(first) else { return false }
            if trimmed.allSatisfy(ByteClass.isDigit) { return true }
            // `19 november 2024`: a day, a word, a year.
            let spaces = trimmed.filter { $0 == 0x20 }.count
            return spaces == 2 && trimmed.suffix(4).allSatisfy(ByteClass.isDigit)
        }
        var lineLength = 0
        for byte in block {
            if byte == 0x0A { lineLength = 0 } else { lineLength += 1 }
            if lineLength > maximumLine + 4 { return false }  // trailing spaces, `**`
        }
        return true
    }

    /// What a block counts as: a block that starts with a letterhead label counts as the
    /// label, whatever value follows it (and whether the value is in the block or the next).
    static func countingKey(_ block: ArraySlice<UInt8>) -> UInt64 {
        let firstLine = block.prefix { $0 != 0x0A }
        if firstLine.count <= 28 {
            let label = normalizedHash(firstLine)
            if labelHashes.contains(label) { return label }
        }
        return normalizedHash(block)
    }

    /// Whether the block starts with a letterhead label (`**Onze referentie**`).
    static func startsWithLabel(_ block: ArraySlice<UInt8>) -> Bool {
        let firstLine = block.prefix { $0 != 0x0A }
        return firstLine.count <= 28 && labelHashes.contains(normalizedHash(firstLine))
    }

    /// FNV-1a of the block without Markdown emphasis and with white space collapsed,
    /// computed as the bytes are read: blocks are counted by
    /// hash, so no block is copied.
    static func normalizedHash<Bytes: Collection<UInt8>>(_ block: Bytes) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var started = false
        var pendingSpace = false
        for byte in block {
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") { continue }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                pendingSpace = started
                continue
            }
            if pendingSpace { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3; pendingSpace = false }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            started = true
        }
        return hash
    }
}
