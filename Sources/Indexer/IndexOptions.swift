import Foundation

/// How `kamerzoek index` runs; the defaults are the CLI's.
public struct IndexOptions: Sendable {
    /// Memory for the workers' in-memory segments: each worker flushes its segment when it
    /// holds its share (the budget divided by the workers). It bounds the segments being
    /// built, not the process: a flush builds the files in memory for a moment, and a merge
    /// holds its largest term's postings (the peaks measured with the default are in
    /// docs/BENCHMARKS.md, "Indexing engine").
    public var ramBudgetBytes = 256 << 20
    /// Remove documents whose files have gone from the given roots (`--no-prune` keeps them).
    public var prune = true
    /// Workers: each extracts, analyses and inverts files into a segment of its own.
    public var workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Larger files are skipped with a warning: no parliamentary text comes near this, and
    /// reading a multi-gigabyte file whole would starve the machine.
    public var maximumFileSize: UInt64 = 256 << 20
    /// Segments merge in groups of this many per size tier.
    public var mergeFactor = 10
    /// The most live passages one merge may write; nil, the default, for no limit. A merge
    /// copies postings and streams its files to disk (``SegmentMerger``), so its memory
    /// does not grow with its size; the limit only bounds how long one merge may take.
    public var maximumMergedPassages: Int?
    /// Files are dealt out to the workers in chunks of consecutive files of about this
    /// many bytes (at most 64 files): a run over less than this is one worker's, and so
    /// one segment. Tests lower it to spread a few small files over the workers.
    var chunkBytes: UInt64 = 4 << 20

    public init() {}
}


/// What a run did, for the summary line and `--json`.
public struct IndexSummary: Sendable, Codable, Equatable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    /// Files that could not be read (permissions, vanished, too large).
    public var failed = 0
    /// Files read but holding no document (binary, empty, an archive).
    public var skipped = 0
    /// Bytes of the files that were extracted.
    public var bytes: UInt64 = 0
    public var seconds = 0.0
    /// The commit generation after the run (unchanged when nothing changed).
    public var generation: UInt64 = 0
    public var warnings: [String] = []

    public init() {}
}

/// Reported after each file, from the writer's thread.
public struct IndexProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: UInt64
    public var bytesTotal: UInt64
}
