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
    let index: IndexHolder
    let timeBudget: Duration

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("/") { request, context in page(request, logger: context.logger) }
        routes.get("documents/**") { _, context in document(context.parameters.getCatchAll(), logger: context.logger) }
        // Without an id: the document page's own "not found", not the API's JSON.
        routes.get("documents") { _, context in document([], logger: context.logger) }
        return routes
    }

    /// `GET /documents/{id}`: the document that a result links to, as a page.
    func document(_ parts: [Substring], logger: Logger) -> HTMLResponse {
        do {
            let (document, generation) = try DocumentRoutes(index: index).document(parts)
            return HTMLResponse(html: DocumentPage(document: DocumentView(document)).html, generation: generation)
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
