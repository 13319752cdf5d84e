import Foundation
import Testing
@testable import Ingest

/// `kamerzoek extract --json` prints `Document` as encoded here; these key names are a
/// contract (those it shares with the API's document are the API's: `number`, a passage's
/// `passage`), and optional values are explicit nulls.
@Test func documentJSONKeysAreTheContract() throws {
    let document = try Fixtures.document("koop/kv-tk-2024Z18775.xml", root: Fixtures.root)
    let data = try JSONEncoder().encode(document)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == [
        "id", "title", "date", "type", "dossier", "dossiers", "number", "identifiers", "ministry",
        "authors", "url", "source", "format", "content_hash", "passages", "notes", "warnings",
    ])
    #expect(object["id"] as? String == "kv-tk-2024Z18775")
    #expect(object["type"] as? String == "vragen")
    #expect(object["dossier"] is NSNull)
    let passages = try #require(object["passages"] as? [[String: Any]])
    #expect(Set(passages[0].keys) == ["passage", "heading", "text", "start", "end"])
    #expect(passages.map { $0["passage"] as? Int } == Array(0 ..< passages.count))
    #expect(passages[0]["heading"] is NSNull)
    #expect(passages[1]["heading"] as? String == "Vraag 1")
    let notes = try #require(object["notes"] as? [[String: Any]])
    #expect(notes.first?["label"] as? String == "1")
    #expect(notes.first?["text"] as? String == "Hartvannederland.nl, 16 november 2024.")
}

@Test func documentJSONRoundTrips() throws {
    let document = try Fixtures.document("koop/kst-34851-4.xml", root: Fixtures.root)
    let decoded = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(document))
    #expect(decoded == document)
    #expect(decoded.dossier == "34851")
}
