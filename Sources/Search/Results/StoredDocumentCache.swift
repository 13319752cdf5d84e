import IndexStore

/// Recently shown documents, decompressed: results and snippets come from a handful of
/// documents again and again (the same letters answer many queries), and decompressing a
/// whole record for every hit would be most of a search's cost. Segments are immutable, so
/// an entry never goes stale; a new snapshot gets a new searcher and a new cache.
final class StoredDocumentCache {
    private struct Key: Hashable {
        var segment: Int
        var ordinal: UInt32
    }

    private let capacity: Int
    private var entries: [Key: (document: StoredDocument, lastUse: Int)] = [:]
    private var clock = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func document(segment: Int, ordinal: UInt32, load: () throws -> StoredDocument) rethrows -> StoredDocument {
        clock += 1
        let key = Key(segment: segment, ordinal: ordinal)
        if let hit = entries[key] {
            entries[key]!.lastUse = clock
            return hit.document
        }
        let document = try load()
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        entries[key] = (document, clock)
        return document
    }
}

extension StoredDocument {
    /// Retrieval unit `ordinal` (passages first, then footnotes), without building the list.
    func unit(_ ordinal: Int) -> StoredPassage? {
        if passages.indices.contains(ordinal) { return passages[ordinal] }
        let note = ordinal - passages.count
        guard notes.indices.contains(note) else { return nil }
        return StoredPassage(heading: "Noot \(notes[note].label ?? String(note + 1))", text: notes[note].text, start: 0, end: 0)
    }
}
