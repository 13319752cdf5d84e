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
    /// The three things built on first use, each with its own lock: `nonisolated(unsafe)`
    /// because the compiler cannot tie a variable to a lock. Invariant: each is read and
    /// written only while its lock is held (`lock`: ``filterColumns(_:)``; `facetLock`:
    /// ``facetColumns()``; `spellingLock`: ``spellingDictionary()``,
    /// ``isSuggestionPrepared``), and what it holds is immutable once stored. `NSLock`s
    /// (pthread mutexes) because ThreadSanitizer sees their calls (see ``TermLookups``).
    private let lock = NSLock()
    nonisolated(unsafe) private var builtFilterColumns: [FilterColumns]?
    private let facetLock = NSLock()
    nonisolated(unsafe) private var builtFacetColumns: (names: FacetNames, columns: [FacetColumns])?
    private let spellingLock = NSLock()
    /// The dictionary, or why it could not be built (kept, so that a damaged index does
    /// not have every search that looks for a suggestion try again).
    nonisolated(unsafe) private var builtSpellingDictionary: Result<SpellingDictionary, any Error>?

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

    /// What facets count by, per segment, and the names of the values: built on the
    /// first search that asks for facets.
    func facetColumns() -> (names: FacetNames, columns: [FacetColumns]) {
        let filters = snapshot.segments.indices.map(filterColumns)
        facetLock.lock()
        defer { facetLock.unlock() }
        if let builtFacetColumns { return builtFacetColumns }
        let built = FacetNames.build(snapshot.segments, filterColumns: filters)
        builtFacetColumns = built
        return built
    }

    /// The frequent exact forms of the snapshot, for "did you mean" (``SpellingDictionary``):
    /// built on first use, which a server makes while it prepares a commit
    /// (``prepareSuggestions()``), before serving it, so that no request waits for it.
    func spellingDictionary() throws -> SpellingDictionary {
        spellingLock.lock()
        defer { spellingLock.unlock() }
        if let builtSpellingDictionary { return try builtSpellingDictionary.get() }
        let built = Result { try SpellingDictionary(snapshot) }
        builtSpellingDictionary = built
        return try built.get()
    }

    /// Builds what suggestions read (``spellingDictionary()``) now, off any request's path.
    public func prepareSuggestions() throws {
        _ = try spellingDictionary()
    }

    /// Whether the spelling dictionary was built (or failed to be) already: a server's
    /// commits are served only after (tests).
    public var isSuggestionPrepared: Bool {
        spellingLock.lock()
        defer { spellingLock.unlock() }
        return builtSpellingDictionary != nil
    }

    /// The spelling dictionary's terms and the bytes its arrays hold, built if need be
    /// (for benchmarks).
    public func spellingDictionarySize() throws -> (terms: Int, bytes: Int) {
        let dictionary = try spellingDictionary()
        return (dictionary.count, dictionary.memoryBytes)
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
