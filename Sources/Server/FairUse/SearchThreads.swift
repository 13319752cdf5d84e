import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The threads that searches run on while ``SearchLimits`` are in force: as many as
/// searches may run at once.
///
/// Without them a search runs on the event-loop thread that took its request
/// (``ServerRuntime``), which reads and writes nothing else meanwhile: on 2 cores two
/// expensive searches hold every connection still, the cheap requests of other clients
/// included. On threads of their own, searches share the cores with each other by the
/// kernel's time slicing, a cheap one is not held up for the whole of an expensive one,
/// and the event loops stay free to answer everything else (and 503s).
///
/// Clients that ask for more than their share (refused a turn lately) have their
/// searches run on a second set, at a lower priority (`nice` 10): the kernel then gives
/// the cores to the other clients' searches first, and theirs stay near their quiet
/// latency while a flood goes on.
///
/// A Swift task executor: the fair-use middleware runs the route under
/// `withTaskExecutorPreference`, so the route's synchronous search runs here and its
/// `await`s come back here.
@available(macOS 15, *)
final class SearchThreads: TaskExecutor, @unchecked Sendable {
    // Unchecked: `queue` is only touched under its own condition lock.
    private let queue = JobQueue()

    /// `niceness`: the threads' CPU priority as `nice` counts it (0: as the rest of the
    /// server; 10: about a tenth of the share; Linux only).
    init(count: Int, niceness: Int32 = 0, name: String = "search") {
        for number in 0 ..< max(1, count) {
            let queue = queue
            let thread = Thread {
                #if os(Linux)
                // Who 0 is the calling thread: on Linux the nice value is a thread's own.
                if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
                #endif
                queue.run()
            }
            thread.name = "kamerzoek-\(name)-\(number)"
            thread.start()
        }
    }

    deinit { queue.close() }

    func enqueue(_ job: consuming ExecutorJob) {
        queue.push(UnownedJob(job), executor: asUnownedTaskExecutor())
    }
}

/// The jobs waiting for a search thread; the threads hold this, not the executor, so
/// that the executor can go (and stop them) when the server does.
@available(macOS 15, *)
private final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(job: UnownedJob, executor: UnownedTaskExecutor)] = []
    private var next = 0
    private var closed = false

    func push(_ job: UnownedJob, executor: UnownedTaskExecutor) {
        condition.lock()
        jobs.append((job, executor))
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func run() {
        while true {
            condition.lock()
            while next == jobs.count, !closed { condition.wait() }
            if next == jobs.count {
                condition.unlock()
                return
            }
            let (job, executor) = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            } else if next >= 256 {
                jobs.removeFirst(next)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: executor)
        }
    }
}
