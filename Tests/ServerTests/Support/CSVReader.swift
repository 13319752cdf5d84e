/// Reads CSV as RFC 4180 writes it, strictly: records end in CRLF (the last one too), a
/// quoted field may hold commas, CR, LF and doubled quotes. Anything else is a failure,
/// so the tests read back exactly what the export promises.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        guard let next = scalars.first, next == "," || next == "\r" else {
                            throw Malformed(description: "a closing quote not followed by a comma or CRLF")
                        }
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw Malformed(description: "a quote inside an unquoted field") }
                quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed(description: "a CR without LF") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\n":
                throw Malformed(description: "an LF without CR outside quotes")
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed(description: "the last record does not end in CRLF") }
        return records
    }
}
