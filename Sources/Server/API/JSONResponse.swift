import Hummingbird
import IndexStore

/// Any `Encodable` as a JSON response, for types from other modules (`SearchResult`) that
/// should not be made Hummingbird types themselves.
struct JSONResponse<Value: Encodable>: ResponseGenerator {
    var value: Value
    /// The commit that answered, sent as `Kamerzoek-Generation` so that a client (and the
    /// hot-reload tests) can tell which snapshot a response came from; it also makes the
    /// response cacheable (``SnapshotCachingMiddleware``).
    var generation: UInt64?
    /// `Cache-Control` when the route knows better than the default (`no-cache` for
    /// `/health`, `no-store` for a search cut short by its time budget).
    var cacheControl: String?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try MachineJSON.encoder().encode(value, from: request, context: context)
        response.headers.generation = generation
        if let cacheControl { response.headers[.cacheControl] = cacheControl }
        return response
    }
}

extension HTTPFields {
    /// `Kamerzoek-Generation`: the index commit a response came from.
    var generation: UInt64? {
        // `.init` rather than `HTTPField.Name`: HTTPTypes is Hummingbird's dependency, not ours.
        get { self[.init("Kamerzoek-Generation")!].flatMap { UInt64($0) } }
        set { self[.init("Kamerzoek-Generation")!] = newValue.map { String($0) } }
    }
}
