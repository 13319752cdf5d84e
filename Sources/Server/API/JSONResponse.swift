import Hummingbird

/// Any `Encodable` as a JSON response, for types from other modules (`SearchResult`) that
/// should not be made Hummingbird types themselves.
struct JSONResponse<Value: Encodable>: ResponseGenerator {
    var value: Value
    /// The commit that answered, sent as `Kamerzoek-Generation` so that a client (and the
    /// hot-reload tests) can tell which snapshot a response came from.
    var generation: UInt64?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONCoding.encoder.encode(value, from: request, context: context)
        // `.init` rather than `HTTPField.Name`: HTTPTypes is Hummingbird's dependency, not ours.
        if let generation { response.headers[.init("Kamerzoek-Generation")!] = String(generation) }
        return response
    }
}
