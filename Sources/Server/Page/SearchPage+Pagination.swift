import Search

/// The results page's ways to other pages and to a result's document, each link keeping
/// the search: query, filters, order and the rest of the form.
extension SearchPage {
    /// A result's document page, at its passage, carrying this search (and the page it
    /// is on) so that the document page can mark the query and lead back here.
    func documentLink(_ id: String, passage: Int) -> String {
        DocumentPage.link(id, passage: passage, search: form, offset: form.offset)
    }

    /// Numbered pages: "Vorige", the first page, a window of two pages either side of the
    /// current one, the last page, "Volgende". Only pages that exist are linked: when the
    /// counts are lower bounds (counting stopped at the count limit, or the time budget
    /// ran out) or documents with some of the words go on past the counted ones (`more`),
    /// the pages known are numbered and "…" and "Volgende" follow while the page is full.
    /// No link goes past the largest `offset` the page accepts.
    func paginationHTML(_ result: SearchResult, _ parameters: SearchParameters, more: Bool = false) -> String {
        let limit = parameters.limit, offset = parameters.offset
        let shown = Self.groups(result.results).count
        // More documents than counted may follow a full page.
        let open = (!result.total_is_exact || more) && shown >= limit
        let hasNext = (offset + limit < result.documents || open) && offset + limit <= SearchParameters.maximumOffset
        guard offset > 0 || hasNext else { return "" }
        let page = offset / limit + 1
        // The pages counted (all of them when the count is exact), as far as links may go.
        let last = min(max(1, (result.documents + limit - 1) / limit), SearchParameters.maximumOffset / limit + 1)
        var numbers: Set = [1, last, page]
        for near in page - 2 ... page + 2 where near >= 1 && near <= last { numbers.insert(near) }

        func link(_ offset: Int) -> String { "/?" + HTML.escape(form.query(offset: offset)) }
        var parts: [String] = []
        if offset > 0 {
            // From past the end (a shared URL), back to the last page there is.
            let previous = shown == 0 && result.total_is_exact ? min(offset - limit, (last - 1) * limit) : offset - limit
            parts.append("<a rel=\"prev\" href=\"\(link(max(0, previous)))\">Vorige</a>")
        }
        var previous = 0
        for number in numbers.sorted() {
            if number > previous + 1 { parts.append("<span class=\"gap\">…</span>") }
            parts.append(number == page
                ? "<span aria-current=\"page\">\(number)</span>"
                : "<a href=\"\(link((number - 1) * limit))\">\(number)</a>")
            previous = number
        }
        if open, hasNext { parts.append("<span class=\"gap\">…</span>") }
        if hasNext { parts.append("<a rel=\"next\" href=\"\(link(offset + limit))\">Volgende</a>") }
        return "<nav class=\"pages\" aria-label=\"Pagina's\">\(parts.joined(separator: " "))</nav>\n"
    }
}
