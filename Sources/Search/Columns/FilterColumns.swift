import IndexStore

/// What the filters (`soort:`, `dossier:`, `datum:` and `jaar:`) test, per segment, laid
/// out so that a filtered query reads a column instead of every document's entry.
///
/// A filter is checked for every document of the index on every filtered query. Reading
/// each document's whole entry for that (strings included, a cache line or more apiece)
/// and comparing type strings would be a large part of a filtered query; a type number or
/// a date per document is a few bytes.
struct FilterColumns {
    /// Per document, its type's number in ``typeNumbers``.
    let types: [UInt32]
    /// Per document, its date as `yyyymmdd` (0 for none).
    let dates: [UInt32]
    /// Per dossier number, the documents that belong to it, ascending.
    let dossiers: [String: [Int]]
    /// The snapshot's type numbers, shared by its segments' columns.
    let typeNumbers: TypeNumbers

    /// Numbers for the document types of a snapshot: types are few (`brief`, `motie`, …).
    struct TypeNumbers {
        private(set) var numbers: [String: UInt32] = [:]

        init(_ segments: [IndexSnapshot.Segment]) {
            for segment in segments {
                for entry in segment.reader.documents where numbers[entry.type] == nil {
                    numbers[entry.type] = UInt32(numbers.count)
                }
            }
        }

        func number(of type: String) -> UInt32? { numbers[type] }
    }

    init(_ reader: SegmentReader, typeNumbers: TypeNumbers) {
        types = reader.documents.map { typeNumbers.number(of: $0.type) ?? .max }
        dates = reader.dates
        var dossiers: [String: [Int]] = [:]
        for (ordinal, entry) in reader.documents.enumerated() {
            for dossier in entry.dossiers { dossiers[dossier, default: []].append(ordinal) }
        }
        self.dossiers = dossiers
        self.typeNumbers = typeNumbers
    }

    /// Per document: passes `filter`. A filter inside `OR` or `NOT` becomes a matcher over
    /// these documents.
    func documents(passing filter: DocumentFilter) -> [Bool] {
        var passing = Array(repeating: true, count: dates.count)
        apply(filter, to: &passing)
        return passing
    }

    /// Clears in `accepted` every document that `filter` rejects (as
    /// ``DocumentFilter/accepts(_:)`` decides for an entry).
    func apply(_ filter: DocumentFilter, to accepted: inout [Bool]) {
        switch filter {
        case .type(let type):
            guard let wanted = typeNumbers.number(of: type) else {
                for ordinal in accepted.indices { accepted[ordinal] = false }
                return
            }
            for ordinal in accepted.indices where types[ordinal] != wanted { accepted[ordinal] = false }
        case .dossier(let dossier):
            var kept = Array(repeating: false, count: accepted.count)
            for ordinal in dossiers[dossier] ?? [] { kept[ordinal] = accepted[ordinal] }
            accepted = kept
        case let .date(from, to):
            for ordinal in accepted.indices {
                let date = dates[ordinal]
                if date == 0 || date < from || date > to { accepted[ordinal] = false }
            }
        }
    }
}
