import IndexStore

/// What facets count by, per document of one segment, laid out as columns like the
/// filters' (``FilterColumns``): a facet adds one to a counter per matching document and
/// field, and reads no document entry (strings) on the way.
///
/// Built once per snapshot, on its first search that asks for facets
/// (``SearchableSnapshot/facetColumns()``).
struct FacetColumns {
    /// Per document, its type's number (the filters' numbering, ``FilterColumns/types``).
    let types: [UInt32]
    /// Per document, its year's slot in ``FacetNames/years`` plus one; 0 when undated.
    let years: [UInt16]
    /// Per document `d`, its dossiers' numbers are `dossiers[dossierStarts[d] ..< dossierStarts[d + 1]]`.
    let dossierStarts: [UInt32]
    let dossiers: [UInt32]
}

/// The values behind the columns' numbers, for the snapshot's segments together.
struct FacetNames {
    /// Per type number, its name.
    let types: [String]
    /// The first year any document is dated in; slot `s` of a year column is `firstYear + s - 1`.
    let firstYear: Int
    let yearCount: Int
    /// Per dossier number, the dossier as the index holds it (`36658`, `36600-VI`).
    let dossiers: [String]
    /// Per type and dossier number, its place in the order of the names: ties of counts
    /// are broken by comparing these, not strings.
    let typeOrder: [Int]
    let dossierOrder: [Int]

    init(types: [String], firstYear: Int, yearCount: Int, dossiers: [String]) {
        self.types = types
        self.firstYear = firstYear
        self.yearCount = yearCount
        self.dossiers = dossiers
        typeOrder = Self.order(types)
        dossierOrder = Self.order(dossiers)
    }

    /// Per name, its place among `names` sorted.
    private static func order(_ names: [String]) -> [Int] {
        var order = Array(repeating: 0, count: names.count)
        for (place, index) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { order[index] = place }
        return order
    }

    /// Columns for every segment of `segments` and the names they share.
    static func build(
        _ segments: [IndexSnapshot.Segment], filterColumns: [FilterColumns]
    ) -> (names: FacetNames, columns: [FacetColumns]) {
        var typeNames: [String] = []
        if let numbers = filterColumns.first?.typeNumbers.numbers {
            typeNames = Array(repeating: "", count: numbers.count)
            for (name, number) in numbers { typeNames[Int(number)] = name }
        }
        var first = Int.max, last = Int.min
        for columns in filterColumns {
            for date in columns.dates where date != 0 {
                let year = Int(date / 10_000)
                first = min(first, year)
                last = max(last, year)
            }
        }
        let yearCount = first <= last ? last - first + 1 : 0
        var dossierNumbers: [String: UInt32] = [:]
        var dossierNames: [String] = []
        var columns: [FacetColumns] = []
        for (segment, filter) in zip(segments, filterColumns) {
            let years = filter.dates.map { date in date == 0 ? UInt16(0) : UInt16(Int(date / 10_000) - first + 1) }
            var starts: [UInt32] = [0]
            starts.reserveCapacity(filter.dates.count + 1)
            var dossiers: [UInt32] = []
            for entry in segment.reader.documents {
                for dossier in entry.dossiers {
                    if let number = dossierNumbers[dossier] {
                        dossiers.append(number)
                    } else {
                        let number = UInt32(dossierNames.count)
                        dossierNumbers[dossier] = number
                        dossierNames.append(dossier)
                        dossiers.append(number)
                    }
                }
                starts.append(UInt32(dossiers.count))
            }
            columns.append(FacetColumns(types: filter.types, years: years, dossierStarts: starts, dossiers: dossiers))
        }
        return (FacetNames(types: typeNames, firstYear: first == .max ? 0 : first, yearCount: yearCount, dossiers: dossierNames), columns)
    }
}

/// A search's matching documents counted per facet value: a counter per type, year and
/// dossier number of the snapshot, for the fields asked for.
struct FacetCounts {
    let fields: [FacetField]
    private(set) var types: [Int]
    private(set) var years: [Int]
    private(set) var dossiers: [Int]
    /// Every matching document was counted (not so when counting stopped at the count
    /// limit or the time budget).
    var exact = true

    init(fields: [FacetField], names: FacetNames) {
        self.fields = fields
        types = fields.contains(.type) ? Array(repeating: 0, count: names.types.count) : []
        years = fields.contains(.year) ? Array(repeating: 0, count: names.yearCount + 1) : []
        dossiers = fields.contains(.dossier) ? Array(repeating: 0, count: names.dossiers.count) : []
    }

    /// Counts document `document` of the segment whose columns are `columns`.
    @inline(__always)
    mutating func add(_ document: Int, _ columns: FacetColumns) {
        if !types.isEmpty {
            let type = Int(columns.types[document])
            if type < types.count { types[type] += 1 }
        }
        if !years.isEmpty { years[Int(columns.years[document])] += 1 }
        if !dossiers.isEmpty {
            for index in Int(columns.dossierStarts[document]) ..< Int(columns.dossierStarts[document + 1]) {
                dossiers[Int(columns.dossiers[index])] += 1
            }
        }
    }

    /// Counts the documents `0 ..< below` of a segment for which `matched` is true.
    mutating func add(matched: [Bool], below: Int, _ columns: FacetColumns) {
        let matched = matched.span
        for document in 0 ..< min(below, matched.count) where matched[document] { add(document, columns) }
    }

    /// The values with at least one document, as the result lists them: types and
    /// dossiers by count (most first, ties by value), years newest first; each cut to
    /// its field's ``FacetField/valueLimit``.
    func values(names: FacetNames) -> [String: [FacetValue]] {
        var result: [String: [FacetValue]] = [:]
        // The `limit` best values, kept in order as the counters are read: a broad search
        // has thousands of dossiers, of which only those that can still make it are
        // placed (strings are made for the kept ones only).
        func ranked(_ counts: [Int], order: [Int], limit: Int, _ names: [String]) -> [FacetValue] {
            func before(_ lhs: Int, _ rhs: Int) -> Bool {
                counts[lhs] != counts[rhs] ? counts[lhs] > counts[rhs] : order[lhs] < order[rhs]
            }
            var best: [Int] = []
            best.reserveCapacity(limit + 1)
            for index in counts.indices where counts[index] > 0 {
                if best.count == limit, !before(index, best[limit - 1]) { continue }
                var place = best.count
                while place > 0, before(index, best[place - 1]) { place -= 1 }
                best.insert(index, at: place)
                if best.count > limit { best.removeLast() }
            }
            return best.map { FacetValue(value: names[$0], count: counts[$0]) }
        }
        for field in fields {
            switch field {
            case .type:
                result[field.rawValue] = ranked(types, order: names.typeOrder, limit: field.valueLimit, names.types)
            case .dossier:
                result[field.rawValue] = ranked(dossiers, order: names.dossierOrder, limit: field.valueLimit, names.dossiers)
            case .year:
                // Slot 0 holds the undated documents, which have no year to show.
                let dated = years.indices.dropFirst().reversed().filter { years[$0] > 0 }
                result[field.rawValue] = dated.prefix(field.valueLimit).map {
                    FacetValue(value: String(names.firstYear + $0 - 1), count: years[$0])
                }
            }
        }
        return result
    }
}
