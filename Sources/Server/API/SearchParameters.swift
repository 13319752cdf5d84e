import Search

/// The parameters of `GET /api/search` (and of the page at `/`, which uses the same names
/// so that its URLs are the API's), checked and turned into the engine's options. The
/// raw strings are kept so the page can fill its form with what was asked.
struct SearchParameters {
    static let maximumQueryLength = 1_000
    static let limits = 1 ... 100
    static let maximumOffset = 10_000
    static let perDocumentLimits = 1 ... 10

    var query: String
    var limit = 10
    var offset = 0
    var sort = SortOrder.relevance
    var perDocument = 1
    /// `exact_total=true`: count every match (``SearchOptions/exactTotal``).
    var exactTotal = false
    /// `fold=false`: list every document, also those whose passage repeats a better one's
    /// (``SearchOptions/foldSimilar``).
    var fold = true
    /// `some_words=false`: only documents with every word (``SearchOptions/fillWithSomeWords``).
    var someWords = true
    var type: String?
    var dossier: String?
    /// ISO dates as given.
    var from: String?
    var to: String?
    /// `facets=type,year,dossier`: count the matching documents per value of these fields.
    var facets: [FacetField] = []

    /// Reads and checks every parameter; the first problem is a 400 that names it.
    /// `requireQuery` is off for the page, which shows an empty form without `q`.
    init(_ parameters: QueryString, requireQuery: Bool = true) throws {
        let query = try parameters.value("q")
        if query == nil, requireQuery, !parameters.contains("q") {
            throw APIError.badParameter("The parameter q (the query) is missing.")
        }
        self.query = query ?? ""
        guard self.query.unicodeScalars.count <= Self.maximumQueryLength else {
            throw APIError.badParameter("The query is longer than \(Self.maximumQueryLength) characters.")
        }
        limit = try Self.integer(parameters, "limit", in: Self.limits) ?? limit
        offset = try Self.integer(parameters, "offset", in: 0 ... Self.maximumOffset) ?? offset
        perDocument = try Self.integer(parameters, "per_doc", in: Self.perDocumentLimits) ?? perDocument
        exactTotal = try Self.boolean(parameters, "exact_total") ?? exactTotal
        fold = try Self.boolean(parameters, "fold") ?? fold
        someWords = try Self.boolean(parameters, "some_words") ?? someWords
        if let sort = try parameters.value("sort") {
            guard let order = SortOrder(rawValue: sort) else {
                throw APIError.badParameter("sort must be relevance or date.")
            }
            self.sort = order
        }
        if let list = try parameters.value("facets") {
            guard let fields = FacetField.list(list) else {
                throw APIError.badParameter("facets must be a comma-separated list of type, year and dossier.")
            }
            facets = fields
        }
        type = try parameters.value("type")
        dossier = try parameters.value("dossier")
        from = try parameters.value("from")
        to = try parameters.value("to")
        let first = try from.map { try Self.day($0, name: "from") }
        let last = try to.map { try Self.day($0, name: "to") }
        if let first, let last, first > last {
            throw APIError.badParameter("from (\(from!)) is after to (\(to!)).")
        }
    }

    /// What the engine is asked; `snippets` is off where only totals are needed.
    func options(timeBudget: Duration) -> SearchOptions {
        var options = SearchOptions()
        options.limit = limit
        options.offset = offset
        options.sort = sort
        options.perDocument = perDocument
        options.exactTotal = exactTotal
        options.foldSimilar = fold
        options.fillWithSomeWords = someWords
        options.timeBudget = timeBudget
        options.facets = facets
        if let type { options.filters.append(.type(type)) }
        if let dossier { options.filters.append(.dossier(dossier)) }
        if from != nil || to != nil {
            // Both were checked in init; an open end is the widest day that can be written.
            let first = from.flatMap { try? Self.day($0, name: "from") } ?? 1
            let last = to.flatMap { try? Self.day($0, name: "to") } ?? 9999_12_31
            options.filters.append(.date(from: first, to: last))
        }
        return options
    }

    private static func boolean(_ parameters: QueryString, _ name: String) throws -> Bool? {
        guard let text = try parameters.value(name) else { return nil }
        guard let value = Bool(text) else { throw APIError.badParameter("\(name) must be true or false.") }
        return value
    }

    private static func integer(_ parameters: QueryString, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try parameters.value(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// `yyyy-mm-dd` as the index stores dates (`yyyymmdd`), refusing days that do not exist.
    static func day(_ text: String, name: String) throws -> UInt32 {
        let invalid = APIError.badParameter("\(name) must be a date written yyyy-mm-dd, such as 2024-03-15.")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = UInt32(parts[0]), let month = UInt32(parts[1]), let day = UInt32(parts[2]),
              year >= 1, (1 ... 12).contains(month), day >= 1 else { throw invalid }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths: [UInt32] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[Int(month) - 1] else {
            throw APIError.badParameter("\(name) (\(text)) is a day that does not exist.")
        }
        return year * 10_000 + month * 100 + day
    }
}
