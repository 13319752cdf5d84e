import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Search
@testable import Server
import Testing

/// Runs the real application on a free loopback port and gives the test an HTTP client
/// (HummingbirdTesting's `.live` framework: real sockets, real HTTP/1.1).
func withLiveServer<Value: Sendable>(
    _ index: TestIndex, timeBudget: Duration = .seconds(30), logger: Logger = quietLogger(),
    settings adjust: (inout ServerSettings) -> Void = { _ in },
    _ body: @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    var settings = ServerSettings(indexDirectory: index.directory, host: "127.0.0.1", port: 0, timeBudget: timeBudget)
    adjust(&settings)
    return try await buildApplication(settings, logger: logger).test(.live) { client in try await body(client) }
}

/// The same with an index holder of the test's own (to watch or hold up its loading).
func withLiveServer<Value: Sendable>(
    holder: CurrentCommit, logger: Logger = quietLogger(), _ body: @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    let settings = ServerSettings(indexDirectory: holder.directory, host: "127.0.0.1", port: 0, timeBudget: .seconds(30))
    return try await buildApplication(settings, index: holder, logger: logger).test(.live) { client in try await body(client) }
}

/// The access log is tested on its own; elsewhere it would only fill the test output
/// (set KAMERZOEK_TEST_LOG=1 to see it, and the errors behind any 500).
func quietLogger() -> Logger {
    var logger = Logger(label: "kamerzoek.server.test")
    logger.logLevel = ProcessInfo.processInfo.environment["KAMERZOEK_TEST_LOG"] == nil ? .critical : .info
    return logger
}

extension TestClientProtocol {
    /// GET `uri`, returning status and body.
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        let response = try await execute(uri: uri, method: .get)
        return (response.status, String(buffer: response.body), response.headers)
    }

    /// Any method, with request headers; returns status, body and headers.
    func send(
        _ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, body: ByteBuffer, headers: HTTPFields) {
        let response = try await execute(uri: uri, method: method, headers: headers)
        return (response.status, response.body, response.headers)
    }

    /// GET a JSON endpoint that must answer 200, decoded as `T`.
    func getJSON<T: Decodable>(_ uri: String, as type: T.Type = T.self) async throws -> T {
        let (status, body, headers) = try await get(uri)
        #expect(status == .ok, "\(uri): \(body)")
        #expect(headers[.contentType] == "application/json; charset=utf-8")
        return try JSONDecoder().decode(T.self, from: Data(body.utf8))
    }

    /// GET an endpoint that must fail with `status`; returns its `{"error": …}` body.
    func getError(_ uri: String, status expected: HTTPResponse.Status) async throws -> ErrorBody {
        let (status, body, headers) = try await get(uri)
        #expect(status == expected, "\(uri): \(body)")
        #expect(headers[.contentType] == "application/json; charset=utf-8")
        return try JSONDecoder().decode(ErrorBody.self, from: Data(body.utf8))
    }
}

struct ErrorBody: Decodable, Equatable {
    var error: String
    var position: Int?
}

extension TestClientProtocol {
    /// Sends `uri` until its answer comes from `generation` (a new commit is loaded in the
    /// background; the old one answers meanwhile), for at most 10 seconds.
    func waitForGeneration(
        _ generation: UInt64, uri: String, headers: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, body: ByteBuffer, headers: HTTPFields) {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let response = try await send(uri, headers: headers)
            if response.headers.generation == generation || ContinuousClock.now > deadline { return response }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
