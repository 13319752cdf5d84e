// Where the bytes of an index go: per file kind, and the postings and positions per term
// space (stop-word pairs apart from the words of the body's exact space). Issue 17 asks
// for this table before cutting anything.
//
//   swift run -c release --package-path bench IndexSizeReport --index DIR [--input-bytes N]
//
// Terms are written in key order and their postings and positions one after another, so
// a term's bytes run from its offsets to the next distinct offsets (the last term's to the
// end of the file's body); an exact form that points at its stem's postings adds nothing.
import Foundation
import IndexStore

var indexDirectory = "Index"
var inputBytes: Double?
var pairReport = false
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--index": indexDirectory = arguments.removeFirst()
    case "--input-bytes": inputBytes = Double(arguments.removeFirst())
    case "--pairs": pairReport = true
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\nusage: IndexSizeReport --index DIR [--input-bytes N]\n".utf8))
        exit(2)
    }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}

do {
    let snapshot = try IndexSnapshot.open(directory: indexDirectory)
    var byKind: [SegmentFile: Int] = [:]
    var postingsBySpace: [String: Int] = [:]
    var positionsBySpace: [String: Int] = [:]
    var termsBySpace: [String: Int] = [:]
    var pairBytes: [String: Int] = [:]
    var sharedTerms = 0
    var pairCounts: [String: Int] = [:]
    // Words in the segments' spelling lists (format 9 on), summed over segments.
    var spellingWords = 0
    // Header and footer of every file.
    let frame = 24 + 12
    for segment in snapshot.segments {
        let name = segment.commit.name
        for kind in SegmentFile.allCases where kind != .deletions {
            byKind[kind, default: 0] += fileSize("\(indexDirectory)/\(kind.fileName(segment: name))")
        }
        if segment.commit.deletionGeneration > 0 {
            byKind[.deletions, default: 0] += fileSize("\(indexDirectory)/\(SegmentFile.deletions.fileName(segment: name, generation: Int(segment.commit.deletionGeneration)))")
        }
        if let lists = segment.reader.spellingLists { spellingWords += try lists.decode().count }
        var terms: [(space: String, postings: UInt64, positions: UInt64)] = []
        var pairKeys: [Int: [UInt8]] = [:]
        try segment.reader.dictionary.forEachTerm { key, info in
            if pairReport, key[0] == TermSpace.bodyExact.rawValue, key.dropFirst().contains(StopWordPair.separator) { pairKeys[terms.count] = key }
            let space: String
            switch TermSpace(rawValue: key[0]) {
            case .bodyStem: space = "body stems"
            case .bodyExact: space = key.dropFirst().contains(StopWordPair.separator) ? "stop-word pairs" : "body exact forms"
            case .titleStem: space = "title stems"
            case .titleExact: space = "title exact forms"
            case nil: space = "?"
            }
            terms.append((space, info.postingsOffset, info.positionsOffset))
        }
        let postingsEnd = UInt64(fileSize("\(indexDirectory)/\(SegmentFile.postings.fileName(segment: name))") - frame)
        let positionsEnd = UInt64(fileSize("\(indexDirectory)/\(SegmentFile.positions.fileName(segment: name))") - frame)
        // A term's bytes run to the next distinct offset; terms that share postings (an
        // exact form pointing at its stem's) count once, for the first of them in key order.
        func sizes(_ offsets: [UInt64], end: UInt64) -> [UInt64: Int] {
            let distinct = Array(Set(offsets)).sorted() + [end]
            var result: [UInt64: Int] = [:]
            for index in 0 ..< distinct.count - 1 { result[distinct[index]] = Int(distinct[index + 1] - distinct[index]) }
            return result
        }
        let postingsSizes = sizes(terms.map(\.postings), end: postingsEnd)
        let positionsSizes = sizes(terms.map(\.positions), end: positionsEnd)
        var counted = Set<UInt64>()
        for (index, term) in terms.enumerated() {
            termsBySpace[term.space, default: 0] += 1
            guard counted.insert(term.postings).inserted else {
                sharedTerms += 1
                continue
            }
            let bytes = (postingsSizes[term.postings] ?? 0, positionsSizes[term.positions] ?? 0)
            if let key = pairKeys[index] {
                // The pair's share of the segment by its rarer word's share of the passages.
                let separator = key.firstIndex(of: StopWordPair.separator)!
                let first = Array(key[..<separator]), second = [key[0]] + Array(key[(separator + 1)...])
                let rarer = min(try segment.reader.dictionary.lookup(first)?.documentFrequency ?? 0, try segment.reader.dictionary.lookup(second)?.documentFrequency ?? 0)
                let fraction = Double(rarer) / Double(segment.reader.passages.count)
                let bucket = fraction < 0.001 ? "< 0.1%" : fraction < 0.003 ? "0.1–0.3%" : fraction < 0.01 ? "0.3–1%" : fraction < 0.03 ? "1–3%" : fraction < 0.1 ? "3–10%" : "≥ 10%"
                pairBytes[bucket, default: 0] += bytes.0 + bytes.1
                pairCounts[bucket, default: 0] += 1
            }
            postingsBySpace[term.space, default: 0] += bytes.0
            positionsBySpace[term.space, default: 0] += bytes.1
        }
    }
    let total = byKind.values.reduce(0, +)
    func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }
    func share(_ bytes: Int) -> String {
        guard let inputBytes else { return String(format: "%.0f%%", 100 * Double(bytes) / Double(max(total, 1))) }
        return String(format: "%.3f×", Double(bytes) / inputBytes)
    }
    print("\(snapshot.segments.count) segment(s), \(mb(total)) MB" + (inputBytes.map { String(format: ", %.2f× the input", Double(total) / $0) } ?? ""))
    print("")
    print("| file | MB | \(inputBytes == nil ? "share" : "× input") |")
    print("|---|---:|---:|")
    for kind in SegmentFile.allCases where byKind[kind, default: 0] > 0 {
        print("| .\(kind.fileExtension) | \(mb(byKind[kind]!)) | \(share(byKind[kind]!)) |")
    }
    print("")
    print("| term space | terms | postings MB | positions MB |")
    print("|---|---:|---:|---:|")
    for space in ["body stems", "body exact forms", "stop-word pairs", "title stems", "title exact forms"] {
        print("| \(space) | \(termsBySpace[space, default: 0]) | \(mb(postingsBySpace[space, default: 0])) | \(mb(positionsBySpace[space, default: 0])) |")
    }
    print("")
    print("terms pointing at another term's postings (exact forms with their stem's): \(sharedTerms)")
    if spellingWords > 0 {
        let bytes = byKind[.spellingLists, default: 0]
        print("spelling lists (.spl): \(spellingWords) words over the segments, \(String(format: "%.1f", Double(bytes) / Double(spellingWords))) bytes a word")
    }
    if pairReport {
        print("")
        print("| rarer word in | pairs | postings+positions MB |")
        print("|---|---:|---:|")
        for bucket in ["< 0.1%", "0.1–0.3%", "0.3–1%", "1–3%", "3–10%", "≥ 10%"] {
            print("| \(bucket) of the segment's passages | \(pairCounts[bucket, default: 0]) | \(mb(pairBytes[bucket, default: 0])) |")
        }
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
