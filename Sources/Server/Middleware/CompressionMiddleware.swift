import Hummingbird

/// gzip for clients that accept it (`Accept-Encoding: gzip`, not `gzip;q=0`), for bodies of
/// a compressible type (JSON, HTML, CSV, XML and Atom, other text) from ``minimumSize``
/// bytes on; smaller ones gain too little to pay for the header and the time. The response
/// then says `Content-Encoding: gzip` with the compressed `Content-Length`. Every response
/// of a compressible type says `Vary: Accept-Encoding`, compressed or not, so that a cache
/// keeps the two forms apart; so does a 304, which stands for such a response.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    static let minimumSize = 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.status == .notModified { response.headers.addVary("Accept-Encoding") }
        guard Self.isCompressible(response.headers[.contentType]) else { return response }
        response.headers.addVary("Accept-Encoding")
        guard response.headers[.contentEncoding] == nil, let length = response.body.contentLength, length >= Self.minimumSize,
              Self.acceptsGzip(request.headers[values: .acceptEncoding]) else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: Gzip.compress(collector.bytes)))
        response.headers[.contentEncoding] = "gzip"
        return response
    }

    /// Text in one form or another: worth compressing. Images and archives are not.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let media = contentType.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        return media.hasPrefix("text/") || media == "application/json" || media == "application/xml"
            || media.hasSuffix("+json") || media.hasSuffix("+xml") || media == "application/javascript"
    }

    /// Whether `Accept-Encoding` allows gzip: listed (or `*`, when gzip is not listed) with
    /// a quality above 0. Absent means no preference, for which identity is the safe choice.
    static func acceptsGzip(_ values: [String]) -> Bool {
        var gzip: Double?, any: Double?
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            switch coding {
            case "gzip", "x-gzip": gzip = quality
            case "*": any = quality
            default: break
            }
        }
        return (gzip ?? any ?? 0) > 0
    }
}

/// The bytes of a response body, written to it in full.
private final class BodyCollector: ResponseBodyWriter {
    var bytes: [UInt8] = []

    func write(_ buffer: ByteBuffer) async throws {
        bytes += buffer.readableBytesView
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
