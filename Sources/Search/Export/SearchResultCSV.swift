/// A search's results as CSV (RFC 4180): the one writer of `GET /api/search.csv` and
/// `kamerzoek search --csv`, so both give the same bytes for the same results.
///
/// One row per hit, in the order of `results` (a document's passages follow each other,
/// as in the JSON). Lines end in CRLF, the last one too; a field is quoted when it holds a
/// comma, a quote, a CR or an LF, and its quotes are doubled. UTF-8 without a byte-order
/// mark, so the first bytes are the header itself. Absent values (a document without
/// title, date, dossier or official address) are empty fields. The snippet is the plain
/// text of the hit's snippet (`plainSnippet`), without the HTML escaping and `<mark>`
/// tags of `snippet`; it is empty when the search was run without snippets.
public enum SearchResultCSV {
    public static let header = ["doc_id", "title", "date", "type", "dossier", "url", "passage", "score", "snippet"]

    /// The header, then a row per hit.
    public static func text(_ result: SearchResult) -> String {
        var text = line(header)
        for hit in result.results { text += line(fields(of: hit)) }
        return text
    }

    /// A hit's fields in the order of ``header``. The score is written as the JSON writes
    /// it (the shortest text that reads back as the same number).
    public static func fields(of hit: SearchHit) -> [String] {
        [
            hit.doc_id, hit.title ?? "", hit.date ?? "", hit.type, hit.dossier ?? "", hit.url ?? "",
            String(hit.passage), String(hit.score), hit.plainSnippet?.text ?? "",
        ]
    }

    /// One record: the fields, quoted where needed, separated by commas, ended by CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// A field as RFC 4180 writes it: as is, or between quotes with its quotes doubled
    /// when it holds a comma, a quote, a CR or an LF.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
