import Foundation
import Hummingbird
import IndexStore
import Logging
import Search

/// `GET /`: the search page, and `GET /documents/{id}`, the page of one document.
///
/// The search page reads the API's parameters, so its URLs can be shared, and
/// shows a failure as a message on the page, with the status ``APIError`` gives it.
struct PageRoutes {
    let index: CurrentCommit
    let timeBudget: Duration

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("/") { request, context in page(request, logger: context.logger) }
        routes.get("documents/**") { request, context in
            document(context.parameters.getCatchAll(), request: request, logger: context.logger)
        }
        // Without an id: the document page's own "not found", not the API's JSON.
        routes.get("documents") { request, context in document([], request: request, logger: context.logger) }
        return routes
    }

    /// `GET /documents/{id}`: the document that a result links to, as a page. From a
    /// result, the URL carries the search (`q` and the results page's parameters, read
    /// leniently: they are only passed back) and the passage it pointed at (`p`).
    func document(_ parts: [Substring], request: Request, logger: Logger) -> HTMLResponse {
        do {
            let (stored, loaded) = try DocumentRoutes(index: index).loadedDocument(parts)
            let parameters = QueryString(lenient: request.uri.query)
            var page = DocumentPage(document: DocumentView(stored), search: PageForm(parameters))
            page.current = parameters.pairs.first { $0.name == "p" }.flatMap { Int($0.value) }
            let query = page.search?.q ?? ""
            if !query.trimmingCharacters(in: .whitespaces).isEmpty,
               query.unicodeScalars.count <= SearchParameters.maximumQueryLength {
                // The engine's own marking. A query it cannot read marks nothing here (the
                // way back shows the results page's message about it).
                let texts = Array(Set(DocumentPage.texts(of: page.document)))
                do {
                    let snippets = try loaded.searchers.withSearcher { try $0.highlights(in: texts, query: query) }
                    page.marked = Dictionary(uniqueKeysWithValues: zip(texts, snippets.map(\.html)))
                } catch is QueryParseError {
                } catch {
                    logger.error("Marking the query on a document page failed: \(error)")
                }
            }
            return HTMLResponse(html: page.html, generation: loaded.generation)
        } catch {
            let mapped = APIError(error, logger: logger)
            let main = "<p class=\"error\" role=\"alert\">\(HTML.escape(mapped.dutch))</p>"
            return HTMLResponse(status: mapped.status, html: PageFrame(title: "kamerzoek", header: "", main: main).html)
        }
    }

    func page(_ request: Request, logger: Logger) -> HTMLResponse {
        var page = SearchPage(form: PageForm(QueryString(lenient: request.uri.query)), types: [], outcome: .blank)
        do {
            let loaded = try index.current()
            page.types = loaded.documentTypes()
            let parameters = try SearchParameters(QueryString(request.uri.query), requireQuery: false)
            guard !parameters.query.trimmingCharacters(in: .whitespaces).isEmpty else {
                return HTMLResponse(html: page.html, generation: loaded.generation)
            }
            // The page always shows its facets.
            var options = parameters.options(timeBudget: timeBudget)
            options.facets = FacetField.allCases
            let result = try loaded.searchers.withSearcher { searcher in
                try searcher.search(parameters.query, options: options)
            }
            page.outcome = .found(result, parameters)
            return HTMLResponse(html: page.html, generation: loaded.generation, cacheControl: result.partial ? "no-store" : nil)
        } catch {
            let mapped = APIError(error, logger: logger)
            page.outcome = .failed(mapped)
            return HTMLResponse(status: mapped.status, html: page.html)
        }
    }
}
