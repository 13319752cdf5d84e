/// The date a document states in its running text when no field carries it, in order of
/// trust: a signature line (`Bergen, 23 december 2015`, `Den Haag, 3 maart 2020`), a
/// closing formula (`Aldus vastgesteld in de vergadering van … 8 mei 2024`), a
/// publication line (`Publicatiedatum: 7 maart 2017`). Dates inside sentences (an
/// application "van 05/06/2017", an entry into force "met ingang van 29 maart 2018") do
/// not count: they date something else.
enum StatedDate {
    static func find(in lines: [String]) -> String? {
        for line in lines { if let date = signature(line) { return date } }
        for line in lines { if let date = after(closingFormulas, in: line) { return date } }
        for line in lines { if let date = after(publicationCues, in: line) { return date } }
        return nil
    }

    static let closingFormulas = [
        "Aldus vastgesteld", "Aldus besloten", "aldus vastgesteld", "Vastgesteld in de vergadering", "Gegeven te", "Gedaan te",
    ]
    static let publicationCues = ["Publicatiedatum", "Datum publicatie", "Datum van publicatie", "Datum bekendmaking"]

    /// A short line of a place (one to four words, capitalised or `'s-…`), a comma and a
    /// date, with at most a few words after it.
    static func signature(_ line: String) -> String? {
        guard line.utf8.count <= 80, let comma = line.firstIndex(of: ",") else { return nil }
        let placeWords = line[..<comma].split(separator: " ")
        guard (1 ... 4).contains(placeWords.count),
              let first = placeWords.first?.first,
              first.isUppercase || placeWords[0].hasPrefix("'s") || placeWords[0].hasPrefix("’s") else { return nil }
        let rest = line[line.index(after: comma)...]
        guard rest.split(separator: " ").count <= 7 else { return nil }
        if let date = LetterMetadata.parseDate(rest) { return date }
        // A day split over two inline elements on two lines (`Bergen, 2⏎3 december`).
        let words = rest.split(separator: " ", maxSplits: 2)
        guard words.count == 3, words[0].count == 1, words[1].count == 1,
              words[0].allSatisfy(\.isNumber), words[1].allSatisfy(\.isNumber) else { return nil }
        return LetterMetadata.parseDate(Substring(words[0] + words[1] + " " + words[2]))
    }

    /// The first date within 200 characters after one of `cues`.
    static func after(_ cues: [String], in line: String) -> String? {
        for cue in cues {
            guard let range = line.byteRange(of: cue) else { continue }
            if let date = DocumentMetadata.isoDate(from: String(line[range.upperBound...].prefix(200))) { return date }
        }
        return nil
    }
}
