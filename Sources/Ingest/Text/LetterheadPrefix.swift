/// The letterhead of a letter exported to text or Markdown without page structure: the
/// return address, the addressee and the sender's margin (`> Retouradres Postbus 20301 …`,
/// `Aan de Voorzitter … 2500 EA DEN HAAG`, `Directoraat-Generaal … Turfmarkt 147`) stand
/// before the subject line and would be the document's first passage. Everything before
/// the first `Betreft`, `Onderwerp` or `Geachte` line goes, when it reads as a letterhead
/// (a return address or a Postbus in it) and is short; anything else is left as it is.
/// PDF text with page breaks has its own letterhead reading (``Letterhead``).
enum LetterheadPrefix {
    /// A letterhead longer than this is not one: the text before the subject is body.
    static let maximumLength = 2048
    static let starts = ["Betreft", "**Betreft", "Onderwerp", "**Onderwerp", "Geachte", "**Geachte"]

    static func remove(from text: String) -> String {
        guard text.utf8.count > 64 else { return text }
        let opening = text.utf8Prefix(maximumLength + 256)
        guard opening.containsBytes("Retouradres") || opening.containsBytes("Postbus") else { return text }
        // The start of the first line that opens the letter proper.
        var lineStart = opening.startIndex
        while lineStart < opening.endIndex {
            let lineEnd = opening[lineStart...].firstIndex(of: "\n") ?? opening.endIndex
            let line = opening[lineStart ..< lineEnd].drop { $0 == " " || $0 == ">" }
            if starts.contains(where: { line.hasPrefix($0) }) {
                let head = opening[..<lineStart]
                guard head.utf8.count <= maximumLength, head.containsBytes("Retouradres") || head.containsBytes("Postbus") else {
                    return text
                }
                return String(text[lineStart...])
            }
            lineStart = lineEnd < opening.endIndex ? opening.index(after: lineEnd) : lineEnd
        }
        return text
    }
}
