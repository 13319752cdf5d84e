import IndexStore
import Search

/// The page at `/documents/{id}`: one stored document, its passages numbered as search
/// hits number them, each with an anchor (`#p7`) that the results page links to.
///
/// Reached from a result, the link carries the search (`q` and the results page's other
/// parameters) and the passage it pointed at (`p`): the query's words are then marked in
/// the title and every passage, that passage is the current one (`class="current"`), and
/// a link leads back to the results.
struct DocumentPage {
    var document: DocumentView
    /// The search that led here; nil (or an empty `q`) when the page was opened on its own.
    var search: PageForm?
    /// The passage the result pointed at (`p`), when it is one of the document's.
    var current: Int?
    /// The query's words marked in a text of the document (the title, a heading, a
    /// passage), as HTML; texts it does not hold are only escaped.
    var marked: [String: String] = [:]

    /// The link to a document's page from a result: the search `form` at `offset` (to come
    /// back to), the passage as `p` (to mark it) and as the anchor (to scroll to it).
    static func link(_ id: String, passage: Int, search form: PageForm, offset: Int) -> String {
        "/documents/" + URLEncoding.path(id) + "?" + form.query(offset: offset, extra: [("p", String(passage))]) + "#p\(passage)"
    }

    /// Whether the page came from a search: only then are there words to mark and results
    /// to go back to.
    private var searched: PageForm? {
        guard let search, !search.q.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return search
    }

    var html: String {
        let title = document.title ?? document.id
        let meta = [document.type, document.date, document.dossier.map { "dossier \($0)" }, document.id].compactMap { $0 }
        var body = ""
        var links: [String] = []
        if let search = searched {
            links.append("<a class=\"back\" rel=\"search\" href=\"/?\(HTML.escape(search.query(offset: search.offset)))\">Terug naar de resultaten</a>")
        }
        if let url = document.url {
            // The official publication is elsewhere: a new tab, which gets no hold on this one.
            links.append("<a class=\"publication\" href=\"\(HTML.escape(url))\" target=\"_blank\" rel=\"noopener\">Officiële publicatie</a>")
        }
        if !links.isEmpty { body += "<nav class=\"document-links\">\(links.joined(separator: " · "))</nav>\n" }
        body += "<article>\n<h2>\(mark(title))</h2>\n<p class=\"meta\">\(meta.map(HTML.escape).joined(separator: " · "))"
        body += " · <a href=\"/api/documents/\(HTML.escape(URLEncoding.path(document.id)))\">JSON</a></p>\n"
        for passage in document.passages {
            let shown = Self.shown(passage, title: document.title)
            body += "<section id=\"p\(passage.passage)\"\(passage.passage == current ? " class=\"current\"" : "")>"
            if let heading = shown.heading { body += "<h3>\(mark(heading))</h3>" }
            if let text = shown.text { body += "<p class=\"text\">\(mark(text))</p>" }
            body += "</section>\n"
        }
        body += "</article>\n"
        return PageFrame(title: "\(HTML.escape(title)) – kamerzoek", header: "", main: body).html
    }

    /// Every text the page shows with marks: the title, then each passage's heading and text.
    static func texts(of document: DocumentView) -> [String] {
        [document.title ?? document.id] + document.passages.flatMap { passage in
            let shown = shown(passage, title: document.title)
            return [shown.heading, shown.text].compactMap { $0 }
        }
    }

    /// What the page shows of a passage: its heading (when not empty) and text, except
    /// that the first passage does not repeat the title. A heading or a text that is the
    /// title goes; so does a first line that is the title (`Bijlage 1. …` and the text
    /// on the next line: the title was taken from it).
    static func shown(_ passage: DocumentView.Passage, title: String?) -> (heading: String?, text: String?) {
        let heading = passage.heading.flatMap { $0.isEmpty ? nil : $0 }
        guard passage.passage == 0, let title else { return (heading, passage.text) }
        var text: String? = passage.text
        if sameText(passage.text, title) {
            text = nil
        } else if let newline = passage.text.firstIndex(of: "\n"), sameText(String(passage.text[..<newline]), title) {
            text = String(passage.text[passage.text.index(after: newline)...])
        }
        return (heading.flatMap { sameText($0, title) ? nil : $0 }, text)
    }

    private func mark(_ text: String) -> String {
        marked[text] ?? HTML.escape(text)
    }

    /// Whether two texts are the same apart from case, white space and punctuation
    /// (`Voortgang aanpak huiselijk geweld.` and `VOORTGANG aanpak  huiselijk-geweld`).
    static func sameText(_ lhs: String, _ rhs: String) -> Bool {
        words(lhs) == words(rhs)
    }

    /// The letters and digits of `text` in lower case, each run of anything else one space.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }
}
