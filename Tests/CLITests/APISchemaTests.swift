import Foundation
import Testing

/// The `--json` of the commands whose answers the API gives too, validated against the
/// API's own OpenAPI document (the text of `Sources/Server/API/OpenAPIDocument.swift`) by
/// the script that validates the server's responses (`Tests/ServerTests/Support/
/// validate_openapi.py`, JSON Schema with every field listed and no others allowed): `search`
/// as a `200` of `/api/search`, `show` of `/api/documents/{id}`, `stats` and `optimize`
/// of `/api/stats`. Both sides encode the engine's own types, so a field added to one is
/// in the other; this holds the CLI to the document as the server is held to it.
@Suite("--json against the API's schemas")
struct APISchemaTests {
    /// The document as the server serves it: the raw string literal between `#"""` and `"""#`.
    static func openAPIDocument() throws -> String {
        let file = Kamerzoek.repository.appendingPathComponent("Sources/Server/API/OpenAPIDocument.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        let start = try #require(source.range(of: "#\"\"\"\n"), "no raw string in \(file.path)")
        let end = try #require(source.range(of: "\"\"\"#", range: start.upperBound ..< source.endIndex))
        return String(source[start.upperBound ..< end.lowerBound])
    }

    @Test func commandsPrintWhatTheAPIAnswers() throws {
        let workspace = try Workspace.shared()
        let index = workspace.index
        let folder = try Kamerzoek.scratchFolder("openapi")
        defer { Kamerzoek.removeScratchFolder(folder) }
        var samples: [[String: Any]] = []
        func sample(_ path: String, _ arguments: [String]) throws {
            let run = try Kamerzoek.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run)")
            samples.append([
                "path": path, "method": "get", "status": 200, "content_type": "application/json; charset=utf-8",
                "body": try JSONSerialization.jsonObject(with: Data(run.output.utf8)), "headers": [String: String](),
            ])
        }
        for arguments in [
            ["huiselijk geweld"], ["huiselijk geweld", "--per-doc", "3", "--sort", "date"], ["geweld", "--facets", "type,year,dossier"],
            ["huiselijk gewld"], ["femicide", "--sort", "oldest", "--no-fold", "--every-word"], ["bestaatniet"],
        ] {
            try sample("/api/search", ["search"] + arguments + ["--index", index, "--json"])
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: workspace.corpus) where !file.hasPrefix("README") {
            let id = String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)])
            try sample("/api/documents/{id}", ["show", id, "--index", index, "--json"])
        }
        try sample("/api/stats", ["stats", "--index", index, "--json"])
        try sample("/api/stats", ["optimize", "--index", try workspace.copyOfIndex(into: folder), "--json"])

        try Data(try Self.openAPIDocument().utf8).write(to: URL(fileURLWithPath: folder + "/openapi.json"))
        try JSONSerialization.data(withJSONObject: samples).write(to: URL(fileURLWithPath: folder + "/samples.json"))
        let script = Kamerzoek.repository.appendingPathComponent("Tests/ServerTests/Support/validate_openapi.py").path
        let validation = try Kamerzoek.run(executable: "/usr/bin/env", ["python3", script, folder + "/openapi.json", folder + "/samples.json"])
        #expect(validation.status == 0, "\(validation.output)")
        #expect(validation.output.contains("\(samples.count) responses checked, 0 problems"), "\(validation)")
    }
}
