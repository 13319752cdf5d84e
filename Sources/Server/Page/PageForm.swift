/// The form's fields as the visitor typed them, read leniently, so that a page with a bad
/// parameter still shows the form as it was filled in (next to the error).
struct PageForm {
    var q = "", type = "", dossier = "", from = "", to = ""
    var sort = "relevance", limit = "10", perDocument = "1"

    init(_ parameters: QueryString) {
        func first(_ name: String) -> String? { parameters.pairs.first { $0.name == name }?.value }
        q = first("q") ?? q
        type = first("type") ?? type
        dossier = first("dossier") ?? dossier
        from = first("from") ?? from
        to = first("to") ?? to
        sort = first("sort") ?? sort
        limit = first("limit") ?? limit
        perDocument = first("per_doc") ?? perDocument
    }

    /// The URL query for these fields at `offset`, leaving out empty fields and defaults so
    /// that shared URLs stay short.
    func query(offset: Int) -> String {
        var pairs: [(String, String)] = [("q", q)]
        for (name, value, fallback) in [
            ("type", type, ""), ("dossier", dossier, ""), ("from", from, ""), ("to", to, ""),
            ("sort", sort, "relevance"), ("limit", limit, "10"), ("per_doc", perDocument, "1"),
        ] where value != fallback {
            pairs.append((name, value))
        }
        if offset > 0 { pairs.append(("offset", String(offset))) }
        return URLEncoding.query(pairs)
    }
}
