import Foundation
import IndexStore
import Logging

/// The commit the server answers from, replaced when another process commits a newer one.
///
/// How a request finds out, cheaply: it `stat`s the index directory. Every commit renames
/// a new `segments_N` into the directory, which changes the directory's modification time,
/// so an unchanged time means an unchanged index: one system call per request. Only when
/// the time moved does the request list the directory for the newest generation, and only
/// when that is newer does it have the new commit loaded (below).
///
/// File times are stamped from a coarse kernel clock (a few milliseconds per tick), so a
/// change in the same tick as the one we saw would leave the time unchanged. A time is
/// therefore trusted only once it is `settleInterval` old; until then every request lists
/// the directory. That costs a listing per request for a moment after each commit, and
/// never misses one.
///
/// A newer commit is opened and prepared off the request path (``LoadedCommit/prepare()``:
/// checksums of its new segments, stats, document types, search state), on a thread of
/// its own, while requests go on being answered from the commit already served; it is
/// served from the moment it is ready. Opened by the first request to see it, it would
/// hold every other request waiting, and its figures computed on an event loop thread
/// would hold up the searches queued behind them. Only the very first commit is loaded by
/// a request, the others waiting for it: there is nothing to answer from before it.
/// Requests already running keep the `LoadedCommit` they hold; the old commit's memory
/// maps go when the last one finishes.
final class CurrentCommit: Sendable {
    let directory: String
    private let settleInterval: Double
    /// Passed to each commit's searchers (``ServerSettings/threadsPerSearch``).
    private let threadsPerSearch: Int?
    private let logger: Logger
    private let state = Locked(State())
    /// Held while a commit is opened and prepared: one at a time.
    private let reopening = NSLock()
    /// Background loads under way (``waitForLoading()``).
    private let loads = DispatchGroup()
    /// Called on the loading thread with a newer commit's generation once it is prepared,
    /// before it is served: tests hold a load there to see what requests get meanwhile.
    private let beforeServing: (@Sendable (UInt64) -> Void)?

    private struct State {
        var loaded: LoadedCommit?
        /// The directory time that `loaded` is known to be current for, once settled.
        var trustedStamp: timespec?
        /// A newer generation that could not be opened: not retried on every request.
        var failedGeneration: UInt64?
        /// Segments whose checksums were verified when a commit holding them was opened.
        var verifiedSegments: Set<SegmentID> = []
        /// A newer commit is being loaded in the background.
        var loading = false
    }

    init(
        directory: String, settleInterval: Double = 1.0, threadsPerSearch: Int? = nil, logger: Logger,
        beforeServing: (@Sendable (UInt64) -> Void)? = nil
    ) {
        self.directory = directory
        self.settleInterval = settleInterval
        self.threadsPerSearch = threadsPerSearch
        self.logger = logger
        self.beforeServing = beforeServing
    }

    /// The commit to answer from: the newest one that has been prepared. Throws
    /// ``APIError/indexUnavailable`` when there is no commit yet, and the opening error
    /// when the only commit cannot be read.
    func current() throws -> LoadedCommit {
        let stamp = directoryStamp()
        if let loaded = state.withLock({ state -> LoadedCommit? in
            // While a newer commit is prepared, the served one answers without a look.
            if state.loading { return state.loaded }
            guard let stamp, let trusted = state.trustedStamp, trusted.tv_sec == stamp.tv_sec, trusted.tv_nsec == stamp.tv_nsec else {
                return nil
            }
            return state.loaded
        }) {
            return loaded
        }
        return try refresh(stamp: stamp)
    }

    /// Blocks until the background loads started so far have finished (for tests).
    func waitForLoading() {
        loads.wait()
    }

    private func refresh(stamp: timespec?) throws -> LoadedCommit {
        let newest = try? ManifestStore.newestGeneration(in: directory)
        let (loaded, failed) = state.withLock { ($0.loaded, $0.failedGeneration) }
        if let loaded, newest == nil || newest == loaded.generation || newest == failed {
            // Nothing newer. A vanished directory keeps serving the last commit: its files
            // are still mapped.
            trust(stamp, for: loaded)
            return loaded
        }
        guard let newest else { throw APIError.indexUnavailable }
        guard let loaded else { return try loadFirst() }
        loadInBackground(newest)
        return loaded
    }

    /// The first commit, loaded by the request that finds it; others wait for it.
    private func loadFirst() throws -> LoadedCommit {
        reopening.lock()
        defer { reopening.unlock() }
        if let loaded = state.withLock({ $0.loaded }) { return loaded }  // another request loaded it meanwhile
        do {
            return publish(try open())
        } catch IndexSnapshot.OpenError.noIndex {
            throw APIError.indexUnavailable
        }
    }

    private func loadInBackground(_ newest: UInt64) {
        let start = state.withLock { state -> Bool in
            if state.loading { return false }
            state.loading = true
            return true
        }
        guard start else { return }
        loads.enter()
        let thread = Thread { [self] in
            defer { loads.leave() }
            reopening.lock()
            defer { reopening.unlock() }
            do {
                let opened = try open()
                beforeServing?(opened.generation)
                publish(opened)
            } catch {
                // A newer commit that cannot be opened (damaged, or built by another analyzer)
                // must not take the server down: keep answering from the last good commit.
                let served = state.withLock { state -> UInt64? in
                    state.failedGeneration = newest
                    state.loading = false
                    return state.loaded?.generation
                }
                logger.error("Cannot open the newest commit of the index, still serving generation \(served ?? 0): \(error)")
            }
        }
        thread.name = "kamerzoek: loading generation \(newest)"
        thread.start()
    }

    /// Opens the newest commit and prepares all it needs to answer.
    private func open() throws -> LoadedCommit {
        // Checksums once per segment, before it is first served: a damaged segment is
        // refused here, never served, and a commit that adds one small segment costs a
        // read of that segment, not of the whole index.
        let snapshot = try IndexSnapshot.open(directory: directory)
        let verified = try snapshot.verifyChecksums(skipping: state.withLock { $0.verifiedSegments })
        state.withLock { $0.verifiedSegments = verified }
        let opened = LoadedCommit(snapshot: snapshot, threadsPerSearch: threadsPerSearch)
        try opened.prepare()
        return opened
    }

    /// Serves `opened` from now on, unless something newer is served already.
    @discardableResult
    private func publish(_ opened: LoadedCommit) -> LoadedCommit {
        logger.info("Serving generation \(opened.generation) of the index (\(opened.snapshot.documentCount) documents)")
        return state.withLock { state in
            if (state.loaded?.generation ?? 0) < opened.generation {
                state.loaded = opened
                state.trustedStamp = nil
            }
            state.loading = false
            return state.loaded ?? opened
        }
    }

    /// Records `stamp` as current for `loaded` if the stamp is old enough to be final.
    private func trust(_ stamp: timespec?, for loaded: LoadedCommit) {
        guard let stamp else { return }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = Double(now.tv_sec - stamp.tv_sec) + Double(now.tv_nsec - stamp.tv_nsec) / 1e9
        guard age >= settleInterval else { return }
        state.withLock { state in
            if state.loaded === loaded { state.trustedStamp = stamp }
        }
    }

    private func directoryStamp() -> timespec? {
        var info = stat()
        guard stat(directory, &info) == 0 else { return nil }
        return info.st_mtim
    }
}
