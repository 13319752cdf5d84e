/// A ParlSpeech export (Rauh & Schwalbach, ParlSpeech V2: one plenary speech per CSV row,
/// with `date`, `agenda`, `speaker`, `party` and `text` columns) is many documents in one
/// file: each speech becomes a document of its own, dated, titled by its agenda item and
/// headed by its speaker, so that a date filter, a speaker's name and the item's title
/// find the speech rather than a 900 KB table.
enum ParlSpeechExport {
    /// Whether the table's header names the columns a speech needs.
    static func isExport(header columns: [String]) -> Bool {
        columns.contains("speaker") && columns.contains("text")
    }

    /// One document per row with text; nil when the bytes are not such an export.
    static func documents(_ bytes: [UInt8], path: String, id baseID: String, contentHash: String) -> [Document]? {
        var rows = CSVRows(bytes).makeIterator()
        guard let header = rows.next()?.map({ $0.lowercased().filter { $0 != "\u{FEFF}" } }), isExport(header: header) else {
            return nil
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let date = column("date"), agenda = column("agenda"), speaker = column("speaker"), party = column("party")
        let text = column("text"), rowNumber = column("parlspeech_row")
        var documents: [Document] = []
        var ordinal = 0
        while let row = rows.next() {
            ordinal += 1
            func cell(_ index: Int?) -> String? {
                guard let index, index < row.count else { return nil }
                let value = WhiteSpace.collapse(row[index])
                return value.isEmpty || value == "NA" ? nil : value
            }
            guard let body = text.flatMap({ index in index < row.count ? row[index] : nil }), !body.isEmpty else { continue }
            let name = cell(speaker)
            let heading = [name, cell(party).map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            var builder = BlockBuilder()
            if !heading.isEmpty { builder.heading(heading) }
            for paragraph in body.split(whereSeparator: \.isNewline) { builder.paragraph(String(paragraph)) }
            let number = cell(rowNumber) ?? String(ordinal)
            let speechDate = cell(date).flatMap(DocumentMetadata.isoDate(from:))
            let title = cell(agenda).map { LetterMetadata.shorten($0) }
                ?? [heading.isEmpty ? nil : heading, speechDate].compactMap { $0 }.joined(separator: ", ")
            documents.append(Document(
                id: "\(baseID)#\(number)", source: path, contentHash: contentHash, format: .text,
                title: title.isEmpty ? nil : title, date: speechDate, type: .handelingen,
                authors: name.map { [$0] } ?? [], passages: PassageSplitter.split(builder.blocks)))
        }
        return documents
    }
}

/// The rows of a CSV file (RFC 4180: comma-separated, fields in double quotes may hold
/// commas, line breaks and doubled quotes), decoded as UTF-8 (invalid bytes replaced).
struct CSVRows: Sequence {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var index = 0

        mutating func next() -> [String]? {
            guard index < bytes.count else { return nil }
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            field.append(byte)
                            index += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        field.append(byte)
                    }
                } else if byte == UInt8(ascii: "\"") {
                    quoted = true
                } else if byte == UInt8(ascii: ",") {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                } else if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                    break
                } else {
                    field.append(byte)
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            return fields
        }
    }
}
