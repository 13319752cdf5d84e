/// What one commit of an index holds, in figures: the one shape of `kamerzoek stats
/// --json` and `GET /api/stats` (its schema is in the server's OpenAPI document). The
/// snake_case names are the JSON contract: fields may be added, never renamed.
public struct IndexStatistics: Codable, Sendable, Equatable {
    /// Live documents.
    public var documents: Int
    /// Live passages, footnotes included.
    public var passages: Int
    /// Distinct terms over all segments (a term in two segments counts once).
    public var terms: Int
    public var segments: Int
    /// The files the commit uses, its manifest included.
    public var bytes_on_disk: UInt64
    /// The analyzer's identity, as the index records it.
    public var analyzer: String
    public var generation: UInt64
    /// ``IndexSnapshot/contentFingerprint()``: equal for two commits that hold the same
    /// documents in the same versions, however they are laid out in segments; a script
    /// can tell from it whether a run of `kamerzoek index` changed anything.
    public var fingerprint: String

    /// Reads every term dictionary (for `terms`) and every live document's entry (for
    /// `fingerprint`): a server computes this once per commit, not per request.
    public init(_ snapshot: IndexSnapshot) throws {
        documents = snapshot.documentCount
        passages = snapshot.passageCount
        terms = try snapshot.distinctTermCount()
        segments = snapshot.segments.count
        bytes_on_disk = snapshot.bytesOnDisk()
        analyzer = snapshot.manifest.analyzer.description
        generation = snapshot.manifest.generation
        fingerprint = snapshot.contentFingerprint()
    }
}
