import NIOCore
import NIOPosix

/// Process-wide setup for `kamerzoek serve`, done once before anything else runs.
public enum ServerRuntime {
    /// Makes NIO's event loops the threads that run Swift concurrency tasks. Route handlers
    /// are async, so by default every request hops from an event loop thread (reading the
    /// socket) to the concurrency pool (running the search) and back (writing the answer);
    /// with one set of threads those hops and their context switches go away. On 2 cores
    /// an A/B run gave about 20% more requests per second and half the p99 latency
    /// (docs/BENCHMARKS.md). A search still occupies its thread either way: the default
    /// pool has one thread per core too. Must be called from the main thread, before the
    /// first task starts; returns whether it took effect.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
