import Foundation
import HummingbirdTesting
import Search
import Testing
@testable import Server

/// `type`, `dossier`, `from` and `to` are read as the query language reads `soort:`,
/// `dossier:` and `datum:` (one parser, `QueryParser.filter`): the same spellings work,
/// and a value that cannot be valid is a 400 naming the parameter, not an empty page.
@Suite("Filter parameters")
struct FilterParameterTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    @Test func parametersMatchTheQuerySyntax() async throws {
        let cases: [(parameter: String, query: String, expected: Set<String>)] = [
            ("dossier=28+345", "dossier:28 345", ["brief-geweld"]),
            ("dossier=28%20345", "dossier:28 345", ["brief-geweld"]),
            ("dossier=28345", "dossier:28345", ["brief-geweld"]),
            ("type=Brief", "soort:brief", ["brief-geweld"]),
            ("type=MOTIE", "type:motie", ["motie-onderwijs"]),
            // A year or a month in from/to, as datum: reads them.
            ("from=2023&to=2023", "datum:2023", ["motie-onderwijs"]),
            ("from=2023-06&to=2024-03", "datum:2023-06..2024-03", ["brief-geweld", "motie-onderwijs"]),
        ]
        try await withLiveServer(index) { client in
            for (parameter, query, expected) in cases {
                let byParameter = try await client.getJSON("/api/search?q=geweld&\(parameter)", as: SearchResult.self)
                let encoded = URLEncoding.queryValue("geweld \(query)")
                let byQuery = try await client.getJSON("/api/search?q=\(encoded)", as: SearchResult.self)
                #expect(Set(byParameter.results.map(\.doc_id)) == expected, "\(parameter)")
                #expect(byParameter.results.map(\.doc_id) == byQuery.results.map(\.doc_id), "\(parameter) vs \(query)")
            }
        }
    }

    @Test func aValueThatCannotBeValidIs400NamingTheParameter() async throws {
        let cases: [(String, String)] = [
            ("type=nonsense", "The parameter type cannot be read: There is no document type nonsense; the types are "),
            ("dossier=abc", "The parameter dossier cannot be read: A dossier number is digits"),
            ("dossier=28345+geweld", "The parameter dossier cannot be read: Only one value is allowed here (at position 7 of its value)."),
            ("from=2024-02-30", "The parameter from cannot be read: There is no such date: 2024-02-30"),
            ("to=15-03-2024", "The parameter to cannot be read: Not a date: 15-03-2024"),
            ("from=2024..2025", "The parameter from is one date, such as 2024-03-15; a range is from and to."),
            ("from=2024-02-01&to=2024-01-31", "from (2024-02-01) is after to (2024-01-31)."),
        ]
        try await withLiveServer(index) { client in
            for (parameter, message) in cases {
                let error = try await client.getError("/api/search?q=geweld&\(parameter)", status: .badRequest)
                #expect(error.error.hasPrefix(message), "\(parameter): \(error.error)")
                #expect(error.position == nil, "a position is for the query, not a parameter")
            }
            // The query syntax refuses the same values.
            let inQuery = try await client.getError("/api/search?q=geweld+soort:nonsense", status: .badRequest)
            #expect(inQuery.error.hasPrefix("There is no document type nonsense;") && inQuery.position == 13)
            // And the page shows the error with a 400.
            let (status, body, _) = try await client.get("/?q=geweld&type=nonsense")
            #expect(status == .badRequest && body.contains("class=\"error\""))
        }
    }
}
