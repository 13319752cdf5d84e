import Foundation
import Testing
@testable import IndexStore
@testable import Indexer

@Suite("File walker")
struct FileWalkerTests {
    @Test func walksTheRulesOfIndexing() throws {
        let directory = TemporaryDirectory()
        let root = directory.path + "/corpus"
        let files = [
            "a.txt", "map/b.xml", "map/b.metadata.xml", "map/c/metadata.xml", "map/c.xml",
            ".verborgen.txt", ".git/config", "README.md", "map/README", "diep/er/in/d.md",
        ]
        for file in files {
            let path = "\(root)/\(file)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link.txt", withDestinationPath: root + "/a.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/maplink", withDestinationPath: root + "/map")
        try FileManager.default.createSymbolicLink(atPath: root + "/kapot.txt", withDestinationPath: root + "/bestaat-niet")

        let result = try FileWalker.walk([root])
        #expect(result.files.map(\.path) == [
            "\(root)/a.txt", "\(root)/diep/er/in/d.md", "\(root)/link.txt", "\(root)/map/b.xml", "\(root)/map/c.xml",
        ])
        #expect(result.files.allSatisfy { $0.root == root })
        #expect(result.files[0].size == 5)
        // The link is read as its target, with the target's size.
        #expect(result.files[2].size == 5)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.contains { $0.hasPrefix("\(root)/maplink: a link to a folder") })
        #expect(result.warnings.contains { $0.hasPrefix("\(root)/kapot.txt: a link to nothing readable") })
    }

    @Test func aSingleFileAndOverlappingRoots() throws {
        let directory = TemporaryDirectory()
        let file = directory.path + "/brief.txt"
        try Data("Brief".utf8).write(to: URL(fileURLWithPath: file))
        // A file named as root counts once, relative to its folder.
        let result = try FileWalker.walk([file, directory.path, directory.path + "/./brief.txt"])
        #expect(result.files.map(\.path) == [file])
        #expect(result.files[0].root == directory.path)
    }

    @Test func excludedFoldersAreNotEntered() throws {
        let directory = TemporaryDirectory()
        for file in ["brief.txt", "Index/write.lock", "Index/segments_1", "Index/sub/x.txt"] {
            let path = "\(directory.path)/\(file)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        }
        // However the folder is spelled: it is recognised by device and inode.
        let result = try FileWalker.walk([directory.path], excluding: [directory.path + "/./Index/"])
        #expect(result.files.map(\.path) == [directory.path + "/brief.txt"])
        #expect(try FileWalker.walk([directory.path + "/Index"], excluding: [directory.path + "/Index"]).files.isEmpty)
        #expect(try FileWalker.walk([directory.path], excluding: [directory.path + "/bestaat-niet"]).files.count == 4)
    }

    @Test func aMissingRootThrows() {
        #expect(throws: FileWalker.MissingRoot.self) { _ = try FileWalker.walk(["/bestaat/niet"]) }
        #expect("\(FileWalker.MissingRoot(path: "Corpsu"))" == "Cannot index Corpsu: no such file or folder.")
    }

    @Test func pathsAreNormalised() {
        let working = FileManager.default.currentDirectoryPath
        #expect(FileWalker.normalize(".") == ".")
        #expect(FileWalker.normalize("./Corpus//a.txt") == "Corpus/a.txt")
        #expect(FileWalker.normalize("Corpus/x/../a.txt") == "Corpus/a.txt")
        #expect(FileWalker.normalize(working + "/Corpus/a.txt") == "Corpus/a.txt")
        #expect(FileWalker.normalize(working) == ".")
        #expect(FileWalker.normalize("/elders/a.txt") == "/elders/a.txt")
    }

    @Test func sidecarNames() {
        #expect(FileWalker.isSidecar("metadata.xml"))
        #expect(FileWalker.isSidecar("kst-1.metadata.xml"))
        #expect(!FileWalker.isSidecar("metadata.xml.bak"))
        #expect(!FileWalker.isSidecar("kst-1.xml"))
    }
}
