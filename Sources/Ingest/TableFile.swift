import Foundation
/// Tab- or comma-separated tables. A table is not a document: indexed as one it shows
/// up in results as a wall of cells under a title like "file original_path bytes". The
/// one table format we read as text is the ParlSpeech export (one speech per row, with
/// `speaker` and `text` columns), until it is cut into a document per speech.
enum TableFile {
    /// Why the file is skipped, or nil when it is not a table we skip.
    static func skipReason(path: String, bytes: [UInt8]) -> String? {
        let lower = path.lowercased()
        let separator: UInt8
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") {
            separator = 0x09
        } else if lower.hasSuffix(".csv") {
            separator = UInt8(ascii: ",")
        } else {
            return nil
        }
        let headerEnd = bytes.prefix(4096).firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? min(bytes.count, 4096)
        let header = String(decoding: bytes[..<headerEnd], as: UTF8.self).lowercased()
        let columns = header.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: ["\"", " ", "\u{FEFF}"]) }
        if columns.contains("speaker"), columns.contains("text") { return nil }
        guard columns.count >= 2 else { return nil }
        let kind = FolderManifest.fileNames.contains(String(path.split(separator: "/").last ?? "")) ? "a manifest" : "a table"
        return "\(kind) of \(columns.count) columns (\(columns.prefix(4).joined(separator: ", "))\(columns.count > 4 ? ", …" : "")), not a document; manifests give their rows' url, date and title to the files they list"
    }
}
