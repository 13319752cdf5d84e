/// A title read from a file's name, for a document that states none: people and sites
/// name downloads after what they hold (`voortgangsbrief-huiselijk-geweld-2025.pdf`), and
/// such a name says more in a result list than the letter's first sentence.
///
/// Only names made mostly of words count: a hash (`000_85669a61f80ec8e0`), a number
/// (`sgd-0000000043`), an identifier (`BWBR0001826`, `ECLI.NL.CBB.1996.ZG0749`) or a
/// scanner's `scan0001` is no title, and the first sentence stays.
enum DescriptiveFileName {
    /// A word is at least this many letters with a small letter among them, so that
    /// acronyms and abbreviations (`NL`, `kv`, `TK`) alone do not make a name descriptive.
    static let wordLength = 3
    /// At least this many words, and words at least half of the name's parts.
    static let minimumWords = 2

    /// The title `path`'s file name makes, or nil when the name is not descriptive.
    ///
    /// Separators (`-`, `_`, `.`, spaces) become spaces; the extensions go (all of them:
    /// `….pdf.txt`); parts before the first word that are numbers or short codes
    /// (`001-`, `kv-001-`) go, as does a one-letter fragment at the end (a name cut off
    /// by the tool that saved it); the first letter is made a capital.
    static func title(fromPath path: String) -> String? {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        while let dot = name.lastIndex(of: "."), Self.isExtension(name[name.index(after: dot)...]) {
            name = name[..<dot]
        }
        var parts = name.split { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }
        let words = parts.filter(isWord).count
        guard words >= minimumWords, words * 2 >= parts.count else { return nil }
        while let first = parts.first, !isWord(first) { parts.removeFirst() }
        while let last = parts.last, last.count == 1, parts.count > 1 { parts.removeLast() }
        let title = parts.joined(separator: " ")
        return title.prefix(1).uppercased() + title.dropFirst()
    }

    /// `wordLength` or more letters, one of them small.
    private static func isWord(_ part: Substring) -> Bool {
        part.count >= wordLength && part.allSatisfy(\.isLetter) && part.contains(where: \.isLowercase)
    }

    /// Extensions of the files kamerzoek reads or that a saved file carries before them.
    private static func isExtension(_ text: Substring) -> Bool {
        ["txt", "md", "xml", "pdf", "doc", "docx", "odt", "rtf", "html", "htm", "csv", "tsv"].contains(text.lowercased())
    }
}
