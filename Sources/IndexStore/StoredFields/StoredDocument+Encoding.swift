/// The uncompressed bytes of one `.sto` record (docs/INDEX_FORMAT.md):
///
/// ```
/// Record     --> Source, FileSize, MTime, Hash, Format, Title?, Date?, Type, Dossiers,
///                Number?, Identifiers, Ministry?, Authors, Passages, Notes, Warnings,
///                VarUInt32 rootLength, Url?                    (rootLength, Url?: version 7)
/// String     --> VarUInt64 length, UTF-8 bytes            (`Bytes`, as every length prefix)
/// String?    --> Byte 0 | Byte 1, String
/// Strings    --> VarUInt32 count, String^count
/// Passages   --> VarUInt32 count, <Heading?, Text, VarUInt64 start, VarUInt64 end>^count
/// Notes      --> VarUInt32 count, <Label?, Text>^count
/// ```
///
/// The id is not repeated here: it is in the document table.
extension StoredDocument {
    /// Longest string a record may hold; a length above it can only be damage.
    static let maximumStringLength = 64 << 20

    func encodeRecord(into writer: inout ByteWriter) {
        writer.writeString(source)
        writer.writeVarUInt64(fileSize)
        writer.writeVarUInt64(UInt64(bitPattern: modificationTime))
        writer.writeString(contentHash)
        writer.writeString(format)
        writer.writeOptionalString(title)
        writer.writeOptionalString(date)
        writer.writeString(type)
        writer.writeStrings(dossiers)
        writer.writeOptionalString(documentNumber)
        writer.writeStrings(identifiers)
        writer.writeOptionalString(ministry)
        writer.writeStrings(authors)
        writer.writeVarUInt32(UInt32(passages.count))
        for passage in passages {
            writer.writeOptionalString(passage.heading)
            writer.writeString(passage.text)
            writer.writeVarUInt64(UInt64(passage.start))
            writer.writeVarUInt64(UInt64(passage.end))
        }
        writer.writeVarUInt32(UInt32(notes.count))
        for note in notes {
            writer.writeOptionalString(note.label)
            writer.writeString(note.text)
        }
        writer.writeStrings(warnings)
        writer.writeVarUInt32(UInt32(rootLength))
        writer.writeOptionalString(url)
    }

    static func decodeRecord(id: String, from reader: inout ByteReader) throws(IndexCorruption) -> StoredDocument {
        var document = StoredDocument(id: id, source: try reader.readString(), contentHash: "")
        document.fileSize = try reader.readVarUInt64()
        document.modificationTime = Int64(bitPattern: try reader.readVarUInt64())
        document.contentHash = try reader.readString()
        document.format = try reader.readString()
        document.title = try reader.readOptionalString()
        document.date = try reader.readOptionalString()
        document.type = try reader.readString()
        document.dossiers = try reader.readStrings()
        document.documentNumber = try reader.readOptionalString()
        document.identifiers = try reader.readStrings()
        document.ministry = try reader.readOptionalString()
        document.authors = try reader.readStrings()
        let passageCount = try reader.readCount()
        for _ in 0 ..< passageCount {
            let heading = try reader.readOptionalString()
            let text = try reader.readString()
            let start = try reader.readVarUInt64()
            let end = try reader.readVarUInt64()
            guard start <= end, end <= UInt64(Int.max) else {
                throw reader.slice.corruption(at: reader.position, .invariantViolated("passage ends before it starts"))
            }
            document.passages.append(StoredPassage(heading: heading, text: text, start: Int(start), end: Int(end)))
        }
        let noteCount = try reader.readCount()
        for _ in 0 ..< noteCount {
            let label = try reader.readOptionalString()
            document.notes.append(StoredNote(label: label, text: try reader.readString()))
        }
        document.warnings = try reader.readStrings()
        // Records written before version 7 end here. A merge copies records as they are,
        // so segments of any version may hold such records: the record's length, not the
        // segment's version, says whether the locations follow.
        if reader.remaining > 0 {
            let at = reader.position
            let rootLength = Int(try reader.readVarUInt32())
            guard rootLength <= document.source.utf8.count else {
                throw reader.slice.corruption(at: at, .implausibleLength(rootLength, limit: document.source.utf8.count))
            }
            document.rootLength = rootLength
            document.url = try reader.readOptionalString()
        }
        return document
    }
}

extension ByteWriter {
    mutating func writeString(_ value: String) {
        writeLengthPrefixed(Array(value.utf8))
    }

    mutating func writeOptionalString(_ value: String?) {
        if let value {
            writeByte(1)
            writeString(value)
        } else {
            writeByte(0)
        }
    }

    mutating func writeStrings(_ values: [String]) {
        writeVarUInt32(UInt32(values.count))
        for value in values { writeString(value) }
    }
}

extension ByteReader {
    mutating func readString() throws(IndexCorruption) -> String {
        let bytes = try readLengthPrefixedSlice(maximumCount: StoredDocument.maximumStringLength)
        return bytes.decodedString()
    }

    mutating func readOptionalString() throws(IndexCorruption) -> String? {
        let start = position
        switch try readByte() {
        case 0: return nil
        case 1: return try readString()
        case let flag: throw slice.corruption(at: start, .invariantViolated("optional-string flag \(flag) is neither 0 nor 1"))
        }
    }

    /// A count of items that each take at least one byte: more than the bytes left is damage.
    mutating func readCount() throws(IndexCorruption) -> Int {
        let start = position
        let count = Int(try readVarUInt32())
        guard count <= remaining else {
            throw slice.corruption(at: start, .implausibleLength(count, limit: remaining))
        }
        return count
    }

    mutating func readStrings() throws(IndexCorruption) -> [String] {
        let count = try readCount()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0 ..< count { values.append(try readString()) }
        return values
    }
}
