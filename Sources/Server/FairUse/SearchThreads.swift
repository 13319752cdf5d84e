import Foundation

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
/// A Swift task executor: the fair-use middleware runs the route under
/// `withTaskExecutorPreference`, so the route's synchronous search runs here and its
/// `await`s come back here.
@available(macOS 15, *)
final class SearchThreads: TaskExecutor, @unchecked Sendable {
    // Unchecked: `queue` is only touched under its own condition lock.
    private let queue = JobQueue()

    init(count: Int) {
        for number in 0 ..< max(1, count) {
            let queue = queue
            let thread = Thread { queue.run() }
            thread.name = "kamerzoek-search-\(number)"
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
