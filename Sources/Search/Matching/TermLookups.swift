import IndexStore
import Foundation

/// The term dictionary's answers during one search: a query looks each of its terms up
/// several times per segment (document frequency, counting, ranking, gathering, rescoring,
/// title versions), and every lookup scans a block of the front-coded dictionary.
/// Emptied at the start of each search, so that a benchmark repeating a query measures the
/// dictionary as a new query meets it, and memory does not grow with a server's queries.
final class TermLookups: Sendable {
    private struct Key: Hashable {
        let segment: ObjectIdentifier
        let space: TermSpace
        let term: String
    }

    private struct SpaceTerm: Hashable {
        let space: TermSpace
        let term: String
    }

    private struct Answers {
        var known: [Key: TermInfo?] = [:]
        var frequencies: [SpaceTerm: Int] = [:]
    }

    /// Locked because a search may share its segments out among threads
    /// (``SegmentWorkers``); a look-up itself runs outside the lock, so two threads may
    /// both make the same one, and agree. An `NSLock` (a pthread mutex) rather than the
    /// standard library's `Mutex`: ThreadSanitizer sees the pthread calls, and reports
    /// every access under `Mutex` (a bare futex on Linux) as a race.
    private let lock = NSLock()
    /// Invariant: touched only inside ``withAnswers(_:)``, under `lock` (the compiler
    /// cannot tie a variable to a lock, hence `nonisolated(unsafe)`).
    nonisolated(unsafe) private var answers = Answers()

    private func withAnswers<Result>(_ body: (inout Answers) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&answers)
    }

    /// Passages (or titles) with the term in all of `segments`: every segment's matcher
    /// needs the index-wide figure, so it is summed once per search, not once per segment.
    func documentFrequency(_ segments: [IndexSnapshot.Segment], _ space: TermSpace, _ term: String) throws -> Int {
        let key = SpaceTerm(space: space, term: term)
        if let known = withAnswers({ $0.frequencies[key] }) { return known }
        var total = 0
        for segment in segments { total += Int(try info(segment.reader, space, term)?.documentFrequency ?? 0) }
        withAnswers { $0.frequencies[key] = total }
        return total
    }

    func info(_ segment: SegmentReader, _ space: TermSpace, _ term: String) throws -> TermInfo? {
        let key = Key(segment: ObjectIdentifier(segment), space: space, term: term)
        if let answer = withAnswers({ $0.known[key] }) { return answer }
        let answer = try segment.termInfo(space, term)
        withAnswers { $0.known[key] = .some(answer) }
        return answer
    }

    func forget() {
        withAnswers { answers in
            answers.known.removeAll(keepingCapacity: true)
            answers.frequencies.removeAll(keepingCapacity: true)
        }
    }
}
