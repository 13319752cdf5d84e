/// Metadata found by a reader, before it becomes part of a `Document`.
struct DocumentMetadata: Equatable {
    /// The publication's own identifier (KOOP `kst-34851-4`), which then is the document id.
    var identifier: String?
    var title: String?
    var date: String?
    var type: DocumentType = .overig
    var dossiers: [String] = []
    var documentNumber: String?
    var identifiers: [String] = []
    var ministry: String?
    var authors: [String] = []
    /// An official address the file states itself (a manifest's URL column).
    var url: String?
    /// The version date of a consolidated text (a BWB toestand), for its address.
    var version: String?
    /// `dossiers`/`documentNumber` name this document itself (its footer or heading),
    /// not a Kamerstuk it cites, so they give its address.
    var ownKamerstuk = false
    /// What to call a document that states no title, after its ``openingLine`` and a
    /// descriptive file name (``DescriptiveFileName``): its first sentence.
    var fallbackTitle: String?
    /// A first paragraph of one short line, which names a document that states no title.
    var openingLine: String?
    /// A SyncFeed tombstone: the record says the document was deleted.
    var isDeleted = false

    /// Fills what is missing here from `other` (a sidecar loses to the document itself
    /// only where the document says nothing).
    mutating func fillGaps(from other: DocumentMetadata) {
        identifier = identifier ?? other.identifier
        title = title ?? other.title
        fallbackTitle = fallbackTitle ?? other.fallbackTitle
        openingLine = openingLine ?? other.openingLine
        date = date ?? other.date
        if type == .overig { type = other.type }
        if dossiers.isEmpty { dossiers = other.dossiers }
        documentNumber = documentNumber ?? other.documentNumber
        for value in other.identifiers where !identifiers.contains(value) { identifiers.append(value) }
        ministry = ministry ?? other.ministry
        if authors.isEmpty { authors = other.authors }
        url = url ?? other.url
        version = version ?? other.version
        ownKamerstuk = ownKamerstuk || other.ownKamerstuk
    }

    /// `36 658` → `36658`; `34 851-4`-style suffixes and separators are dropped, only a
    /// leading run of digits and spaces counts. Nil when there is no digit.
    static func normalizedDossier(_ raw: String) -> String? {
        let digits = raw.drop { $0 == " " }.prefix { ($0.isASCII && $0.isNumber) || $0 == " " }.filter { $0 != " " }
        return digits.isEmpty ? nil : String(digits)
    }

    /// The date part of `2017-12-12`, `2022-02-28T00:00:00` or a Dutch date
    /// (`Donderdag 8 februari 2018`, `Den Haag, 12 december 2017`), as `yyyy-mm-dd`.
    static func isoDate(from raw: String) -> String? {
        let bytes = Array(raw.utf8)
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ ByteClass.isDigit(bytes[$0]) }) {
            return String(decoding: bytes[0 ..< 10], as: UTF8.self)
        }
        // Try each position where a day number starts.
        var searchStart = raw.startIndex
        while searchStart < raw.endIndex {
            guard let digit = raw[searchStart...].firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
            if digit == raw.startIndex || !raw[raw.index(before: digit)].isNumber,
               let date = LetterMetadata.parseDate(raw[digit...]) {
                return date
            }
            searchStart = raw[digit...].firstIndex(where: { !($0.isASCII && $0.isNumber) }) ?? raw.endIndex
        }
        return nil
    }
}
