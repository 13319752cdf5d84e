import Search

/// The page at `/`: a GET form (so every search is a shareable URL and works without
/// JavaScript), then the results grouped per document, then links to other pages.
struct SearchPage {
    enum Outcome {
        /// No query yet: the form alone.
        case blank
        case failed(APIError)
        case found(SearchResult, SearchParameters)
    }

    var form: PageForm
    var types: [String]
    var outcome: Outcome

    var html: String {
        let title = form.q.isEmpty ? "kamerzoek" : "\(HTML.escape(form.q)) – kamerzoek"
        return PageFrame(title: title, header: formHTML, main: outcomeHTML, head: feedHeadHTML).html
    }

    // MARK: Form

    private var formHTML: String {
        """
        <form method="get" action="/" role="search">
        <div class="query">
        <input type="search" name="q" value="\(HTML.escape(form.q))" aria-label="Zoekvraag" placeholder="bijvoorbeeld: huiselijk geweld" autofocus>
        <button type="submit">Zoeken</button>
        </div>
        <div class="filters">
        <label>Soort \(select("type", options: [("", "alle soorten")] + types.map { ($0, $0) }, selected: form.type))</label>
        <label>Dossier <input name="dossier" value="\(HTML.escape(form.dossier))" size="9" inputmode="numeric"></label>
        <label>Van <input type="date" name="from" value="\(HTML.escape(form.from))"></label>
        <label>Tot en met <input type="date" name="to" value="\(HTML.escape(form.to))"></label>
        <label>Volgorde \(select("sort", options: [("relevance", "relevantie"), ("date", "nieuwste eerst"), ("date_asc", "oudste eerst")], selected: form.sort))</label>
        <label>Per pagina \(select("limit", options: ["10", "20", "50", "100"].map { ($0, $0) }, selected: form.limit))</label>
        <label>Passages per document \(select("per_doc", options: ["1", "2", "3", "5"].map { ($0, $0) }, selected: form.perDocument))</label>
        </div>
        </form>
        """
    }

    /// A `<select>` that always shows `selected`: a value from a shared URL that is not
    /// among the usual options (`limit=7`) is added, so the next search keeps it.
    private func select(_ name: String, options: [(value: String, label: String)], selected: String) -> String {
        var options = options
        if !options.contains(where: { $0.value == selected }) { options.append((selected, selected)) }
        let items = options.map { option in
            "<option value=\"\(HTML.escape(option.value))\"\(option.value == selected ? " selected" : "")>\(HTML.escape(option.label))</option>"
        }
        return "<select name=\"\(name)\">\(items.joined())</select>"
    }

    // MARK: Results

    private var outcomeHTML: String {
        switch outcome {
        case .blank:
            return "<p class=\"hint\">Zoek op woorden, \"een zinsdeel\", <code>woord*</code>, <code>a OR b</code>, <code>-woord</code>, <code>titel:…</code>.</p>"
        case .failed(let error):
            var html = "<p class=\"error\" role=\"alert\">\(HTML.escape(error.dutch))</p>"
            if let position = error.position {
                // The query with a caret under the problem, as the CLI shows it.
                let caret = String(repeating: " ", count: position) + "^"
                html += "<pre class=\"error\">\(HTML.escape(form.q))\n\(caret)</pre>"
            }
            return html
        case let .found(result, parameters):
            return resultHTML(result, parameters)
        }
    }

    private func resultHTML(_ result: SearchResult, _ parameters: SearchParameters) -> String {
        guard !result.results.isEmpty else {
            let beyond = result.documents > 0 ? " op deze pagina" : ""
            return "<p class=\"summary\">Geen resultaten\(beyond) voor <q>\(HTML.escape(result.query))</q>.</p>\n"
                + suggestionHTML(result) + exportHTML(parameters, csv: false) + paginationHTML(result, parameters)
        }
        // Counting stopped at the limit (not the time budget): the count is "more than".
        let passages = result.total_is_exact || result.partial
            ? count(result.total, "passage", "passages") + (result.total_is_exact ? "" : " of meer")
            : "meer dan \(Self.grouped(SearchOptions.countLimit)) passages"
        let documents = count(result.documents, "document", "documenten") + (result.total_is_exact ? "" : " of meer")
        var html = "<p class=\"summary\">\(passages) in \(documents) · \(Self.milliseconds(result.took_ms))</p>\n"
        html += suggestionHTML(result)
        html += exportHTML(parameters, csv: true)
        html += facetsHTML(result, parameters)
        if result.partial {
            html += "<p class=\"partial\">De zoektijd was op: dit zijn de resultaten tot dan toe.</p>\n"
        }
        html += "<ol class=\"results\" start=\"\(parameters.offset + 1)\">\n"
        var announced = false
        for group in Self.groups(result.results) {
            if !group[0].all_words, !announced {
                // After the documents with every word: those with some of them.
                html += "<li class=\"some-words\">Documenten met een deel van de zoekwoorden</li>\n"
                announced = true
            }
            html += documentHTML(group)
        }
        html += "</ol>\n"
        // Documents with some of the words go on past the counted ones.
        let more = result.results.count >= parameters.limit && result.results.last?.all_words == false
        return html + paginationHTML(result, parameters, more: more)
    }

    /// Hits arrive grouped (a document's passages follow each other); split them per document.
    static func groups(_ hits: [SearchHit]) -> [[SearchHit]] {
        var groups: [[SearchHit]] = []
        for hit in hits {
            if groups.last?.first?.doc_id == hit.doc_id { groups[groups.count - 1].append(hit) } else { groups.append([hit]) }
        }
        return groups
    }

    private func documentHTML(_ hits: [SearchHit]) -> String {
        let first = hits[0]
        let link = documentLink(first.doc_id, passage: first.passage)
        let meta = [first.type, first.date, first.dossier.map { "dossier \($0)" }, first.doc_id].compactMap { $0 }
        var html = "<li class=\"document\">\n<h2><a href=\"\(HTML.escape(link))\">\(HTML.escape(first.title ?? first.doc_id))</a></h2>\n"
        html += "<p class=\"meta\">\(meta.map(HTML.escape).joined(separator: " · "))"
        if let url = first.url { html += " · <a href=\"\(HTML.escape(url))\">officiële publicatie</a>" }
        html += "</p>\n<ul class=\"passages\">\n"
        for hit in hits {
            html += "<li>"
            if let heading = hit.heading, !heading.isEmpty { html += "<p class=\"heading\">\(HTML.escape(heading))</p>" }
            // The engine escapes snippets itself; its `<mark>` tags are the only markup.
            html += "<p class=\"snippet\">\(hit.snippet)</p></li>\n"
        }
        html += "</ul>\n"
        if first.similar > 0 { html += similarHTML(first) }
        return html + "</li>\n"
    }

    /// The passages folded into a result, as a list that opens without JavaScript.
    private func similarHTML(_ hit: SearchHit) -> String {
        let label = hit.similar == 1
            ? "en 1 vergelijkbare passage in een ander document"
            : "en \(Self.grouped(hit.similar)) vergelijkbare passages in andere documenten"
        var html = "<details class=\"similar\"><summary>\(label)</summary>\n<ul>\n"
        for passage in hit.similar_passages {
            let link = documentLink(passage.doc_id, passage: passage.passage)
            let meta = [passage.type, passage.date].compactMap { $0 }.map(HTML.escape).joined(separator: " · ")
            html += "<li><a href=\"\(HTML.escape(link))\">\(HTML.escape(passage.title ?? passage.doc_id))</a> <span class=\"meta\">\(meta)</span></li>\n"
        }
        return html + "</ul></details>\n"
    }

    /// `4,1 ms`: one decimal, with the Dutch decimal comma.
    static func milliseconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10) ms"
    }

    /// 10000 → "10.000", as Dutch groups digits.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(".", at: index)
            index -= 3
        }
        return String(digits)
    }

    private func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }
}
