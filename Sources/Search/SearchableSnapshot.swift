import Foundation
import IndexStore

/// An index snapshot with what every search of it reads besides the segments' files: the
/// live documents per segment and the filter columns. Built once per commit and shared by
/// all the searchers of that commit (a server's pool), so that neither a new searcher nor
/// a query pays for it again; immutable once built, hence `Sendable`.
///
/// The filter columns are built on the first filtered search, not at opening: they decode
/// every document's type and dossiers, which a `kamerzoek search` without a filter never
/// reads.
public final class SearchableSnapshot: Sendable {
    public let snapshot: IndexSnapshot
    /// Per segment, per document: not deleted in this snapshot.
    let liveDocuments: [[Bool]]
    /// Passages and titles over all segments, for BM25.
    let passageStatistics: BM25
    let titleStatistics: BM25
    /// Built once under `lock`, then only read. An `NSLock` (a pthread mutex) because
    /// ThreadSanitizer sees its calls (see ``TermLookups``).
    private let lock = NSLock()
    nonisolated(unsafe) private var builtFilterColumns: [FilterColumns]?

    public init(_ snapshot: IndexSnapshot) {
        self.snapshot = snapshot
        liveDocuments = snapshot.segments.map(Self.liveDocuments)
        passageStatistics = BM25(
            count: snapshot.segments.reduce(0) { $0 + $1.reader.passages.count },
            lengthSum: snapshot.segments.reduce(0) { $0 + $1.reader.passages.lengthSum })
        titleStatistics = BM25(
            count: snapshot.segments.reduce(0) { $0 + $1.reader.documents.count },
            lengthSum: snapshot.segments.reduce(0) { $0 + $1.reader.titleLengthSum })
    }

    /// Builds now what would otherwise be built by the first search that needs it (the
    /// filter columns), for a server that prepares a new commit before serving it.
    public func prepare() {
        if !snapshot.segments.isEmpty { _ = filterColumns(0) }
    }

    /// What filters test in segment `index`.
    func filterColumns(_ index: Int) -> FilterColumns {
        lock.lock()
        defer { lock.unlock() }
        if let builtFilterColumns { return builtFilterColumns[index] }
        let typeNumbers = FilterColumns.TypeNumbers(snapshot.segments)
        let columns = snapshot.segments.map { FilterColumns($0.reader, typeNumbers: typeNumbers) }
        builtFilterColumns = columns
        return columns[index]
    }

    /// Per document of `segment`: not deleted in this snapshot.
    private static func liveDocuments(_ segment: IndexSnapshot.Segment) -> [Bool] {
        var live = Array(repeating: true, count: segment.reader.documents.count)
        if let deletions = segment.deletions {
            for ordinal in live.indices where deletions.isDeleted(ordinal) { live[ordinal] = false }
        }
        return live
    }
}
