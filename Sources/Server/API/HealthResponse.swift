import Hummingbird

/// `GET /health`: the server answers and has an index to answer from.
struct HealthResponse: ResponseEncodable {
    var status = "ok"
    var generation: UInt64
    var documents: Int
    /// The server's version, when it was given one (``ServerSettings/version``).
    var version: String?
}
