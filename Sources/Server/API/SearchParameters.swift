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
    /// `type`, `dossier`, `from` and `to`, read as the query language reads `soort:`,
    /// `dossier:` and `datum:` (``QueryParser/filter(_:value:)``): `dossier=28 345` is
    /// `dossier:28 345`, `type=Brief` is `soort:brief`, and a value the query would refuse
    /// is a 400 naming the parameter.
    var filters: [DocumentFilter] = []
    /// `type`, `dossier`, `from` and `to` as given (checked: each is in `filters`), for what
    /// names the search in URLs and titles (the feed's id, title and links, the export link).
    var type: String?
    var dossier: String?
    var from: String?
    var to: String?
    /// `facets=type,year,dossier`: count the matching documents per value of these fields.
    var facets: [FacetField] = []

    /// Reads and checks every parameter; the first problem is a 400 that names it.
    /// `requireQuery` is off for the page, which shows an empty form without `q`.
    init(_ parameters: QueryString, requireQuery: Bool = true) throws {
        let query = try parameters.value("q")
        if query == nil, requireQuery, !parameters.contains("q") {
            throw APIError.badParameter("The parameter q (the query) is missing.", dutch: "De parameter q (de zoekvraag) ontbreekt.")
        }
        self.query = query ?? ""
        guard self.query.unicodeScalars.count <= Self.maximumQueryLength else {
            throw APIError.badParameter(
                "The query is longer than \(Self.maximumQueryLength) characters.",
                dutch: "De zoekvraag is langer dan \(Self.maximumQueryLength) tekens.")
        }
        limit = try Self.integer(parameters, "limit", in: Self.limits) ?? limit
        offset = try Self.integer(parameters, "offset", in: 0 ... Self.maximumOffset) ?? offset
        perDocument = try Self.integer(parameters, "per_doc", in: Self.perDocumentLimits) ?? perDocument
        exactTotal = try Self.boolean(parameters, "exact_total") ?? exactTotal
        fold = try Self.boolean(parameters, "fold") ?? fold
        someWords = try Self.boolean(parameters, "some_words") ?? someWords
        if let sort = try parameters.value("sort") {
            guard let order = SortOrder(rawValue: sort) else {
                throw APIError.badParameter(
                    "sort must be relevance, date (newest first) or date_asc (oldest first).",
                    dutch: "Volgorde moet relevance, date of date_asc zijn.")
            }
            self.sort = order
        }
        if let type = try Self.filter(parameters, "type", field: "soort") { filters.append(type) }
        if let dossier = try Self.filter(parameters, "dossier", field: "dossier") { filters.append(dossier) }
        let first = try Self.day(parameters, "from"), last = try Self.day(parameters, "to")
        if let first, let last, first > last {
            throw APIError.badParameter(
                "from (\(first)) is after to (\(last)).", dutch: "Van (\(first)) ligt na Tot en met (\(last)).")
        }
        if first != nil || last != nil {
            filters.append(.dated(within: DayRange(from: first, to: last)))
        }
        if let list = try parameters.value("facets") {
            guard let fields = FacetField.list(list) else {
                throw APIError.badParameter(
                    "facets must be a comma-separated list of type, year and dossier.",
                    dutch: "\(Self.label("facets")) moet een door komma's gescheiden lijst van type, year en dossier zijn.")
            }
            facets = fields
        }
        type = try parameters.value("type")
        dossier = try parameters.value("dossier")
        from = try parameters.value("from")
        to = try parameters.value("to")
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
        options.filters = filters
        options.facets = facets
        return options
    }

    private static func boolean(_ parameters: QueryString, _ name: String) throws -> Bool? {
        guard let text = try parameters.value(name) else { return nil }
        guard let value = Bool(text) else {
            throw APIError.badParameter("\(name) must be true or false.", dutch: "\(label(name)) moet true of false zijn.")
        }
        return value
    }

    private static func integer(_ parameters: QueryString, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try parameters.value(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).",
                dutch: "\(label(name)) moet een geheel getal van \(range.lowerBound) tot en met \(range.upperBound) zijn.")
        }
        return value
    }

    /// A parameter as the search page's form names it, for its Dutch messages.
    static func label(_ name: String) -> String {
        switch name {
        case "type": "Soort"
        case "dossier": "Dossier"
        case "from": "Van"
        case "to": "Tot en met"
        case "sort": "Volgorde"
        case "limit": "Per pagina"
        case "per_doc": "Passages per document"
        case "offset": "De beginpositie (offset)"
        default: "De parameter \(name)"
        }
    }

    /// The filter parameter `name`, read as the query reads `field:` and its value.
    private static func filter(_ parameters: QueryString, _ name: String, field: String) throws -> DocumentFilter? {
        try parsedFilter(parameters, name, field: field).flatMap(DocumentFilter.init)
    }

    private static func parsedFilter(_ parameters: QueryString, _ name: String, field: String) throws -> Query? {
        guard let text = try parameters.value(name) else { return nil }
        do {
            return try QueryParser.filter(field, value: text)
        } catch let error as QueryParseError {
            throw unreadable(name, error)
        }
    }

    /// `from` or `to`: a day as the engine reads one date (``DayRange/init(oneDate:)``, as
    /// `datum:` does): a month or a year stands for its first day in `from`, its last in `to`.
    static func day(_ parameters: QueryString, _ name: String) throws -> Day? {
        guard let text = try parameters.value(name) else { return nil }
        let period: DayRange
        do {
            period = try DayRange(oneDate: text)
        } catch let error as QueryParseError where error.problem == .rangeInsteadOfOneDate {
            throw APIError.badParameter(
                "The parameter \(name) is one date, such as 2024-03-15; a range is from and to.",
                dutch: "\(label(name)) is één datum, zoals 2024-03-15; een periode is Van en Tot en met.")
        } catch let error as QueryParseError {
            throw unreadable(name, error)
        }
        return name == "from" ? period.from : period.to
    }

    /// The 400 for a parameter the query parser cannot read, naming the parameter.
    private static func unreadable(_ name: String, _ error: QueryParseError) -> APIError {
        APIError.badParameter(
            "The parameter \(name) cannot be read: \(error.message) (at position \(error.position + 1) of its value).",
            dutch: "\(label(name)) kan niet gelezen worden: \(error.problem.dutch).")
    }
}
