import Analysis
import Foundation

/// Runs `work` over `items` on `workers` threads, each with an analyzer of its own (a
/// libstemmer object serves one thread only), and returns the results in item order.
///
/// Threads pull the next item from a shared counter, so a few large files do not leave
/// the other threads idle behind a fixed split.
enum ParallelMap {
    private final class Shared<Result>: @unchecked Sendable {
        // @unchecked: every field is touched only under `lock`.
        let lock = NSLock()
        var next = 0
        var results: [Result?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            next += 1
            return next - 1
        }

        func store(_ result: Result, at index: Int) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }
    }

    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], workers: Int, analyzers: [Analyzer], _ work: @escaping @Sendable (Item, Analyzer) -> Result
    ) -> [Result] {
        let shared = Shared<Result>(count: items.count)
        let threads = max(1, min(workers, items.count, analyzers.count))
        let pool = UncheckedAnalyzers(analyzers)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let analyzer = pool.analyzers[thread]
            while true {
                let index = shared.take()
                guard index < items.count else { return }
                shared.store(work(items[index], analyzer), at: index)
            }
        }
        return shared.results.map { $0! }
    }

    /// Hands each thread its own analyzer; no analyzer is ever used by two threads.
    private struct UncheckedAnalyzers: @unchecked Sendable {
        let analyzers: [Analyzer]
        init(_ analyzers: [Analyzer]) { self.analyzers = analyzers }
    }
}
