@_exported import SeededRandom  // every test file of the target uses the seeded generator
import Testing
@testable import IndexStore

/// The bytes as a slice named like a file, so error messages in failures are readable.
func slice(_ bytes: [UInt8], name: String = "test.bin") -> ByteSlice {
    ByteSlice(copying: bytes, name: name)
}

/// Runs `body` and returns the `IndexCorruption` it threw; records an issue when it
/// throws something else or nothing.
func corruption(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> IndexCorruption? {
    do {
        try body()
        Issue.record("expected IndexCorruption, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as IndexCorruption {
        return error
    } catch {
        Issue.record("expected IndexCorruption, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
}

/// A document whose passages are `texts` (one each, no headings), stored under `id`.
func storedDocument(_ id: String, title: String?, _ texts: [String]) -> StoredDocument {
    StoredDocument(
        id: id, source: "\(id).txt", contentHash: id, title: title,
        passages: texts.map { StoredPassage(heading: nil, text: $0, start: 0, end: $0.utf8.count) })
}
