/// Turns to search, given out under ``SearchLimits``: at most `maxSearches` searches at
/// once, at most `perClient` of them one client's.
///
/// A request that finds no free turn waits in a short queue, for at most `queueWait`;
/// one that finds the queue full (`queueLength` waiting in all, or `perClient` of its own
/// client already waiting) or waits longer is refused (the server answers 503). When a
/// search ends, the freed turn goes to the waiting clients in rotation, one request per
/// client, skipping clients already at their own limit; a client served goes to the back.
/// So a client with many requests queued gets no more than any other: a flood from one
/// address costs the others at most a turn each.
final class SearchGate: Sendable {
    let limits: SearchLimits
    private let state = Locked(State())

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var running = 0
        var runningByClient: [String: Int] = [:]
        /// Each client's waiting requests, oldest first.
        var waiting: [String: [Waiter]] = [:]
        /// The clients with requests waiting, the next to get a turn first.
        var rotation: [String] = []
        var waitingCount = 0
        var lastID: UInt64 = 0
        /// When each client was last refused (``recentlyRefused(_:)``).
        var refusals: [String: ContinuousClock.Instant] = [:]

        mutating func refused(_ client: String) {
            let now = ContinuousClock.now
            if refusals.count >= 10_000 { refusals = refusals.filter { now - $0.value < SearchGate.refusalMemory } }
            refusals[client] = now
        }
    }

    /// How long a refusal marks a client as one that asks more than its share.
    static let refusalMemory = Duration.seconds(10)

    private enum Decision {
        case admitted, refused
        case queued(UInt64)
    }

    init(limits: SearchLimits) {
        self.limits = limits
    }

    /// Waits for a turn for `client`: true once it has one (give it back with
    /// ``leave(_:)``), false when the request is refused.
    func enter(_ client: String) async -> Bool {
        await withCheckedContinuation { continuation in
            let decision = state.withLock { state -> Decision in
                if state.running < limits.maxSearches, state.runningByClient[client, default: 0] < limits.perClient {
                    state.running += 1
                    state.runningByClient[client, default: 0] += 1
                    return .admitted
                }
                let own = state.waiting[client]?.count ?? 0
                guard state.waitingCount < limits.queueLength, own < limits.perClient else {
                    state.refused(client)
                    return .refused
                }
                state.lastID += 1
                state.waiting[client, default: []].append(Waiter(id: state.lastID, continuation: continuation))
                if own == 0 { state.rotation.append(client) }
                state.waitingCount += 1
                return .queued(state.lastID)
            }
            switch decision {
            case .admitted: continuation.resume(returning: true)
            case .refused: continuation.resume(returning: false)
            case .queued(let id):
                let wait = limits.queueWait
                Task { [self] in
                    try? await Task.sleep(for: wait)
                    expire(id, client: client)
                }
            }
        }
    }

    /// Gives back a turn of `client`'s, which goes to the next waiting request in turn.
    func leave(_ client: String) {
        let admitted = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.running -= 1
            let mine = state.runningByClient[client, default: 1] - 1
            state.runningByClient[client] = mine > 0 ? mine : nil
            var admitted: [CheckedContinuation<Bool, Never>] = []
            while state.running < limits.maxSearches,
                  let turn = state.rotation.firstIndex(where: { state.runningByClient[$0, default: 0] < limits.perClient }) {
                let next = state.rotation.remove(at: turn)
                var queue = state.waiting[next] ?? []
                let waiter = queue.removeFirst()
                if queue.isEmpty {
                    state.waiting[next] = nil
                } else {
                    state.waiting[next] = queue
                    state.rotation.append(next)
                }
                state.waitingCount -= 1
                state.running += 1
                state.runningByClient[next, default: 0] += 1
                admitted.append(waiter.continuation)
            }
            return admitted
        }
        for continuation in admitted { continuation.resume(returning: true) }
    }

    /// Refuses a waiting request whose time is up (nothing, if it has had its turn).
    private func expire(_ id: UInt64, client: String) {
        let expired = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard var queue = state.waiting[client], let position = queue.firstIndex(where: { $0.id == id }) else { return nil }
            let waiter = queue.remove(at: position)
            if queue.isEmpty {
                state.waiting[client] = nil
                state.rotation.removeAll { $0 == client }
            } else {
                state.waiting[client] = queue
            }
            state.waitingCount -= 1
            state.refused(client)
            return waiter.continuation
        }
        expired?.resume(returning: false)
    }

    /// Whether `client` was refused a turn in the last ``refusalMemory``: it asks for more
    /// than its share, and its searches run at a lower CPU priority (``SearchThreads``).
    func recentlyRefused(_ client: String) -> Bool {
        state.withLock { state in state.refusals[client].map { ContinuousClock.now - $0 < Self.refusalMemory } ?? false }
    }

    /// Searches running and requests waiting, now (for tests and the log).
    var load: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waitingCount) }
    }
}
