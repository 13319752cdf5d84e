/// Every kind of file a segment consists of: its code in the file header and its file-name
/// extension. This is the only place either is spelled.
///
/// A segment named `s` is the files `s.seg`, `s.tdx`, …; docs/INDEX_FORMAT.md has the
/// table and one grammar per file. Codes are never reused: a retired kind keeps its number.
public enum SegmentFile: UInt8, CaseIterable, Sendable {
    /// Segment metadata: passage count, analyzer identity, the statistics BM25 needs
    /// (total passage length), the list of files.
    case segmentInfo = 1
    /// The sparse in-memory index over the term dictionary: every n-th term and its offset.
    case termIndex = 2
    /// All terms, sorted by their UTF-8 bytes, with per-term statistics and pointers into
    /// the postings and positions.
    case termDictionary = 3
    /// Per term: passage-id gaps and frequencies in blocks of 128, with skip data.
    case postings = 4
    /// Per term and passage: token positions. Apart from postings so that queries without
    /// phrases never read them.
    case positions = 5
    /// One length (in tokens) per passage, for BM25's length normalisation.
    case passageLengths = 6
    /// Passage text and document metadata in compressed blocks, with a block index.
    case storedFields = 7
    /// The deletion bitmap. Unlike the others it is rewritten as passages are deleted, so
    /// its name carries a generation: `s_1.del`, `s_2.del`, ….
    case deletions = 8
    /// One record per document: id, source, change-detection facts (size, mtime, hash),
    /// the filter columns (date, type, dossiers) and where its passages and stored record are.
    case documents = 9
    /// The commit point `segments_N` (no segment of its own: its header carries a zero id).
    /// Named by ``ManifestStore``, not by ``fileName(segment:generation:)``.
    case manifest = 10
    /// The body exact forms written in letters only, with their document counts, in byte
    /// order and in the byte order of their reversals: what "did you mean" searches
    /// (version 9 on; ``SpellingLists``).
    case spellingLists = 11

    /// The extension without its dot.
    public var fileExtension: String {
        switch self {
        case .segmentInfo: "seg"
        case .termIndex: "tdx"
        case .termDictionary: "tdc"
        case .postings: "pst"
        case .positions: "pos"
        case .passageLengths: "len"
        case .storedFields: "sto"
        case .deletions: "del"
        case .documents: "doc"
        case .manifest: "mft"
        case .spellingLists: "spl"
        }
    }

    /// The kind with this extension (without its dot), or nil.
    public init?(fileExtension: some StringProtocol) {
        guard let kind = Self.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = kind
    }

    /// The file's name for segment `segment`. Only ``deletions`` takes a generation, and
    /// needs one: each new deletion set is a new file, never a rewrite.
    public func fileName(segment: String, generation: Int? = nil) -> String {
        precondition((self == .deletions) == (generation != nil), "only deletions files carry a generation")
        if let generation {
            return "\(segment)_\(generation).\(fileExtension)"
        }
        return "\(segment).\(fileExtension)"
    }
}
