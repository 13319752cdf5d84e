import Search

/// The page's facets and its "did you mean": links that narrow or correct the search and
/// keep the rest of the form (its other filters, order, page size), always from the
/// first page.
///
/// Types and dossiers are lists of links that set the form's `type` or `dossier`; the
/// years are a bar chart drawn here as inline SVG (no script), a bar per year from the
/// oldest to the newest year with documents, each a link that narrows the dates to that
/// year, named for screen readers by its year and count (`<title>` and `aria-label`).
extension SearchPage {
    /// "Bedoelde u: …?", linking to the suggested search with the same filters.
    func suggestionHTML(_ result: SearchResult) -> String {
        guard let suggestion = result.suggestion else { return "" }
        var corrected = form
        corrected.q = suggestion
        let link = "/?" + corrected.query(offset: 0)
        return "<p class=\"suggestion\">Bedoelde u: <a href=\"\(HTML.escape(link))\">\(HTML.escape(suggestion))</a>?</p>\n"
    }

    func facetsHTML(_ result: SearchResult, _ parameters: SearchParameters) -> String {
        guard let facets = result.facets, facets.values.contains(where: { !$0.isEmpty }) else { return "" }
        var html = "<nav class=\"facets\" aria-label=\"Verfijnen\">\n"
        if let types = facets[FacetField.type.rawValue], !types.isEmpty {
            html += listHTML("Soort", types, active: parameters.type, removeLabel: "alle soorten") { form, value in form.type = value ?? "" }
        }
        if let years = facets[FacetField.year.rawValue], !years.isEmpty {
            html += yearsHTML(years, parameters)
        }
        if let dossiers = facets[FacetField.dossier.rawValue], !dossiers.isEmpty {
            html += listHTML("Dossier", dossiers, active: parameters.dossier, removeLabel: "alle dossiers") { form, value in
                form.dossier = value ?? ""
            }
        }
        if result.facets_exact == false {
            html += "<p class=\"facet-note\">Aantallen over de eerste \(Self.grouped(SearchOptions.countLimit)) getelde passages.</p>\n"
        }
        return html + "</nav>\n"
    }

    /// The search with `change` made to its form, from the first page.
    private func link(_ change: (inout PageForm) -> Void) -> String {
        var changed = form
        change(&changed)
        return "/?" + changed.query(offset: 0)
    }

    private func listHTML(
        _ title: String, _ values: [FacetValue], active: String?, removeLabel: String, set: @escaping (inout PageForm, String?) -> Void
    ) -> String {
        var html = "<section class=\"facet\"><h2>\(title)</h2>\n<ul>\n"
        for value in values {
            let href = link { set(&$0, value.value) }
            let current = value.value.lowercased() == active?.lowercased() ? " aria-current=\"true\"" : ""
            html += "<li><a href=\"\(HTML.escape(href))\"\(current)>\(HTML.escape(value.value))</a> <span class=\"count\">\(Self.grouped(value.count))</span></li>\n"
        }
        if active != nil {
            html += "<li><a class=\"remove\" href=\"\(HTML.escape(link { set(&$0, nil) }))\">\(removeLabel)</a></li>\n"
        }
        return html + "</ul></section>\n"
    }

    /// The years as bars, oldest left; years without documents between them as gaps.
    private func yearsHTML(_ values: [FacetValue], _ parameters: SearchParameters) -> String {
        let counts = Dictionary(values.compactMap { value in Int(value.value).map { ($0, value.count) } }, uniquingKeysWith: +)
        guard let first = counts.keys.min(), let last = counts.keys.max(), let most = counts.values.max(), most > 0 else { return "" }
        let slots = last - first + 1
        let slot = max(6, min(28, 560 / slots)), bar = max(4, slot - 2)
        let chartHeight = 80, labelHeight = 16
        let width = slots * slot
        var svg = "<svg class=\"years\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(chartHeight + labelHeight)\" viewBox=\"0 0 \(width) \(chartHeight + labelHeight)\" role=\"group\" aria-label=\"Documenten per jaar\">\n"
        // Labels where they fit (a label is about 28 units wide): every year when the bars
        // are that wide, else the ends and every fifth year not too close to them.
        let room = 28
        let labelled: (Int) -> Bool = { year in
            slot >= room || year == first || year == last
                || (year % 5 == 0 && (year - first) * slot >= room && (last - year) * slot >= room)
        }
        for year in first ... last {
            let x = (year - first) * slot
            if let count = counts[year] {
                let height = max(2, Int((Double(count) / Double(most) * Double(chartHeight)).rounded()))
                let label = "\(year): \(Self.grouped(count)) \(count == 1 ? "document" : "documenten")"
                let href = link { form in
                    // The year, within the dates already asked for.
                    let start = "\(year)-01-01", end = "\(year)-12-31"
                    form.from = max(parameters.from ?? start, start)
                    form.to = min(parameters.to ?? end, end)
                }
                svg += "<a href=\"\(HTML.escape(href))\" aria-label=\"\(HTML.escape(label))\"><title>\(HTML.escape(label))</title>"
                svg += "<rect x=\"\(x + (slot - bar) / 2)\" y=\"\(chartHeight - height)\" width=\"\(bar)\" height=\"\(height)\"/></a>\n"
            }
            if labelled(year) {
                // The ends' labels stay inside the chart.
                let (anchor, at) = slot >= room ? ("middle", x + slot / 2)
                    : year == first ? ("start", x) : year == last ? ("end", x + slot) : ("middle", x + slot / 2)
                svg += "<text x=\"\(at)\" y=\"\(chartHeight + labelHeight - 3)\" text-anchor=\"\(anchor)\" aria-hidden=\"true\">\(year)</text>\n"
            }
        }
        svg += "</svg>\n"
        var html = "<section class=\"facet\"><h2>Jaar</h2>\n" + svg
        if parameters.from != nil || parameters.to != nil {
            html += "<p><a class=\"remove\" href=\"\(HTML.escape(link { $0.from = ""; $0.to = "" }))\">alle jaren</a></p>\n"
        }
        return html + "</section>\n"
    }
}
