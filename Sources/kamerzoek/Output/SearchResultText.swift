import Search

/// The human rendering of a search result.
enum SearchResultText {
    static func render(_ result: SearchResult, color: Bool) -> String {
        let bold = color ? "\u{1B}[1m" : "", hit = color ? "\u{1B}[1;33m" : "", dim = color ? "\u{1B}[2m" : "", reset = color ? "\u{1B}[0m" : ""
        var lines: [String] = []
        let count = result.total_is_exact ? "\(result.total)" : "at least \(result.total)"
        let documents = result.total_is_exact ? "\(result.documents)" : "at least \(result.documents)"
        lines.append("\(count) matching passage\(result.total == 1 ? "" : "s") in \(documents) document\(result.documents == 1 ? "" : "s") (\(result.took_ms) ms)\(result.partial ? ", stopped at the time budget: partial results" : "")")
        if let suggestion = result.suggestion { lines.append("Did you mean: \(suggestion)?") }
        lines += facetLines(result, dim: dim, reset: reset)
        var previous: String?
        var announced = false
        for item in result.results {
            if !item.all_words, !announced {
                lines.append("")
                lines.append("\(dim)— documents with some of the words —\(reset)")
                announced = true
            }
            if item.doc_id != previous {
                lines.append("")
                let meta = [item.date, item.type, item.dossier.map { "dossier \($0)" }].compactMap { $0 }.joined(separator: " · ")
                lines.append("\(bold)\(item.title ?? item.doc_id)\(reset)")
                lines.append("\(dim)\(item.doc_id) · \(meta) · \(item.url ?? item.source)\(reset)")
                previous = item.doc_id
            }
            let snippet = item.plainSnippet ?? Snippet(text: "", highlights: [])
            let marked = color ? snippet.render(open: hit, close: reset) : snippet.render(open: "[", close: "]")
            lines.append("  \(dim)#\(item.passage)\(item.heading.map { " \($0)" } ?? "") (score \(item.score))\(reset)")
            lines.append("  " + marked.replacingOccurrences(of: "\n", with: " "))
            if item.similar > 0 {
                let others = item.similar_passages.prefix(5).map(\.doc_id).joined(separator: ", ")
                let more = item.similar > 5 ? ", …" : ""
                lines.append("  \(dim)+ \(item.similar) similar passage\(item.similar == 1 ? "" : "s") in other documents: \(others)\(more)\(reset)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `type: brief 12 · motie 3`, a line per facet asked for, in the order type, year, dossier.
    static func facetLines(_ result: SearchResult, dim: String, reset: String) -> [String] {
        guard let facets = result.facets else { return [] }
        var lines: [String] = []
        for field in FacetField.allCases {
            guard let values = facets[field.rawValue] else { continue }
            let list = values.isEmpty ? "none" : values.map { "\($0.value) \($0.count)" }.joined(separator: " · ")
            lines.append("\(dim)\(field.rawValue):\(reset) \(list)")
        }
        if result.facets_exact == false {
            lines.append("\(dim)(facets count the documents of the first \(SearchOptions.countLimit) matching passages)\(reset)")
        }
        return lines
    }
}
