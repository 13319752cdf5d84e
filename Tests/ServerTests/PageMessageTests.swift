import Foundation
import Hummingbird
import HummingbirdTesting
import IndexStore
import Testing

/// The pages speak Dutch, also when something is wrong; the API says the same in English.
/// Every way the search page and the document page can fail.
@Suite("Page messages")
struct PageMessageTests {
    let index: TestIndex

    init() throws { index = try TestIndex() }

    /// (page URL, status, the page's message, the API's message for the same request)
    static let cases: [(String, HTTPResponse.Status, String, String?)] = [
        ("/?q=geweld+(huiselijk", .badRequest, "De zoekvraag kan niet gelezen worden: deze ( wordt nergens gesloten (op positie 8).",
         "This ( is never closed (at position 8)"),
        ("/?q=geweld~3", .badRequest, "De zoekvraag kan niet gelezen worden: ~3 geldt alleen voor een woordgroep: schrijf &quot;a b&quot;~3 (op positie 7).",
         "~3 only applies to a phrase: write \"a b\"~3 (at position 7)"),
        ("/?q=soort:onzin", .badRequest, "De zoekvraag kan niet gelezen worden: er is geen documentsoort onzin; de soorten zijn agenda,", "There is no document type onzin;"),
        ("/?q=geweld&type=onzin", .badRequest, "Soort kan niet gelezen worden: er is geen documentsoort onzin;", "The parameter type cannot be read: There is no document type onzin;"),
        ("/?q=geweld&dossier=abc", .badRequest, "Dossier kan niet gelezen worden: een dossiernummer bestaat uit cijfers, zoals 36658 of 36 658.",
         "The parameter dossier cannot be read: A dossier number is digits"),
        ("/?q=geweld&from=2024-02-30", .badRequest, "Van kan niet gelezen worden: de datum 2024-02-30 bestaat niet.", "The parameter from cannot be read: There is no such date"),
        ("/?q=geweld&to=gisteren", .badRequest, "Tot en met kan niet gelezen worden: gisteren is geen datum", "The parameter to cannot be read: Not a date"),
        ("/?q=geweld&from=2024..2025", .badRequest, "Van is één datum, zoals 2024-03-15; een periode is Van en Tot en met.", "The parameter from is one date"),
        ("/?q=geweld&from=2024-02-01&to=2024-01-31", .badRequest, "Van (2024-02-01) ligt na Tot en met (2024-01-31).", "from (2024-02-01) is after to (2024-01-31)."),
        ("/?q=geweld&limit=0", .badRequest, "Per pagina moet een geheel getal van 1 tot en met 100 zijn.", "limit must be a whole number from 1 to 100."),
        ("/?q=geweld&per_doc=11", .badRequest, "Passages per document moet een geheel getal van 1 tot en met 10 zijn.", "per_doc must be"),
        ("/?q=geweld&offset=-1", .badRequest, "De beginpositie (offset) moet een geheel getal van 0 tot en met 10000 zijn.", "offset must be"),
        ("/?q=geweld&sort=titel", .badRequest, "Volgorde moet relevance of date zijn.", "sort must be relevance or date."),
        ("/?q=geweld&fold=misschien", .badRequest, "De parameter fold moet true of false zijn.", "fold must be true or false."),
        ("/?q=a&q=b", .badRequest, "De parameter q staat meer dan eens in de URL.", "The parameter q is given more than once."),
        ("/?q=%zz", .badRequest, "De URL bevat een % die niet door twee hexadecimale cijfers gevolgd wordt.", "The URL has a %"),
        ("/?q=%ff", .badRequest, "De parameters in de URL zijn geen geldige UTF-8.", "The URL's parameters are not valid UTF-8."),
        ("/?q=" + String(repeating: "a", count: 1001), .badRequest, "De zoekvraag is langer dan 1000 tekens.", "The query is longer than 1000 characters."),
        ("/documents/bestaat-niet", .notFound, "Document niet gevonden: er is geen document met id &#39;bestaat-niet&#39;.", nil),
        ("/documents/", .notFound, "Document niet gevonden: er is geen id gegeven.", nil),
    ]

    @Test func everyErrorOfThePagesIsInDutchAndOfTheAPIInEnglish() async throws {
        try await withLiveServer(index) { client in
            for (uri, status, dutch, english) in Self.cases {
                let (served, body, headers) = try await client.get(uri)
                #expect(served == status, "\(uri)")
                #expect(headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(body.contains("<p class=\"error\" role=\"alert\">\(dutch)"), "\(uri): \(body.suffix(400))")
                if let english {
                    let api = uri.replacingOccurrences(of: "/?", with: "/api/search?")
                    let error = try await client.getError(api, status: status)
                    #expect(error.error.hasPrefix(english), "\(api): \(error.error)")
                }
            }
        }
    }

    @Test func withoutAnIndexAndWithADamagedOneThePagesSayItInDutch() async throws {
        let empty = try TestIndex(empty: ())
        try await withLiveServer(empty) { client in
            for uri in ["/", "/?q=geweld", "/documents/brief-geweld"] {
                let (status, body, _) = try await client.get(uri)
                #expect(status == .serviceUnavailable, "\(uri)")
                #expect(body.contains("De index is nog niet beschikbaar: er is nog niets geïndexeerd."), "\(uri)")
            }
        }
        let damaged = try TestIndex()
        try damaged.damageTermDictionary()
        try await withLiveServer(damaged) { client in
            let (status, body, _) = try await client.get("/?q=geweld")
            #expect(status == .internalServerError)
            #expect(body.contains("De server kon dit verzoek niet beantwoorden."))
        }
    }
}
