import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Server
import Testing

/// Fair use (issue 21), over live HTTP: searches wait for a turn at the ``SearchGate``;
/// the test holds admitted searches open at the server's hook (requests that send
/// `Test-Hold`), so who has a turn and who waits is known, not a matter of timing.
@Suite("Fair use")
struct FairUseTests {
    /// Searches held open once admitted, and the order in which held requests got their turn.
    final class Holds: Sendable {
        private struct State {
            var held: [CheckedContinuation<Void, Never>] = []
            var admitted: [String] = []
        }
        private let state = Locked(State())

        func hook(_ request: Request) async {
            guard let name = request.headers[.init("Test-Hold")!] else { return }
            await withCheckedContinuation { continuation in
                state.withLock {
                    $0.held.append(continuation)
                    $0.admitted.append(name)
                }
            }
        }

        var admitted: [String] { state.withLock { $0.admitted } }

        /// Lets the oldest held search go on.
        func releaseOne() {
            let next = state.withLock { $0.held.isEmpty ? nil : $0.held.removeFirst() }
            next?.resume()
        }

        func releaseAll() {
            let all = state.withLock { state in
                defer { state.held = [] }
                return state.held
            }
            for continuation in all { continuation.resume() }
        }

        /// Waits (up to 10 s) until `count` searches are being held.
        func waitForHeld(_ count: Int) async throws {
            try await waitUntil("\(count) held") { self.state.withLock { $0.held.count } == count }
        }
    }

    struct Server {
        let port: Int
        let gate: SearchGate
        let holds: Holds

        /// A request on a connection of its own (so that requests run side by side),
        /// from a client named by `X-Forwarded-For` (the test client is on loopback,
        /// trusted by default), held open once admitted if `hold` is given.
        func get(
            _ uri: String, client: String? = nil, hold: String? = nil, headers extra: HTTPFields = [:]
        ) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
            var headers = extra
            if let client { headers[.init("X-Forwarded-For")!] = client }
            if let hold { headers[.init("Test-Hold")!] = hold }
            let connection = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30)))
            connection.connect()
            defer { Task { try? await connection.shutdown() } }
            let response = try await connection.execute(.init(uri, method: .get, headers: headers))
            return (response.status, String(buffer: response.body ?? ByteBuffer()), response.headers)
        }

        /// Waits until the gate has `waiting` requests in its queue.
        func waitForWaiting(_ waiting: Int) async throws {
            try await waitUntil("\(waiting) waiting") { gate.load.waiting == waiting }
        }
    }

    static func waitUntil(_ what: String, _ condition: @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    struct TimedOut: Error { var what: String }

    static func withServer<Value: Sendable>(
        _ limits: SearchLimits, _ body: @Sendable (Server) async throws -> Value
    ) async throws -> Value {
        let index = try TestIndex()
        var settings = ServerSettings(indexDirectory: index.directory, host: "127.0.0.1", port: 0, timeBudget: .seconds(30))
        settings.searchLimits = limits
        let gate = SearchGate(limits: limits)
        let holds = Holds()
        let holder = CurrentCommit(directory: index.directory, logger: quietLogger())
        let app = buildApplication(settings, index: holder, logger: quietLogger(), searchGate: gate, searchAdmitted: holds.hook)
        return try await app.test(.live) { client in
            let server = Server(port: try #require(client.port), gate: gate, holds: holds)
            do {
                let value = try await body(server)
                holds.releaseAll()
                return value
            } catch {
                holds.releaseAll()
                throw error
            }
        }
    }

    /// A refusal: 503, `Retry-After` (the queue's wait, in whole seconds, at least 1).
    static func expectBusy(
        _ response: (status: HTTPResponse.Status, body: String, headers: HTTPFields), page: Bool = false, retryAfter: String = "1"
    ) {
        #expect(response.status == .serviceUnavailable, "\(response.body)")
        #expect(response.headers[.retryAfter] == retryAfter)
        #expect(response.headers[.cacheControl] == "no-store")
        if page {
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.body.contains("te veel zoekvragen tegelijk"))
        } else {
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.body.contains("\"error\":\"Too many searches at once"))
        }
    }

    @Test func perClientLimitRefusesTheExtraSearchWhileAnotherClientIsServed() async throws {
        let limits = SearchLimits(maxSearches: 4, perClient: 1, queueLength: 0)
        try await Self.withServer(limits) { server in
            async let held = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a")
            try await server.holds.waitForHeld(1)
            // The same client again, on every endpoint that searches: refused, the first
            // time at once, then each time after a pause (the default 250 ms).
            Self.expectBusy(try await server.get("/api/search?q=geweld", client: "192.0.2.1"))
            let started = ContinuousClock.now
            Self.expectBusy(try await server.get("/api/search.csv?q=geweld", client: "192.0.2.1"))
            #expect(ContinuousClock.now - started >= .milliseconds(250))
            Self.expectBusy(try await server.get("/feeds/search.atom?q=geweld", client: "192.0.2.1"))
            Self.expectBusy(try await server.get("/?q=geweld", client: "192.0.2.1"), page: true)
            // Another client is answered meanwhile.
            let other = try await server.get("/api/search?q=geweld", client: "192.0.2.2")
            #expect(other.status == .ok)
            #expect(other.body.contains("\"results\""))
            #expect(try await server.get("/?q=geweld", client: "192.0.2.2").status == .ok)
            // The refused client's searches now run at a lower priority; the other's do not.
            #expect(server.gate.recentlyRefused("192.0.2.1"))
            #expect(!server.gate.recentlyRefused("192.0.2.2"))
            server.holds.releaseAll()
            #expect(try await held.status == .ok)
            // Its turn given back, the first client is served again.
            #expect(try await server.get("/api/search?q=geweld", client: "192.0.2.1").status == .ok)
            #expect(server.gate.load == (0, 0))
        }
    }

    @Test func globalLimitQueuesThenRefuses() async throws {
        let limits = SearchLimits(maxSearches: 2, perClient: 1, queueLength: 1, queueWait: .seconds(20))
        try await Self.withServer(limits) { server in
            async let first = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a")
            async let second = server.get("/api/search?q=geweld", client: "192.0.2.2", hold: "b")
            try await server.holds.waitForHeld(2)
            // Every turn taken: the third client waits in the queue ...
            async let queued = server.get("/api/search?q=geweld", client: "192.0.2.3")
            try await server.waitForWaiting(1)
            // ... and with the queue full the fourth is refused at once.
            let started = ContinuousClock.now
            Self.expectBusy(try await server.get("/api/search?q=geweld", client: "192.0.2.4"), retryAfter: "20")
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(server.gate.load == (2, 1))
            // A turn freed goes to the waiting request.
            server.holds.releaseOne()
            #expect(try await queued.status == .ok)
            server.holds.releaseAll()
            #expect(try await first.status == .ok)
            #expect(try await second.status == .ok)
            #expect(server.gate.load == (0, 0))
        }
    }

    @Test func aRequestWaitsNoLongerThanTheQueueWait() async throws {
        let limits = SearchLimits(maxSearches: 1, perClient: 1, queueLength: 4, queueWait: .milliseconds(100))
        try await Self.withServer(limits) { server in
            async let held = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a")
            try await server.holds.waitForHeld(1)
            let started = ContinuousClock.now
            Self.expectBusy(try await server.get("/api/search?q=geweld", client: "192.0.2.2"))
            #expect(ContinuousClock.now - started >= .milliseconds(100))
            #expect(server.gate.load == (1, 0))
            server.holds.releaseAll()
            #expect(try await held.status == .ok)
        }
    }

    @Test func freedTurnsGoToTheWaitingClientsInRotation() async throws {
        // One turn at a time; client A queues three requests before client B queues one.
        let limits = SearchLimits(maxSearches: 1, perClient: 3, queueLength: 8, queueWait: .seconds(20))
        try await Self.withServer(limits) { server in
            async let a0 = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a0")
            try await server.holds.waitForHeld(1)
            async let a1 = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a1")
            try await server.waitForWaiting(1)
            async let a2 = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a2")
            try await server.waitForWaiting(2)
            async let a3 = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a3")
            try await server.waitForWaiting(3)
            async let b0 = server.get("/api/search?q=geweld", client: "192.0.2.2", hold: "b0")
            try await server.waitForWaiting(4)
            // A fifth request of A's finds A's share of the queue taken.
            Self.expectBusy(try await server.get("/api/search?q=geweld", client: "192.0.2.1"), retryAfter: "20")
            for admitted in 2 ... 5 {
                server.holds.releaseOne()
                try await server.holds.waitForHeld(1)
                #expect(server.holds.admitted.count == admitted)
            }
            // B had the second turn, not the fifth.
            #expect(server.holds.admitted == ["a0", "a1", "b0", "a2", "a3"])
            server.holds.releaseAll()
            for response in try await [a0, a1, a2, a3, b0] { #expect(response.status == .ok) }
        }
    }

    @Test func forwardedForCountsOnlyFromATrustedProxy() async throws {
        // Nobody trusted: the header is ignored, and every request is the peer 127.0.0.1's.
        let untrusted = SearchLimits(maxSearches: 4, perClient: 1, queueLength: 0, trustedProxies: [])
        try await Self.withServer(untrusted) { server in
            async let held = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a")
            try await server.holds.waitForHeld(1)
            Self.expectBusy(try await server.get("/api/search?q=geweld", client: "192.0.2.2"))
            Self.expectBusy(try await server.get("/api/search?q=geweld"))
            server.holds.releaseAll()
            #expect(try await held.status == .ok)
        }
        // Loopback trusted (the default): two forwarded clients are two clients, and the
        // proxy's own requests (no header) a third.
        let trusted = SearchLimits(maxSearches: 4, perClient: 1, queueLength: 0)
        try await Self.withServer(trusted) { server in
            async let held = server.get("/api/search?q=geweld", client: "192.0.2.1", hold: "a")
            try await server.holds.waitForHeld(1)
            #expect(try await server.get("/api/search?q=geweld", client: "192.0.2.2").status == .ok)
            #expect(try await server.get("/api/search?q=geweld").status == .ok)
            // A client cannot pass itself off as another by writing the header itself:
            // the proxy appends the real address, and that is the one that counts.
            Self.expectBusy(try await server.get("/api/search?q=geweld", client: "192.0.2.9, 192.0.2.1"))
            server.holds.releaseAll()
            #expect(try await held.status == .ok)
        }
    }

    @Test func routesThatDoNotSearchAreNeverLimited() async throws {
        let limits = SearchLimits(maxSearches: 1, perClient: 1, queueLength: 0)
        try await Self.withServer(limits) { server in
            let tag = try #require(try await server.get("/api/search?q=geweld").headers[.eTag])
            async let held = server.get("/api/search?q=geweld", hold: "a")
            try await server.holds.waitForHeld(1)
            Self.expectBusy(try await server.get("/api/search?q=huiselijk"))
            for uri in ["/health", "/openapi.json", "/api/stats", "/api/documents/brief-geweld", "/documents/brief-geweld", "/", "/?q=+"] {
                let response = try await server.get(uri)
                #expect(response.status == .ok, "\(uri): \(response.status)")
                #expect(response.headers[.retryAfter] == nil)
            }
            #expect(try await server.get("/api/documents/bestaat-niet").status == .notFound)
            // A revalidation is answered before any search, so it needs no turn either.
            #expect(try await server.get("/api/search?q=geweld", headers: [.ifNoneMatch: tag]).status == .notModified)
            server.holds.releaseAll()
            #expect(try await held.status == .ok)
        }
    }

    @Test func busyAnswersMatchTheOpenAPIDocument() async throws {
        let limits = SearchLimits(maxSearches: 1, perClient: 1, queueLength: 0)
        let paths = [
            ("/api/search", "/api/search?q=geweld"), ("/api/search.csv", "/api/search.csv?q=geweld"),
            ("/feeds/search.atom", "/feeds/search.atom?q=geweld"), ("/", "/?q=geweld"),
        ]
        let (document, busy) = try await Self.withServer(limits) { server in
            let document = try await server.get("/openapi.json").body
            async let held = server.get("/api/search?q=geweld", hold: "a")
            try await server.holds.waitForHeld(1)
            var busy: [(String, HTTPResponse.Status, String, HTTPFields)] = []
            for (path, uri) in paths {
                let response = try await server.get(uri)
                busy.append((path, response.status, response.body, response.headers))
            }
            server.holds.releaseAll()
            #expect(try await held.status == .ok)
            return (document, busy)
        }
        var collected: [[String: Any]] = []
        for (path, status, body, headers) in busy {
            #expect(status == .serviceUnavailable)
            var fields: [String: String] = [:]
            for field in headers { fields[field.name.canonicalName, default: ""] += (fields[field.name.canonicalName] == nil ? "" : ", ") + field.value }
            var entry: [String: Any] = ["status": Int(status.code), "headers": fields, "path": path, "method": "get"]
            entry["content_type"] = headers[.contentType]
            entry["body"] = path == "/" ? NSNull() : try JSONSerialization.jsonObject(with: Data(body.utf8))
            collected.append(entry)
        }
        let folder = NSTemporaryDirectory() + "kamerzoek-fairuse-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(document.utf8).write(to: URL(fileURLWithPath: folder + "/openapi.json"))
        try JSONSerialization.data(withJSONObject: collected).write(to: URL(fileURLWithPath: folder + "/samples.json"))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/validate_openapi.py").path
        let (status, output) = try OpenAPIConformanceTests.run(["/usr/bin/env", "python3", script, folder + "/openapi.json", folder + "/samples.json"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(collected.count) responses checked, 0 problems"))
    }
}

@Suite("Client address")
struct ClientAddressTests {
    static let loopback = SearchLimits.defaultTrustedProxies

    @Test func thePeerCountsUnlessItIsATrustedProxy() {
        #expect(ClientAddress.key(peer: "192.0.2.7", forwardedFor: ["198.51.100.1"], trusted: Self.loopback) == "192.0.2.7")
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["198.51.100.1"], trusted: Self.loopback) == "198.51.100.1")
        #expect(ClientAddress.key(peer: "::1", forwardedFor: ["198.51.100.1"], trusted: Self.loopback) == "198.51.100.1")
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: [], trusted: Self.loopback) == "127.0.0.1")
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["198.51.100.1"], trusted: []) == "127.0.0.1")
        #expect(ClientAddress.key(peer: "::ffff:127.0.0.1", forwardedFor: ["198.51.100.1"], trusted: Self.loopback) == "198.51.100.1")
        #expect(ClientAddress.key(peer: nil, forwardedFor: ["198.51.100.1"], trusted: Self.loopback) == "unknown")
    }

    @Test func forwardedForIsReadFromTheRightPastTrustedProxies() {
        let trusted = Self.loopback + [TrustedProxy("10.0.0.0/8")!]
        // What the client wrote itself (left) is not believed; the proxy's entry (right) is.
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["203.0.113.5, 198.51.100.1"], trusted: trusted) == "198.51.100.1")
        // Through two proxies: the inner one's address is skipped.
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["198.51.100.1, 10.1.2.3"], trusted: trusted) == "198.51.100.1")
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["198.51.100.1", "10.1.2.3"], trusted: trusted) == "198.51.100.1")
        // Forms with ports and brackets.
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["198.51.100.1:4711"], trusted: trusted) == "198.51.100.1")
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["[2001:db8::1]:443"], trusted: trusted) == "2001:db8::/64")
        // An entry that is not an address ends the walk at the last one believed.
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["198.51.100.1, unknown"], trusted: trusted) == "127.0.0.1")
        #expect(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["unknown, 10.1.2.3"], trusted: trusted) == "10.1.2.3")
    }

    @Test func ipv6ClientsCountByTheirSlash64() {
        #expect(ClientAddress.key(peer: "2001:db8:1:2:aaaa::1", forwardedFor: [], trusted: []) == "2001:db8:1:2::/64")
        #expect(ClientAddress.key(peer: "2001:db8:1:2:bbbb::9", forwardedFor: [], trusted: []) == "2001:db8:1:2::/64")
        #expect(ClientAddress.key(peer: "2001:db8:1:3::1", forwardedFor: [], trusted: []) == "2001:db8:1:3::/64")
    }

    @Test func trustedProxiesAreAddressesOrRanges() throws {
        #expect(TrustedProxy("127.0.0.1")?.description == "127.0.0.1")
        #expect(TrustedProxy("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(TrustedProxy("fd00::/8")?.description == "fd00::/8")
        for bad in ["", "localhost", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "1.2.3.4/8/8"] { #expect(TrustedProxy(bad) == nil, "\(bad)") }
        let range = try #require(TrustedProxy("172.16.0.0/12"))
        #expect(range.contains(try #require(IPAddress("172.31.255.255"))))
        #expect(!range.contains(try #require(IPAddress("172.32.0.0"))))
        #expect(!range.contains(try #require(IPAddress("::1"))))
    }

    @Test func defaultsLeaveRoomForTwoClientsAtTheirLimit() {
        #expect(SearchLimits.defaultMaxSearches(perClient: 2, cores: 2) == 4)
        #expect(SearchLimits.defaultMaxSearches(perClient: 2, cores: 16) == 16)
        #expect(SearchLimits(queueWait: .milliseconds(1)).retryAfterSeconds == 1)
        #expect(SearchLimits(queueWait: .milliseconds(2500)).retryAfterSeconds == 3)
    }
}
