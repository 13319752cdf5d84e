import Foundation
import IndexStore
import Testing

/// A small index in a temporary directory, built with `IndexWriter.add`, so that every
/// expected total and field is known exactly. More documents can be committed while a
/// server reads it.
final class TestIndex: @unchecked Sendable {
    // Unchecked: the directory name never changes; writers are made per call.
    let directory: String
    private let owned: Bool

    static func passage(_ text: String, heading: String? = nil) -> StoredPassage {
        StoredPassage(heading: heading, text: text, start: 0, end: text.utf8.count)
    }

    static let documents: [StoredDocument] = [
        StoredDocument(
            id: "brief-geweld", source: "Corpus/brief-geweld.txt", contentHash: "1", title: "Voortgang aanpak huiselijk geweld",
            date: "2024-03-01", type: "brief", dossiers: ["28345"], documentNumber: "252", authors: ["De minister"],
            passages: [
                passage("De aanpak van huiselijk geweld vraagt maatregelen van gemeenten."),
                passage("Het kabinet neemt een maatregel tegen femicide.", heading: "Femicide"),
            ],
            notes: [StoredNote(label: "1", text: "Zie de monitor.")]),
        StoredDocument(
            id: "motie-onderwijs", source: "Corpus/motie-onderwijs.txt", contentHash: "2", title: "Motie over wiskunde-onderwijs",
            date: "2023-06-15", type: "motie", dossiers: ["36658"],
            passages: [passage("Verzoekt de regering het wiskunde-onderwijs te versterken en geweld op school tegen te gaan.")]),
        StoredDocument(
            id: "wetten/BWBR0001 art 1", source: "Corpus/wetten/BWBR0001 art 1.md", contentHash: "3",
            title: "Wet \"huiselijk\" <geweld> & zo", date: "2020-01-01", type: "wet",
            passages: [passage("Geweld in huiselijke kring is strafbaar <b>echt</b> & zo.", heading: "Artikel 1 <kop>")]),
        StoredDocument(
            id: "zonder-datum", source: "Corpus/zonder-datum.txt", contentHash: "4", title: nil, date: nil, type: "overig",
            passages: [passage("Huiselijk geweld en seksueel geweld in de regio.")]),
    ]

    /// One commit of `documents`. (One only: see `FileCorpus` on `IndexWriter.add`.)
    init(documents: [StoredDocument] = TestIndex.documents) throws {
        directory = NSTemporaryDirectory() + "kamerzoek-server-" + UUID().uuidString
        owned = true
        try IndexWriter(directory: directory).add(documents)
    }

    /// An index that someone else made and removes.
    init(existing directory: String) {
        self.directory = directory
        owned = false
    }

    /// Creates an empty directory: no commit yet.
    init(empty: Void) throws {
        directory = NSTemporaryDirectory() + "kamerzoek-server-" + UUID().uuidString
        owned = true
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        if owned { try? FileManager.default.removeItem(atPath: directory) }
    }
}

extension TestIndex {
    /// Writes garbage over the term dictionary: opening or searching the index finds it damaged.
    func damageTermDictionary() throws {
        let dictionary = try #require(FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".tdc") })
        let path = directory + "/" + dictionary
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try Data(repeating: 0xA5, count: size).write(to: URL(fileURLWithPath: path))
    }
}
