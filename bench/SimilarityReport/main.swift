// How passage signatures (64-bit SimHash, `PassageSignature`) relate to how much two
// passages' texts share, to choose the distance at which search folds results
// (docs/SEARCH.md, "Near-duplicate folding").
//
//   swift run -c release --package-path bench SimilarityReport --index DIR [--min-words N]
//
// Candidate pairs are found without the signatures: passages that share one of their two
// smallest word-trigram hashes (a two-hash MinHash sketch, so a pair sharing a share J of
// its trigrams is found with probability about 1 − (1 − J)²), at most 60 passages per
// bucket. For every candidate pair the report gives the Jaccard similarity of the two
// trigram sets and the signatures' distance, then tabulates, per distance, how many pairs
// are near-duplicates (J ≥ 0.8) and, per threshold, precision and recall of "distance ≤ d"
// for that definition. Pairs within one document are left out (search folds across
// documents only).
import Foundation
import IndexStore

var indexDirectory = "Index"
var minimumWords = 12
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--index": indexDirectory = arguments.removeFirst()
    case "--min-words": minimumWords = Int(arguments.removeFirst()) ?? minimumWords
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\nusage: SimilarityReport --index DIR [--min-words N]\n".utf8))
        exit(2)
    }
}

struct Passage {
    var document: Int
    var signature: UInt64
    var trigrams: Set<UInt64>
}

func words(_ text: String) -> [UInt64] {
    text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { word in
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

let snapshot = try IndexSnapshot.open(directory: indexDirectory)
var passages: [Passage] = []
var documentNumber = 0
for segment in snapshot.segments {
    let reader = segment.reader
    for ordinal in reader.documents.indices where segment.isLive(document: ordinal) {
        let stored = try reader.storedDocument(ordinal)
        let first = Int(reader.documents[ordinal].firstUnit)
        for (offset, unit) in stored.retrievalUnits.enumerated() {
            let hashes = words(unit.text)
            guard hashes.count >= minimumWords else { continue }
            var trigrams = Set<UInt64>()
            for index in 2 ..< hashes.count {
                trigrams.insert((hashes[index - 2] &* 31 &+ hashes[index - 1]) &* 0x9E37_79B9_7F4A_7C15 ^ hashes[index])
            }
            passages.append(Passage(document: documentNumber, signature: reader.passages.signature(first + offset), trigrams: trigrams))
        }
        documentNumber += 1
    }
}

// Buckets by each of the two smallest trigram hashes.
var buckets: [UInt64: [Int]] = [:]
for (index, passage) in passages.enumerated() {
    for hash in passage.trigrams.sorted().prefix(2) where buckets[hash, default: []].count < 60 {
        buckets[hash, default: []].append(index)
    }
}
var seen = Set<Int>()
var pairs: [(distance: Int, jaccard: Double)] = []
for members in buckets.values where members.count > 1 {
    for i in 0 ..< members.count {
        for j in (i + 1) ..< members.count {
            let a = members[i], b = members[j]
            guard passages[a].document != passages[b].document else { continue }
            guard seen.insert(min(a, b) * passages.count + max(a, b)).inserted else { continue }
            let shared = passages[a].trigrams.intersection(passages[b].trigrams).count
            let jaccard = Double(shared) / Double(passages[a].trigrams.count + passages[b].trigrams.count - shared)
            pairs.append((PassageSignature.distance(passages[a].signature, passages[b].signature), jaccard))
        }
    }
}

print("passages with at least \(minimumWords) words: \(passages.count); candidate pairs across documents: \(pairs.count)")
print("")
print("| distance | pairs | J ≥ 0.8 | 0.5 ≤ J < 0.8 | J < 0.5 |")
print("|---:|---:|---:|---:|---:|")
for distance in 0 ... 16 {
    let at = pairs.filter { $0.distance == distance }
    guard !at.isEmpty else { continue }
    let high = at.filter { $0.jaccard >= 0.8 }.count, middle = at.filter { $0.jaccard >= 0.5 && $0.jaccard < 0.8 }.count
    print("| \(distance) | \(at.count) | \(high) | \(middle) | \(at.count - high - middle) |")
}
let near = pairs.filter { $0.jaccard >= 0.8 }.count
print("")
print("| fold at distance ≤ | precision (J ≥ 0.8) | precision (J ≥ 0.5) | recall (J ≥ 0.8, of \(near)) |")
print("|---:|---:|---:|---:|")
for threshold in 0 ... 12 {
    let folded = pairs.filter { $0.distance <= threshold }
    guard !folded.isEmpty else { continue }
    let high = folded.filter { $0.jaccard >= 0.8 }.count, half = folded.filter { $0.jaccard >= 0.5 }.count
    print(String(format: "| %d | %.3f | %.3f | %.3f |", threshold, Double(high) / Double(folded.count), Double(half) / Double(folded.count), Double(high) / Double(max(near, 1))))
}
