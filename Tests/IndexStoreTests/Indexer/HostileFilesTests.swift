import Foundation
import Testing
@testable import IndexStore
@testable import Indexer

/// Files that try to break the indexer: each must end as a warning (or a harmless
/// document), and the run must complete and commit everything else.
@Suite("Hostile files")
struct HostileFilesTests {
    let root: TemporaryDirectory
    let index: TemporaryDirectory

    init() throws {
        root = TemporaryDirectory()
        index = TemporaryDirectory()
        try "Een gewone brief over huiselijk geweld.\n".write(toFile: "\(root.path)/gewoon.txt", atomically: false, encoding: .utf8)
    }

    private func write(_ name: String, _ bytes: [UInt8]) {
        FileManager.default.createFile(atPath: "\(root.path)/\(name)", contents: Data(bytes))
    }

    private func run() throws -> (IndexSummary, IndexSnapshot) {
        let summary = try IndexWriter(directory: index.path).index([root.path])
        return (summary, try IndexSnapshot.open(directory: index.path))
    }

    @Test func billionLaughsAndXXEAreNotExpanded() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
            <lolz>&lol9;</lolz>
            """
        write("laughs.xml", Array(laughs.utf8))
        try "geheim-wachtwoord-123".write(toFile: "\(root.path)/secret.txt.hidden", atomically: false, encoding: .utf8)
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file://\(root.path)/secret.txt.hidden">]>
            <brief><al>Tekst &xxe; einde</al></brief>
            """
        write("xxe.xml", Array(xxe.utf8))
        let (summary, snapshot) = try run()
        #expect(summary.failed == 0)
        for id in ["laughs", "xxe"] {
            // Indexed, but with the entities left unexpanded and a warning naming the file.
            let document = try #require(try snapshot.storedDocument(id: id))
            let text = document.passages.map(\.text).joined(separator: " ")
            #expect(!text.contains("lollollol"))
            #expect(!text.contains("geheim-wachtwoord"))
            #expect(document.warnings.contains { $0.contains("\(id).xml") && ($0.contains("not expanded") || $0.contains("entity")) })
        }
        #expect(try snapshot.storedDocument(id: "gewoon") != nil)
    }

    @Test func deeplyNestedXMLAndInvalidUTF8() throws {
        let deep = "<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: 100_000) + "diep" + String(repeating: "</a>", count: 100_000)
        write("diep.xml", Array(deep.utf8))
        write("kapot.txt", Array("Geweld".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array(" en meer tekst in Windows-1252: caf\u{E9}".utf8).map { $0 == 0xC3 ? 0xE9 : $0 })
        let (summary, snapshot) = try run()
        #expect(summary.failed == 0)
        #expect(summary.added + summary.skipped == 3)
        #expect(try snapshot.storedDocument(id: "gewoon") != nil)
        if let kapot = try snapshot.storedDocument(id: "kapot") {
            // Whatever was repaired, the stored text is valid UTF-8 and keeps the words.
            #expect(kapot.passages.map(\.text).joined().contains("Geweld"))
        }
    }

    @Test func binaryEmptyAndOversizedFilesAreReportedNotIndexed() throws {
        write("plaatje.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 4096))
        write("leeg.txt", [])
        // A sparse file of 1 GiB: no disk space used, but far over the size limit.
        let sparse = "\(root.path)/groot.txt"
        FileManager.default.createFile(atPath: sparse, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: sparse))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let (summary, snapshot) = try run()
        #expect(summary.added == 1)
        #expect(summary.failed == 1)  // the 1 GiB file, refused before reading
        #expect(summary.warnings.contains { $0.contains("groot.txt") })
        #expect(summary.warnings.contains { $0.contains("plaatje.png") })
        #expect(snapshot.documentCount == 1)
    }

    @Test func symlinkLoopsAndDanglingLinksAreWarnings() throws {
        try FileManager.default.createDirectory(atPath: "\(root.path)/map", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(root.path)/map/lus", withDestinationPath: "\(root.path)/map")
        try FileManager.default.createSymbolicLink(atPath: "\(root.path)/weg.txt", withDestinationPath: "\(root.path)/bestaat-niet.txt")
        let (summary, snapshot) = try run()
        #expect(summary.added == 1)
        #expect(summary.warnings.contains { $0.contains("lus") && $0.contains("not followed") })
        #expect(summary.warnings.contains { $0.contains("weg.txt") })
        #expect(snapshot.documentCount == 1)
    }

    @Test func aMissingRootIsAnErrorNotAnEmptyIndex() throws {
        #expect(throws: FileWalker.MissingRoot.self) {
            try IndexWriter(directory: index.path).index(["\(root.path)/bestaat-niet"])
        }
    }
}
