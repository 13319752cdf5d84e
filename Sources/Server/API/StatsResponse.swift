import Hummingbird

/// `GET /api/stats`: the fields and names of `kamerzoek stats --json`.
struct StatsResponse: ResponseEncodable, Equatable {
    var documents: Int
    var passages: Int
    var terms: Int
    var segments: Int
    var bytes_on_disk: UInt64
    var analyzer: String
    var generation: UInt64
}
