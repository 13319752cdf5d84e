import Analysis
import Foundation
import Testing
@testable import IndexStore
@testable import Indexer

/// A folder of small Dutch letters to index, beside an index folder, both in one
/// temporary directory removed when the value goes away.
final class LetterFolder {
    let temporary = TemporaryDirectory()
    var documents: String { temporary.path + "/brieven" }
    var index: String { temporary.path + "/index" }

    init(_ letters: [String: String] = LetterFolder.standardLetters) throws {
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        for (name, text) in letters { try write(name, text) }
    }

    /// Writes (or overwrites) `name` under the documents folder.
    func write(_ name: String, _ text: String) throws {
        let path = "\(documents)/\(name)"
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: "\(documents)/\(name)")
    }

    /// Sets the file's modification time without changing its bytes (a copy, a checkout).
    func touch(_ name: String, secondsSince1970: TimeInterval) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: secondsSince1970)], ofItemAtPath: "\(documents)/\(name)")
    }

    /// One run of a fresh writer over the documents folder.
    @discardableResult
    func run(_ options: IndexOptions = LetterFolder.options()) throws -> IndexSummary {
        let writer = try IndexWriter(directory: index)
        return try writer.index([documents], options: options)
    }

    /// Names in the index folder with their modification times and sizes: what "touches
    /// nothing" compares. The lock file is left out: each writer records its pid there.
    func indexFiles() throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: index) where name != WriterLock.fileName {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(index)/\(name)")
            result[name] = "\(attributes[.size] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
        return result
    }

    static func options(ramBudgetBytes: Int = 256 << 20, mergeFactor: Int = 10, workers: Int = 2) -> IndexOptions {
        var options = IndexOptions()
        options.ramBudgetBytes = ramBudgetBytes
        options.mergeFactor = mergeFactor
        options.workerCount = workers
        return options
    }

    static let standardLetters: [String: String] = [
        "huiselijk-geweld.txt": """
            Geachte voorzitter,

            Hierbij informeer ik uw Kamer over de aanpak van huiselijk geweld en kindermishandeling in de gemeenten.

            De gemeenten werken samen met Veilig Thuis aan betere hulp voor slachtoffers van geweld.

            Hoogachtend,

            De minister van Justitie en Veiligheid
            """,
        "onderwijs/wiskunde.txt": """
            Geachte voorzitter,

            In deze brief ga ik in op het wiskundeonderwijs in het voortgezet onderwijs.

            Scholen krijgen extra middelen om leraren wiskunde op te leiden.

            De minister van Onderwijs, Cultuur en Wetenschap
            """,
        "stikstof.txt": """
            Geachte voorzitter,

            Met deze brief informeer ik u over de voortgang van de stikstofaanpak in de provincies.

            De provincies stellen gebiedsplannen op voor de natuur en de landbouw.

            De minister voor Natuur en Stikstof
            """,
    ]
}

/// One posting as a search sees it: by document id and passage ordinal within the
/// document (segment-local passage ids change in a merge; these do not).
struct LivePosting: Hashable, Comparable, CustomStringConvertible {
    var document: String
    /// -1 for title postings, which count documents.
    var unit: Int
    var frequency: UInt32
    var positions: [UInt32]

    static func < (a: LivePosting, b: LivePosting) -> Bool {
        (a.document, a.unit) < (b.document, b.unit)
    }

    var description: String { "\(document)#\(unit)×\(frequency)@\(positions)" }
}

/// Every term's postings over the live documents of a snapshot, keyed by dictionary key
/// (space byte + UTF-8 term), postings sorted. A term with no live posting is left out.
func livePostings(_ snapshot: IndexSnapshot) throws -> [[UInt8]: [LivePosting]] {
    var result: [[UInt8]: [LivePosting]] = [:]
    var positions: [UInt32] = []
    for segment in snapshot.segments {
        let reader = segment.reader
        var terms: [([UInt8], TermInfo)] = []
        try reader.dictionary.forEachTerm { key, info in terms.append((key, info)) }
        for (key, info) in terms {
            let isTitle = TermSpace(rawValue: key[0])!.isTitle
            var cursor = try reader.cursor(info)
            while cursor.current != PostingsCursor.exhausted {
                let id = Int(cursor.current)
                let document = isTitle ? id : Int(reader.passages.document(id))
                if segment.isLive(document: document) {
                    try cursor.positions(into: &positions)
                    let entry = reader.documents[document]
                    result[key, default: []].append(LivePosting(
                        document: entry.id, unit: isTitle ? -1 : id - Int(entry.firstUnit),
                        frequency: try cursor.frequency, positions: positions))
                }
                try cursor.advance()
            }
        }
    }
    return result.mapValues { $0.sorted() }
}

/// Ids of the live documents, sorted.
func liveIDs(_ snapshot: IndexSnapshot) -> [String] {
    var ids: [String] = []
    snapshot.forEachLiveDocument { _, _, entry in ids.append(entry.id) }
    return ids.sorted()
}

/// Live document ids that hold `term` in the body stem space.
func documents(containing term: String, in snapshot: IndexSnapshot) throws -> [String] {
    let analyzer = try Analyzer()
    let stem = try analyzer.analyze(term).first!.stem
    return Array(Set(try livePostings(snapshot)[TermSpace.bodyStem.key(stem)]?.map(\.document) ?? [])).sorted()
}
