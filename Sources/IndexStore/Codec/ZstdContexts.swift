import Foundation
internal import CZstd

/// zstd contexts kept for reuse, one pool per direction.
///
/// A context holds zstd's working memory (for decompression about 160 KB, more for
/// compression); creating one per record made its allocation and first touch cost as much
/// as the decompression of a typical record. Contexts are taken and given back under a
/// lock, so any thread may use the pool; the pool keeps at most ``idleLimit`` idle ones,
/// about one per thread that compresses or decompresses at the same moment.
final class ZstdContexts: @unchecked Sendable {
    static let compression = ZstdContexts(create: { ZSTD_createCCtx() }, free: { _ = ZSTD_freeCCtx($0) })
    static let decompression = ZstdContexts(create: { ZSTD_createDCtx() }, free: { _ = ZSTD_freeDCtx($0) })

    /// Idle contexts beyond this are freed when given back.
    static let idleLimit = 16

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var idle: [OpaquePointer] = []
    private let create: () -> OpaquePointer?
    private let free: (OpaquePointer) -> Void

    private init(create: @escaping () -> OpaquePointer?, free: @escaping (OpaquePointer) -> Void) {
        self.create = create
        self.free = free
    }

    /// Runs `body` with a context that no other thread uses meanwhile. A context keeps no
    /// state from one frame to the next that changes the output: zstd resets it at every
    /// call of the one-shot functions.
    func with<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        let context = take()
        defer { giveBack(context) }
        return body(context)
    }

    private func take() -> OpaquePointer {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        if let reused { return reused }
        // Creation fails only without memory.
        guard let created = create() else { preconditionFailure("zstd could not allocate a context") }
        return created
    }

    private func giveBack(_ context: OpaquePointer) {
        lock.lock()
        let kept = idle.count < Self.idleLimit
        if kept { idle.append(context) }
        lock.unlock()
        if !kept { free(context) }
    }
}
