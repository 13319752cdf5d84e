import Hummingbird
import Search

/// The page's one escaping function and its response type. Everything the page shows
/// passes through `escape`, except snippets, which the engine has already escaped (only
/// its own `<mark>` tags are markup).
enum HTML {
    /// Text for an element or a quoted attribute value (the same rule as snippets).
    static func escape(_ text: String) -> String {
        Snippet.escapeHTML(text)
    }
}

/// A finished HTML page as a response.
struct HTMLResponse: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var html: String
    /// As for ``JSONResponse``: the commit the page shows, and a `Cache-Control` of its own.
    var generation: UInt64?
    var cacheControl: String?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer = ByteBuffer(string: html)
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentLength: String(buffer.readableBytes)],
            body: .init(byteBuffer: buffer))
        response.headers.generation = generation
        if let cacheControl { response.headers[.cacheControl] = cacheControl }
        return response
    }
}
