import Foundation

/// Produces batch results on a background thread while the caller consumes earlier ones,
/// so that extraction and analysis (on the worker threads) overlap with the one writer
/// adding documents to the segment: without it the workers idle while the writer works.
///
/// At most `lookahead` finished batches wait at a time, which bounds the memory of
/// extracted-but-not-yet-indexed documents.
final class BatchPipeline<Output: Sendable>: @unchecked Sendable {
    // @unchecked: `results`, `consumed` and `cancelled` are touched only under `condition`.
    private let condition = NSCondition()
    private var results: [Int: Output] = [:]
    private var consumed = 0
    private var cancelled = false

    init(batchCount: Int, lookahead: Int = 2, produce: @escaping @Sendable (Int) -> Output) {
        let thread = Thread { [self] in
            for index in 0 ..< batchCount {
                condition.lock()
                while index - consumed >= lookahead, !cancelled { condition.wait() }
                let stop = cancelled
                condition.unlock()
                if stop { return }
                let output = produce(index)
                condition.lock()
                results[index] = output
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.name = "kamerzoek-extraction"
        thread.start()
    }

    /// The result of batch `index`, waiting for it if need be. Batches are taken in order.
    func take(_ index: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let output = results.removeValue(forKey: index)!
        consumed = index + 1
        condition.broadcast()
        return output
    }

    /// Lets the producer stop after its current batch (the consumer gave up, e.g. on an error).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
