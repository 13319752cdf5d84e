import IndexStore

/// The page at `/documents/{id}`: one stored document, its passages numbered as search
/// hits number them, each with an anchor (`#p7`) that the results page links to.
struct DocumentPage {
    var document: DocumentView

    var html: String {
        let title = document.title ?? document.id
        let meta = [document.type, document.date, document.dossier.map { "dossier \($0)" }, document.id].compactMap { $0 }
        var body = "<article>\n<h2>\(HTML.escape(title))</h2>\n<p class=\"meta\">\(meta.map(HTML.escape).joined(separator: " · "))"
        if let url = document.url { body += " · <a href=\"\(HTML.escape(url))\">officiële publicatie</a>" }
        body += " · <a href=\"/api/documents/\(HTML.escape(URLEncoding.path(document.id)))\">JSON</a></p>\n"
        for passage in document.passages {
            body += "<section id=\"p\(passage.passage)\">"
            if let heading = passage.heading, !heading.isEmpty { body += "<h3>\(HTML.escape(heading))</h3>" }
            body += "<p class=\"text\">\(HTML.escape(passage.text))</p></section>\n"
        }
        body += "</article>\n"
        return PageFrame(title: "\(HTML.escape(title)) – kamerzoek", header: "", main: body).html
    }
}
