import Foundation

/// A manifest beside the files it describes: `MANIFEST.tsv` (any case) in the file's
/// folder, tab-separated, its first line naming the columns. A row names a file in the
/// `file` column and may state its official address (`url`, `source_url`), its `date`
/// and its `title`; a document takes from its row what its own text does not say (the
/// Staten-Generaal Digitaal papers' manifest lists their publication URLs). The manifest
/// itself is a table, not a document (`TableFile`).
struct FolderManifest: Sendable {
    struct Row: Sendable, Equatable {
        var url: String?
        var date: String?
        var title: String?
    }

    var rows: [String: Row] = [:]

    static let fileNames = ["MANIFEST.tsv", "manifest.tsv", "Manifest.tsv"]

    /// Parses the manifest's text; nil when its header has no `file` column or none of
    /// the columns a document can use.
    init?(text: String) {
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).makeIterator()
        guard let header = lines.next() else { return nil }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard let fileColumn = columns.firstIndex(of: "file") else { return nil }
        let urlColumn = columns.firstIndex(of: "url") ?? columns.firstIndex(of: "source_url") ?? columns.firstIndex(of: "official_url")
        let dateColumn = columns.firstIndex(of: "date")
        let titleColumn = columns.firstIndex(of: "title")
        guard urlColumn != nil || dateColumn != nil || titleColumn != nil else { return nil }
        while let line = lines.next() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            func cell(_ index: Int?) -> String? {
                guard let index, index < cells.count else { return nil }
                let value = cells[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let file = cell(fileColumn) else { continue }
            let url = cell(urlColumn).flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            rows[file] = Row(url: url, date: cell(dateColumn).flatMap(DocumentMetadata.isoDate(from:)), title: cell(titleColumn))
        }
    }
}

/// Manifests read once per folder and shared by every file in it (an index run asks for
/// each of thousands of files). Unchecked: `byFolder` is only touched under `lock`.
final class FolderManifests: @unchecked Sendable {
    private let lock = NSLock()
    private var byFolder: [String: FolderManifest?] = [:]

    /// The row for the file at `path`, if its folder has a manifest that lists it.
    func row(for path: String) -> FolderManifest.Row? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if FolderManifest.fileNames.contains(name) { return nil }
        let cached = lock.withLock { byFolder[folder] }
        let manifest = cached ?? load(folder)
        return manifest?.rows[name]
    }

    private func load(_ folder: String) -> FolderManifest? {
        var manifest: FolderManifest?
        for name in FolderManifest.fileNames where FileReading.exists(folder + "/" + name) {
            if let bytes = try? FileReading.read(folder + "/" + name) {
                manifest = FolderManifest(text: TextDecoder.decode(bytes).text)
            }
            break
        }
        lock.withLock { byFolder[folder] = manifest }
        return manifest
    }
}
