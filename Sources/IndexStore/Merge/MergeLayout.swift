/// Where the live documents and passages of merged segments land in the new segment, and
/// the new segment's per-document and per-passage tables.
///
/// Live documents keep their order, source after source, each followed by its passages;
/// ``documentMaps`` and ``unitMaps`` turn a source's ids into new ones (``dropped`` for
/// deleted documents and their passages). The tables are copied from the sources' (the
/// stored offsets are filled in as the records are copied).
struct MergeLayout {
    /// The new id of a deleted document or passage: none.
    static let dropped = UInt32.max

    private(set) var documentMaps: [[UInt32]] = []
    private(set) var unitMaps: [[UInt32]] = []
    private(set) var entries: [DocumentEntry] = []
    private(set) var titleLengths: [UInt32] = []
    private(set) var unitDocuments: [UInt32] = []
    private(set) var unitLengths: [UInt32] = []
    private(set) var unitHeadingLengths: [UInt32] = []
    /// Copied as they are; a source older than signatures gives ``PassageSignature/none``.
    private(set) var unitSignatures: [UInt64] = []

    init(_ sources: [IndexSnapshot.Segment]) {
        for source in sources {
            let reader = source.reader
            var documentMap = Array(repeating: Self.dropped, count: reader.documents.count)
            var unitMap = Array(repeating: Self.dropped, count: reader.passages.count)
            for document in reader.documents.indices where source.isLive(document: document) {
                documentMap[document] = UInt32(entries.count)
                var entry = reader.documents[document]
                let units = reader.unitRanges[document]
                entry.firstUnit = UInt32(unitLengths.count)
                for unit in units {
                    unitMap[Int(unit)] = UInt32(unitLengths.count)
                    unitDocuments.append(UInt32(entries.count))
                    unitLengths.append(reader.passages.length(Int(unit)))
                    unitHeadingLengths.append(reader.passages.headingLength(Int(unit)))
                    unitSignatures.append(reader.passages.signature(Int(unit)))
                }
                titleLengths.append(entry.titleLength)
                entries.append(entry)
            }
            documentMaps.append(documentMap)
            unitMaps.append(unitMap)
        }
    }
}
