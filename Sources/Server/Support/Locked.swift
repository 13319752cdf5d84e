import Foundation

/// A value behind a lock, shared between request tasks.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 while the package still builds
/// for macOS 14; an `NSLock` works everywhere and these critical sections are a few loads
/// and stores.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
