// Writes every retrieval unit (passage or footnote) of an index as one JSON line, so that
// the peer engines in bench/peers index exactly the passages kamerzoek indexed.
//
//   swift run -c release --package-path bench PassageExport --index DIR --out FILE.jsonl
//
// One line: {"doc_id", "passage", "title", "heading", "text", "type", "dossiers", "date"}.
// `passage` is the unit's number within its document, as in search results; `date` is
// ISO yyyy-mm-dd or null. Documents come in index order, units in document order.
import Foundation
import IndexStore

var indexDirectory = "Index"
var outputPath: String?
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--index": indexDirectory = arguments.removeFirst()
    case "--out": outputPath = arguments.removeFirst()
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\nusage: PassageExport --index DIR --out FILE.jsonl\n".utf8))
        exit(2)
    }
}
guard let outputPath else {
    FileHandle.standardError.write(Data("usage: PassageExport --index DIR --out FILE.jsonl\n".utf8))
    exit(2)
}

do {
    let snapshot = try IndexSnapshot.open(directory: indexDirectory)
    guard FileManager.default.createFile(atPath: outputPath, contents: nil),
          let output = FileHandle(forWritingAtPath: outputPath)
    else {
        FileHandle.standardError.write(Data("cannot create \(outputPath)\n".utf8))
        exit(1)
    }
    var units = 0
    var bytes = 0
    var buffer = Data()
    try snapshot.forEachLiveDocument { segment, ordinal, _ in
        let document = try snapshot.segments[segment].reader.storedDocument(ordinal)
        for (number, unit) in document.retrievalUnits.enumerated() {
            // Explicit nulls, so every peer sees the same keys on every line.
            let line: [String: Any] = [
                "doc_id": document.id, "passage": number, "title": document.title ?? NSNull(), "heading": unit.heading ?? NSNull(),
                "text": unit.text, "type": document.type, "dossiers": document.dossiers, "date": document.date ?? NSNull(),
            ]
            buffer.append(try JSONSerialization.data(withJSONObject: line, options: [.withoutEscapingSlashes, .sortedKeys]))
            buffer.append(0x0A)
            units += 1
            bytes += unit.text.utf8.count
        }
        if buffer.count > 1 << 20 {
            output.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
    output.write(buffer)
    try output.close()
    FileHandle.standardError.write(Data("\(units) units, \(bytes) bytes of text from \(snapshot.documentCount) documents\n".utf8))
} catch {
    FileHandle.standardError.write(Data("PassageExport: \(error)\n".utf8))
    exit(1)
}
