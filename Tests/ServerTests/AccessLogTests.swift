import Foundation
import HummingbirdTesting
import Logging
import Testing

@Suite("Access log")
struct AccessLogTests {
    /// Keeps the messages logged at info level.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var messages: [String] { lock.withLock { lines } }
    }

    struct RecordingHandler: LogHandler {
        let recorder: Recorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if event.level == .info { recorder.append(event.message.description) }
        }
    }

    @Test func oneLinePerRequestWithMethodPathStatusAndLatency() async throws {
        let index = try TestIndex()
        let recorder = Recorder()
        let logger = Logger(label: "access-test") { _ in RecordingHandler(recorder: recorder) }
        try await withLiveServer(index, logger: logger) { client in
            _ = try await client.get("/api/search?q=geweld")
            _ = try await client.get("/api/search?q=geweld&limit=0")
            _ = try await client.get("/api/documents/bestaat-niet")
            _ = try await client.get("/health")
        }
        let access = recorder.messages.filter { $0.hasPrefix("GET ") }
        let shapes = access.map { line in line.split(separator: " ").prefix(3).joined(separator: " ") }
        #expect(shapes == ["GET /api/search 200", "GET /api/search 400", "GET /api/documents/bestaat-niet 404", "GET /health 200"])
        // The query string (which may be personal) is not logged; the latency is.
        #expect(access.allSatisfy { !$0.contains("q=") && $0.hasSuffix("ms") })
    }
}
