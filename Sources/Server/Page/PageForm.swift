/// The form's fields as the visitor typed them, read leniently, so that a page with a bad
/// parameter still shows the form as it was filled in (next to the error). The document
/// page reads them too: a result's link carries its search there, and the way back.
struct PageForm {
    var q = "", type = "", dossier = "", from = "", to = ""
    var sort = "relevance", limit = "10", perDocument = "1"
    /// Parameters the form has no field for, passed on as given when sent (`fold=false`,
    /// `some_words=false`, `exact_total=true`), so that paging keeps them.
    var fold = "", someWords = "", exactTotal = ""
    /// The results page's `offset` (0 when absent or not a number); the document page's
    /// way back returns to it.
    var offset = 0

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
        fold = first("fold") ?? fold
        someWords = first("some_words") ?? someWords
        exactTotal = first("exact_total") ?? exactTotal
        offset = max(0, first("offset").flatMap { Int($0) } ?? 0)
    }

    /// The URL query for these fields at `offset`, leaving out empty fields and defaults so
    /// that shared URLs stay short; `extra` pairs come last.
    func query(offset: Int, extra: [(String, String)] = []) -> String {
        var pairs: [(String, String)] = [("q", q)]
        for (name, value, fallback) in [
            ("type", type, ""), ("dossier", dossier, ""), ("from", from, ""), ("to", to, ""),
            ("sort", sort, "relevance"), ("limit", limit, "10"), ("per_doc", perDocument, "1"),
            ("fold", fold, ""), ("some_words", someWords, ""), ("exact_total", exactTotal, ""),
        ] where value != fallback {
            pairs.append((name, value))
        }
        if offset > 0 { pairs.append(("offset", String(offset))) }
        return URLEncoding.query(pairs + extra)
    }
}
