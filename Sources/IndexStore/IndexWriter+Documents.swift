extension IndexWriter {
    /// Adds documents that are already extracted (other front ends, tests), replacing live
    /// documents with the same ids, in one commit. Files are not involved: nothing is
    /// pruned, and change detection does not apply.
    public func add(_ documents: [StoredDocument]) throws {
        let snapshot = manifest.segments.isEmpty ? nil : try IndexSnapshot(directory: directory, manifest: manifest)
        var deletions: [Int: Set<Int>] = [:]
        let replaced = Set(documents.map(\.id))
        snapshot?.forEachLiveDocument { segment, ordinal, entry in
            if replaced.contains(entry.id) { deletions[segment, default: []].insert(ordinal) }
        }
        var segment = SegmentInverter()
        // The last of several documents with one id wins, as a later file does in a run.
        var last: [String: Int] = [:]
        for (index, document) in documents.enumerated() { last[document.id] = index }
        for (index, document) in documents.enumerated() where last[document.id] == index {
            try segment.add(document, analyzer: analyzer)
        }
        var next = manifest
        next.segments = try applyDeletions(deletions, to: manifest.segments)
        if !segment.isEmpty { next.segments.append(try flush(segment)) }
        try commit(next)
    }
}
