import Testing
@testable import Server

@Suite("Query strings and links")
struct QueryStringTests {
    @Test func decodesFormsAsBrowsersEncodeThem() throws {
        let query = try QueryString("q=huiselijk+geweld&type=&x&dossier=36%20600-VI&n=%C3%A9%2B")
        #expect(try query.value("q") == "huiselijk geweld")
        #expect(try query.value("type") == nil && query.contains("type"))
        #expect(try query.value("x") == nil && query.contains("x"))
        #expect(try query.value("dossier") == "36 600-VI")
        #expect(try query.value("n") == "é+")
        #expect(try query.value("absent") == nil && !query.contains("absent"))
    }

    @Test func aPlusInAPathIsAPlus() throws {
        #expect(try QueryString.decode("a+b%2Fc", plusIsSpace: false) == "a+b/c")
    }

    @Test func linksRoundTrip() throws {
        let text = "\"huiselijk geweld\" & <b> é+/?#"
        let encoded = URLEncoding.query([("q", text), ("a b", "1")])
        #expect(encoded == "q=%22huiselijk+geweld%22+%26+%3Cb%3E+%C3%A9%2B%2F%3F%23&a+b=1")
        #expect(try QueryString(encoded).value("q") == text)
        #expect(URLEncoding.path("wetten/a b+c") == "wetten/a%20b%2Bc")
    }

    @Test func escapesEveryMarkupCharacter() {
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func datesMustExist() throws {
        func day(_ text: String, _ name: String = "from") throws -> Int? {
            try SearchParameters.day(QueryString("\(name)=\(text)"), name)?.ordinal
        }
        #expect(try day("2024-02-29") == 20240229)
        // As `datum:` reads them: a month or a year is its first day in from, its last in to.
        #expect(try day("2024-02") == 20240201 && day("2024-02", "to") == 20240229 && day("2023", "to") == 20231231)
        #expect(throws: APIError.self) { try day("2023-02-29") }
        #expect(throws: APIError.self) { try day("24-01-01") }
        #expect(throws: APIError.self) { try day("２０２４-01-01") }
        #expect(throws: APIError.self) { try day("2024..2025") }
    }
}
