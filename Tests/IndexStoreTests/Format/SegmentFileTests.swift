import Testing
@testable import IndexStore

@Suite struct SegmentFileTests {
    @Test func codesAndExtensionsAreUnique() {
        let kinds = SegmentFile.allCases
        #expect(Set(kinds.map(\.rawValue)).count == kinds.count)
        #expect(Set(kinds.map(\.fileExtension)).count == kinds.count)
        for kind in kinds {
            #expect(kind.fileExtension.count == 3)
            #expect(SegmentFile(fileExtension: kind.fileExtension) == kind)
        }
        #expect(SegmentFile(fileExtension: "txt") == nil)
    }

    @Test func fileNames() {
        #expect(SegmentFile.postings.fileName(segment: "s12") == "s12.pst")
        #expect(SegmentFile.deletions.fileName(segment: "s12", generation: 3) == "s12_3.del")
    }
}
