import Foundation
import Testing
@testable import Ingest

/// Real publications collected from public sources (`Fixtures/real/*/SOURCES.md`), each
/// with the metadata its own text states, written down before the extractor ran
/// (`EXPECTED.json` beside the files). Title, date, type, dossiers and URL must match
/// exactly; phrases must be found inside one passage, letterhead and page furniture in
/// none; footnotes keep their labels.
struct RealSample: Decodable, Sendable, CustomTestStringConvertible {
    struct ExpectedNote: Decodable, Sendable {
        var label: String?
        var starts: String
    }

    var folder = ""
    var file: String
    var title: String?
    var date: String?
    var type: String
    var dossiers: [String]?
    var url: String?
    var phrases: [String]
    var absent: [String]
    var notes: [ExpectedNote]?
    var headings: [String]?
    var notHeadings: [String]?

    var testDescription: String { "\(folder)/\(file)" }

    private enum CodingKeys: String, CodingKey { case file, title, date, type, dossiers, url, phrases, absent, notes, headings, notHeadings }

    static let root = Fixtures.path("real")

    static var all: [RealSample] {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return folders.flatMap { folder -> [RealSample] in
            guard let data = FileManager.default.contents(atPath: "\(root)/\(folder)/EXPECTED.json") else { return [] }
            do {
                return try JSONDecoder().decode([RealSample].self, from: data).map { sample in
                    var sample = sample
                    sample.folder = folder
                    return sample
                }
            } catch {
                fatalError("\(folder)/EXPECTED.json does not decode: \(error)")
            }
        }
    }
}

@Suite struct RealPublicationTests {
    @Test func everyFolderHasExpectations() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: RealSample.root)
        let samples = RealSample.all
        for folder in folders {
            #expect(samples.contains { $0.folder == folder }, "\(folder) has no samples in EXPECTED.json")
            #expect(FileManager.default.fileExists(atPath: "\(RealSample.root)/\(folder)/SOURCES.md"), "\(folder) has no SOURCES.md")
        }
        #expect(samples.count >= 15)
    }

    @Test(arguments: RealSample.all)
    func extractsWhatTheDocumentStates(_ sample: RealSample) throws {
        let folder = "\(RealSample.root)/\(sample.folder)"
        guard case .document(let document) = try Extractor().extract(fileAt: "\(folder)/\(sample.file)", relativeTo: folder) else {
            Issue.record("\(sample.file) was skipped")
            return
        }
        #expect(document.title == sample.title)
        #expect(document.date == sample.date)
        #expect(document.type.rawValue == sample.type)
        #expect(document.url == sample.url)
        if let dossiers = sample.dossiers { #expect(document.dossiers == dossiers) }
        let texts = document.passages.map { WhiteSpace.collapse($0.text) }
        for phrase in sample.phrases {
            let wanted = WhiteSpace.collapse(phrase)
            #expect(texts.contains { $0.contains(wanted) }, "phrase not found in one passage: \(phrase)")
        }
        for junk in sample.absent {
            #expect(!texts.contains { $0.contains(junk) }, "should not be in the text: \(junk)")
        }
        for note in sample.notes ?? [] {
            #expect(document.notes.contains { $0.label == note.label && WhiteSpace.collapse($0.text).hasPrefix(note.starts) },
                    "note \(note.label ?? "-") starting \(note.starts)")
        }
        if let notes = sample.notes { #expect(document.notes.count == notes.count, "\(document.notes.map(\.label))") }
        // Headings keep their numbers ("1 Overzicht"), so an expected heading is a part of one.
        let headings = Set(document.passages.compactMap(\.heading))
        for heading in sample.headings ?? [] {
            #expect(headings.contains { $0.contains(heading) }, "heading \(heading) in \(headings.sorted().prefix(12))")
        }
        // A summary's heading may head the summary's own passages, which come first, but
        // never the body after it.
        for heading in sample.notHeadings ?? [] {
            let leading = document.passages.prefix { $0.heading == heading }.count
            let later = document.passages.dropFirst(leading).filter { $0.heading == heading }
            #expect(later.isEmpty && leading < document.passages.count, "passages headed \(heading) after the summary")
        }
    }
}
