import Hummingbird

/// A finished text body of any media type (the Atom feed, the CSV export), with the
/// `Kamerzoek-Generation` of the commit that answered, as ``JSONResponse`` sends it.
struct TextResponse: ResponseGenerator {
    var contentType: String
    var text: String
    var generation: UInt64?
    /// `Content-Disposition`, for a body meant to be saved as a file.
    var disposition: String?
    /// `Cache-Control` when the route knows better than the default (`no-store` for a
    /// search cut short by its time budget), as in ``JSONResponse``.
    var cacheControl: String?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer = ByteBuffer(string: text)
        var headers: HTTPFields = [.contentType: contentType, .contentLength: String(buffer.readableBytes)]
        if let generation { headers[.init("Kamerzoek-Generation")!] = String(generation) }
        if let disposition { headers[.init("Content-Disposition")!] = disposition }
        if let cacheControl { headers[.cacheControl] = cacheControl }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
}
