import Foundation
import IndexStore
import Logging

/// The commit the server answers from, replaced when another process commits a newer one.
///
/// How a request finds out, cheaply: it `stat`s the index directory. Every commit renames
/// a new `segments_N` into the directory, which changes the directory's modification time,
/// so an unchanged time means an unchanged index: one system call per request. Only when
/// the time moved does the request list the directory for the newest generation, and only
/// when that is newer does it open the new commit.
///
/// File times are stamped from a coarse kernel clock (a few milliseconds per tick), so a
/// change in the same tick as the one we saw would leave the time unchanged. A time is
/// therefore trusted only once it is `settleInterval` old; until then every request lists
/// the directory. That costs a listing per request for a moment after each commit, and
/// never misses one.
///
/// Requests that see a newer generation open it one at a time (`reopening`): the first
/// opens, the others wait for it and then use what it loaded. Requests already running keep
/// the `LoadedIndex` they hold; the old commit's memory maps go when the last one finishes.
final class IndexHolder: Sendable {
    let directory: String
    private let settleInterval: Double
    /// Passed to each commit's searchers (``ServerSettings/threadsPerSearch``).
    private let threadsPerSearch: Int?
    private let logger: Logger
    private let state = Locked(State())
    private let reopening = NSLock()

    private struct State {
        var loaded: LoadedIndex?
        /// The directory time that `loaded` is known to be current for, once settled.
        var trustedStamp: timespec?
        /// A newer generation that could not be opened: not retried on every request.
        var failedGeneration: UInt64?
        /// Segments whose checksums were verified when a commit holding them was opened.
        var verifiedSegments: Set<SegmentID> = []
    }

    init(directory: String, settleInterval: Double = 1.0, threadsPerSearch: Int? = nil, logger: Logger) {
        self.directory = directory
        self.settleInterval = settleInterval
        self.threadsPerSearch = threadsPerSearch
        self.logger = logger
    }

    /// The newest commit that can be opened. Throws ``APIError/indexUnavailable`` when
    /// there is no commit yet, and the opening error when the only commit cannot be read.
    func current() throws -> LoadedIndex {
        let stamp = directoryStamp()
        if let stamp, let loaded = state.withLock({ state -> LoadedIndex? in
            guard let trusted = state.trustedStamp, trusted.tv_sec == stamp.tv_sec, trusted.tv_nsec == stamp.tv_nsec else { return nil }
            return state.loaded
        }) {
            return loaded
        }
        return try refresh(stamp: stamp)
    }

    private func refresh(stamp: timespec?) throws -> LoadedIndex {
        let newest = try? ManifestStore.newestGeneration(in: directory)
        let (loaded, failed) = state.withLock { ($0.loaded, $0.failedGeneration) }
        if let loaded, newest == nil || newest == loaded.generation || newest == failed {
            // Nothing newer. A vanished directory keeps serving the last commit: its files
            // are still mapped.
            trust(stamp, for: loaded)
            return loaded
        }
        guard newest != nil else { throw APIError.indexUnavailable }

        reopening.lock()
        defer { reopening.unlock() }
        if let loaded = state.withLock({ $0.loaded }), let newest, loaded.generation >= newest {
            return loaded  // another request opened it while this one waited
        }
        let opened: LoadedIndex
        do {
            // Checksums once per segment, before it is first served: a damaged segment is
            // refused here, never served, and a commit that adds one small segment costs a
            // read of that segment, not of the whole index.
            let snapshot = try IndexSnapshot.open(directory: directory)
            let verified = try snapshot.verifyChecksums(skipping: state.withLock { $0.verifiedSegments })
            state.withLock { $0.verifiedSegments = verified }
            opened = LoadedIndex(snapshot: snapshot, threadsPerSearch: threadsPerSearch)
        } catch IndexSnapshot.OpenError.noIndex {
            throw APIError.indexUnavailable
        } catch {
            // A newer commit that cannot be opened (damaged, or built by another analyzer)
            // must not take the server down: keep answering from the last good commit.
            guard let loaded else { throw error }
            state.withLock { $0.failedGeneration = newest }
            logger.error("Cannot open the newest commit of the index, still serving generation \(loaded.generation): \(error)")
            return loaded
        }
        logger.info("Serving generation \(opened.generation) of the index (\(opened.snapshot.documentCount) documents)")
        state.withLock { state in
            if (state.loaded?.generation ?? 0) < opened.generation {
                state.loaded = opened
                state.trustedStamp = nil
            }
        }
        trust(stamp, for: opened)
        return state.withLock { $0.loaded } ?? opened
    }

    /// Records `stamp` as current for `loaded` if the stamp is old enough to be final.
    private func trust(_ stamp: timespec?, for loaded: LoadedIndex) {
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
