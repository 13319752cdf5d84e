import NIOCore
import NIOPosix

/// Process-wide setup for `kamerzoek serve`, done once before anything else runs.
public enum ServerRuntime {
    /// Makes NIO's event loops the threads that run Swift concurrency tasks. Route handlers
    /// are async, so by default every request hops from an event loop thread (reading the
    /// socket) to the concurrency pool (running the search) and back (writing the answer);
    /// with one set of threads those hops and their context switches go away, which shows
    /// in both throughput and tail latency (docs/BENCHMARKS.md, "HTTP server under load").
    /// A search still occupies its thread either way: the default pool has one thread per
    /// core too. Must be called from the main thread, before the first task starts;
    /// returns whether it took effect.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
