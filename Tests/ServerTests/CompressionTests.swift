import Foundation
import Hummingbird
import HummingbirdTesting
import IndexStore
import Search
import Testing
@testable import Server

/// gzip for clients that accept it (`CompressionMiddleware`). Bodies are decompressed by
/// the system's `gzip`, not by the zlib that compressed them.
@Suite("Compression")
struct CompressionTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    static let gzip: HTTPFields = [.acceptEncoding: "gzip, deflate, br"]

    @Test func compressedBodiesDecompressToTheUncompressedOnes() async throws {
        try await withLiveServer(index) { client in
            for uri in ["/openapi.json", "/", "/documents/brief-geweld", "/?q=geweld", "/feeds/search.atom?q=geweld"] {
                let plain = try await client.send(uri)
                let packed = try await client.send(uri, headers: Self.gzip)
                #expect(plain.headers[.contentEncoding] == nil, "\(uri)")
                #expect(packed.headers[.contentEncoding] == "gzip", "\(uri)")
                #expect(packed.headers[.contentLength] == String(packed.body.readableBytes), "\(uri)")
                #expect(packed.body.readableBytes < plain.body.readableBytes, "\(uri)")
                for response in [plain, packed] {
                    #expect(response.headers[values: .vary].contains("Accept-Encoding"), "\(uri)")
                }
                var unpacked = try Self.gunzip(Array(packed.body.readableBytesView))
                var expected = Array(plain.body.readableBytesView)
                if uri.contains("q=") {
                    // The page states how long the search took.
                    unpacked = Self.withoutTimings(unpacked)
                    expected = Self.withoutTimings(expected)
                }
                #expect(unpacked == expected, "\(uri)")
            }
            // A search: equal but for took_ms.
            let plain = try await client.send("/api/search?q=geweld&per_doc=3")
            let packed = try await client.send("/api/search?q=geweld&per_doc=3", headers: Self.gzip)
            #expect(packed.headers[.contentEncoding] == "gzip" && plain.body.readableBytes >= CompressionMiddleware.minimumSize)
            var served = try JSONDecoder().decode(SearchResult.self, from: Data(try Self.gunzip(Array(packed.body.readableBytesView))))
            let expected = try JSONDecoder().decode(SearchResult.self, from: Data(buffer: plain.body))
            served.took_ms = expected.took_ms
            #expect(served == expected)
        }
    }

    @Test func headHasTheCompressedLength() async throws {
        try await withLiveServer(index) { client in
            for uri in ["/openapi.json", "/feeds/search.atom?q=geweld"] {
                let get = try await client.send(uri, headers: Self.gzip)
                let head = try await client.send(uri, method: .head, headers: Self.gzip)
                #expect(head.headers[.contentEncoding] == "gzip" && head.body.readableBytes == 0, "\(uri)")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(uri)")
            }
        }
    }

    @Test func theExportIsCompressedLikeTheJSON() async throws {
        // Enough rows for 1 KB (the shared test index's CSV is smaller).
        let many = try TestIndex(documents: (0 ..< 40).map { number in
            StoredDocument(
                id: "d\(number)", source: "d\(number)", contentHash: "\(number)", title: "Brief \(number) over geweld", date: "2024-01-01",
                type: "brief", passages: [TestIndex.passage("Een brief over geweld, nummer \(number).")])
        })
        try await withLiveServer(many) { client in
            for uri in ["/api/search.csv?q=geweld", "/feeds/search.atom?q=geweld"] {
                let plain = try await client.send(uri)
                let packed = try await client.send(uri, headers: Self.gzip)
                #expect(plain.headers[.contentEncoding] == nil && packed.headers[.contentEncoding] == "gzip", "\(uri)")
                #expect(packed.body.readableBytes < plain.body.readableBytes, "\(uri)")
                #expect(packed.headers[values: .vary].contains("Accept-Encoding") && plain.headers[values: .vary].contains("Accept-Encoding"))
                #expect(try Self.gunzip(Array(packed.body.readableBytesView)) == Array(plain.body.readableBytesView), "\(uri)")
                let head = try await client.send(uri, method: .head, headers: Self.gzip)
                #expect(head.headers[.contentEncoding] == "gzip" && head.body.readableBytes == 0, "\(uri)")
                #expect(head.headers[.contentLength] == String(packed.body.readableBytes), "\(uri)")
            }
        }
    }

    @Test func onlyWhenAcceptedAndWorthIt() async throws {
        try await withLiveServer(index) { client in
            for refusal in ["gzip;q=0", "identity", "deflate, br", "*;q=0", "gzip;q=0, *"] {
                let response = try await client.send("/openapi.json", headers: [.acceptEncoding: refusal])
                #expect(response.headers[.contentEncoding] == nil, "\(refusal)")
            }
            // Small bodies are sent as they are, but still vary.
            let stats = try await client.send("/api/stats", headers: Self.gzip)
            #expect(stats.body.readableBytes < CompressionMiddleware.minimumSize && stats.headers[.contentEncoding] == nil)
            #expect(stats.headers[values: .vary].contains("Accept-Encoding"))
        }
        #expect(CompressionMiddleware.acceptsGzip(["gzip"]) && CompressionMiddleware.acceptsGzip(["br;q=1.0, GZIP;q=0.5"]))
        #expect(CompressionMiddleware.acceptsGzip(["*"]) && CompressionMiddleware.acceptsGzip(["x-gzip"]))
        #expect(!CompressionMiddleware.acceptsGzip([]) && !CompressionMiddleware.acceptsGzip(["gzip;q=0.000"]))
        #expect(CompressionMiddleware.isCompressible("application/json; charset=utf-8") && CompressionMiddleware.isCompressible("text/csv"))
        #expect(CompressionMiddleware.isCompressible("application/atom+xml") && !CompressionMiddleware.isCompressible("image/png"))
    }

    /// Runs `gzip -dc` over `bytes`.
    /// The wrapper round zlib on its own: an empty body (no buffer address), a short one and
    /// one larger than zlib's window all come back unchanged.
    @Test func gzipRoundTripsAnyBody() throws {
        let long = (0 ..< 100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 ^ $0 >> 7) }
        for body in [[], Array("geweld".utf8), long] {
            #expect(try Self.gunzip(Gzip.compress(body)) == body)
        }
    }

    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = NSTemporaryDirectory() + "kamerzoek-gzip-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/body.gz"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", folder + "/body.gz"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return Array(output)
    }

    /// The page's "· 0,4 ms" taken out.
    static func withoutTimings(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.replacingOccurrences(of: #" · \d+,\d ms"#, with: "", options: .regularExpression).utf8)
    }
}
