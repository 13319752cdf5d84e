/// Reads one file into a `Document`: detects the format, repairs the encoding, runs the
/// text cleanup or the XML reader for the file's family, finds metadata and cuts
/// passages. Damaged input gives a document with warnings, never a crash; only a file
/// that cannot be read at all throws.
public struct Extractor: Sendable {
    /// Folder manifests, read once per folder (``FolderManifest``).
    private let manifests = FolderManifests()

    public init() {}

    /// - Parameters:
    ///   - path: the file to read.
    ///   - root: the indexed root the document id is relative to; nil uses `path` as given.
    /// - Throws: `ExtractionError` when the file cannot be read (missing, no permission,
    ///   a directory).
    public func extract(fileAt path: String, relativeTo root: String?) throws -> ExtractionOutcome {
        let bytes = try FileReading.read(path)
        return extract(bytes: bytes, path: path, relativeTo: root)
    }

    /// The same for bytes already in memory; `path` names them in ids and warnings.
    /// `contentHash`, when the caller has already hashed the bytes (``SHA256/hexDigest(of:)``),
    /// spares hashing them twice.
    public func extract(bytes: [UInt8], path: String, relativeTo root: String?, contentHash: String? = nil) -> ExtractionOutcome {
        let detection = FormatDetector.detect(bytes, path: path)
        // Hashed only once we know the file is kept: a skipped video needs no digest.
        func makeContext() -> Context {
            Context(path: path, id: Self.documentID(path: path, root: root), hash: contentHash ?? SHA256.hexDigest(of: bytes))
        }
        switch detection {
        case .unsupported(let reason):
            return .skipped(reason: reason)
        case .text, .markdown:
            if detection == .text, let reason = TableFile.skipReason(path: path, bytes: bytes) { return .skipped(reason: reason) }
            var context = makeContext()
            if path.lowercased().hasSuffix(".csv"),
               let speeches = ParlSpeechExport.documents(bytes, path: path, id: context.id, contentHash: context.hash) {
                return speeches.isEmpty ? .skipped(reason: "a ParlSpeech export without speeches") : .documents(speeches)
            }
            return .document(extractText(bytes, markdown: detection == .markdown, context: &context))
        case .xml:
            var context = makeContext()
            return extractXML(bytes, context: &context)
        }
    }

    struct Context {
        var path: String
        var id: String
        var hash: String
        var warnings: [String] = []

        mutating func warn(_ message: String) { warnings.append("\(path): \(message)") }
    }

    // MARK: - Text and Markdown

    private func extractText(_ bytes: [UInt8], markdown: Bool, context: inout Context) -> Document {
        let decoded = TextDecoder.decode(bytes)
        for repair in decoded.repairs { context.warn(repair) }
        return textDocument(decoded.text, markdown: markdown, context: &context)
    }

    private func textDocument(_ text: String, markdown: Bool, context: inout Context) -> Document {
        guard !markdown, let paged = PagedText.clean(text) else {
            let withoutFurniture = LetterheadPrefix.remove(from: RepeatedBlocks.remove(from: text))
            let cleanup = TextCleanup.clean(withoutFurniture, markdown: markdown)
            var metadata = LetterMetadata(rawText: text, cleanup: cleanup).metadata
            if metadata.date == nil, withoutFurniture.utf8.count != text.utf8.count {
                // A date that stood only in the margin block (`Datum⏎19 november 2024`).
                metadata.date = LetterMetadata.findDate(in: text.utf8Prefix(LetterMetadata.identifierWindow))
            }
            return assemble(metadata, cleanup.builder, format: markdown ? .markdown : .text, context: &context)
        }
        // PDF text, page by page: furniture, page-foot notes and the letterhead are out
        // before the line cleanup sees the body.
        var cleanup = TextCleanup.clean(paged.text, markdown: false, shortLinesAreHeadings: true)
        for note in paged.notes { cleanup.builder.note(label: note.label, text: note.text) }
        var metadata = LetterMetadata(rawText: paged.text, cleanup: cleanup).metadata
        if let letterhead = paged.letterhead {
            metadata.date = letterhead.date ?? metadata.date
            metadata.title = letterhead.subject.map { LetterMetadata.shorten($0) } ?? metadata.title
            if metadata.type == .overig, letterhead.subject != nil { metadata.type = .brief }
        }
        return assemble(metadata, cleanup.builder, format: .text, context: &context)
    }

    // MARK: - XML

    private func extractXML(_ raw: [UInt8], context: inout Context) -> ExtractionOutcome {
        var bytes = raw
        let isUTF16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if isUTF16 {
            bytes = Array(TextDecoder.decode(bytes).text.utf8)
        } else if TextDecoder.hasUTF8BOM(bytes) {
            bytes.removeFirst(3)
        }
        let junk = XMLRepair.stripJunkBeforeDeclaration(&bytes)
        if junk > 0 { context.warn("removed \(junk) bytes of junk before the XML declaration") }
        let decoded = TextDecoder.decode(bytes, declaredEncoding: isUTF16 ? nil : XMLRepair.declaredEncoding(bytes))
        for repair in decoded.repairs { context.warn(repair) }
        bytes = Array(decoded.text.utf8)
        XMLRepair.declareUTF8(&bytes)
        if XMLRepair.restoreAttributeCase(&bytes) { context.warn("restored the case of lower-cased attribute names") }

        var family = XMLFamily(rootElement: XMLFamily.rootElement(of: bytes) ?? "")
        // `<work>` is a common name: only a BWB manifest (it names its BWB id) is skipped.
        if family == .bwbMetadata, bytes.prefix(2048).firstOffset(of: Array("BWB".utf8)) == nil { family = .generic }
        switch family {
        case .koopPublication: return read(KOOPPublication.self, bytes, context: &context, withSidecar: true)
        case .koopMetadata:
            return .skipped(reason: "a KOOP metadata.xml sidecar; it is merged into the publication beside it")
        case .syncFeed: return read(SyncFeedEntry.self, bytes, context: &context, withSidecar: false)
        case .parlaMint: return read(ParlaMintReader.self, bytes, context: &context, withSidecar: false)
        case .bwb: return read(BWBLaw.self, bytes, context: &context, withSidecar: false)
        case .bwbMetadata:
            return .skipped(reason: "BWB metadata (a manifest.xml or .WTI file about the law's versions), not a document; the law's own XML states its title and dates")
        case .rechtspraak: return read(RechtspraakDecision.self, bytes, context: &context, withSidecar: false)
        case .generic: return read(GenericXML.self, bytes, context: &context, withSidecar: false)
        }
    }

    /// Strict first; if the XML is not well-formed, libxml2's recovery mode; if that
    /// finds no text either, the file is read as plain text with its tags removed.
    private func read<Reader: XMLFormatReader>(
        _ type: Reader.Type, _ bytes: [UInt8], context: inout Context, withSidecar: Bool
    ) -> ExtractionOutcome {
        var reader = Reader()
        let outcome = XMLReader.read(bytes, url: context.path, recover: false, into: &reader)
        if !outcome.completed {
            let detail = outcome.errors.first.map { " (\($0))" } ?? ""
            var recovered = Reader()
            let second = XMLReader.read(bytes, url: context.path, recover: true, into: &recovered)
            recovered.assembler.finish()
            reader.assembler.finish()
            if recovered.assembler.builder.blocks.count >= reader.assembler.builder.blocks.count {
                reader = recovered
            }
            if reader.assembler.builder.blocks.isEmpty {
                context.warn("not well-formed XML\(detail); libxml2 recovered no text, so the file was read as plain text")
                return .document(textDocument(XMLRepair.stripTags(bytes), markdown: false, context: &context))
            }
            let how = second.completed ? "libxml2's recovery mode read the rest" : "kept the text before the damage"
            context.warn("not well-formed XML\(detail); \(how)")
        } else {
            reader.assembler.finish()
            for error in outcome.errors { context.warn("XML: \(error)") }
        }
        if outcome.unexpandedEntities > 0 {
            context.warn("\(outcome.unexpandedEntities) entity references were not expanded (entities are never resolved)")
        }
        for remark in reader.remarks { context.warn(remark) }
        var metadata = reader.metadata()
        if metadata.isDeleted {
            return .skipped(reason: "the SyncFeed record marks the document as deleted (tk:verwijderd)")
        }
        if withSidecar, let sidecar = sidecarMetadata(for: context.path, context: &context) {
            var merged = sidecar
            merged.fillGaps(from: metadata)
            metadata = merged
        }
        // Only KOOP publications carry an identifier of their own (id contract).
        if withSidecar {
            context.id = metadata.identifier ?? Self.koopIdentifier(fromPath: context.path) ?? context.id
        }
        return .document(assemble(metadata, reader.assembler.builder, format: .xml, context: &context))
    }

    /// `X/metadata.xml` or `X.metadata.xml` beside `X.xml`.
    private func sidecarMetadata(for path: String, context: inout Context) -> DocumentMetadata? {
        guard path.hasSuffix(".xml") else { return nil }
        let base = String(path.dropLast(4))
        for candidate in [base + "/metadata.xml", base + ".metadata.xml"] where FileReading.exists(candidate) {
            guard let raw = try? FileReading.read(candidate) else {
                context.warn("the metadata sidecar \(candidate) could not be read")
                return nil
            }
            var bytes = raw
            if TextDecoder.hasUTF8BOM(bytes) { bytes.removeFirst(3) }
            _ = XMLRepair.stripJunkBeforeDeclaration(&bytes)
            bytes = Array(TextDecoder.decode(bytes, declaredEncoding: XMLRepair.declaredEncoding(bytes)).text.utf8)
            var reader = KOOPMetadataSidecar()
            let outcome = XMLReader.read(bytes, url: candidate, recover: true, into: &reader)
            if !outcome.completed || !outcome.errors.isEmpty {
                context.warn("the metadata sidecar \(candidate) is damaged; what could be read was used")
            }
            return reader.metadata()
        }
        return nil
    }

    // MARK: - Document

    private func assemble(_ found: DocumentMetadata, _ builder: BlockBuilder, format: SourceFormat, context: inout Context) -> Document {
        var metadata = found
        if let row = manifests.row(for: context.path) {
            metadata.url = metadata.url ?? row.url
            metadata.date = metadata.date ?? row.date
            metadata.title = metadata.title ?? row.title
        }
        let passages = PassageSplitter.split(builder.blocks)
        if passages.isEmpty { context.warn("no text was found in the file") }
        return Document(
            id: context.id, source: context.path, contentHash: context.hash, format: format,
            title: (metadata.title ?? metadata.openingLine ?? DescriptiveFileName.title(fromPath: context.path) ?? metadata.fallbackTitle)
                .flatMap { $0.isEmpty ? nil : WhiteSpace.collapse($0) }
                ?? builder.blocks.first.map { LetterMetadata.shorten($0.text, limit: 120) },
            date: metadata.date, type: metadata.type, dossiers: metadata.dossiers,
            documentNumber: metadata.documentNumber, identifiers: metadata.identifiers,
            ministry: metadata.ministry, url: OfficialAddress.derive(id: context.id, metadata: metadata),
            authors: metadata.authors, passages: passages,
            notes: builder.notes, warnings: context.warnings
        )
    }

    /// The id contract: relative to `root` when the path lies under it, extension dropped.
    static func documentID(path: String, root: String?) -> String {
        var relative = Substring(path)
        if let root, !root.isEmpty {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if relative.hasPrefix(prefix) { relative = relative.dropFirst(prefix.count) }
        }
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let fileStart = relative.lastIndex(of: "/").map { relative.index(after: $0) } ?? relative.startIndex
        if let dot = relative[fileStart...].lastIndex(of: "."), dot > fileStart {
            relative = relative[..<dot]
        }
        return String(relative)
    }

    /// A KOOP file name (`kst-28345-252.xml`, `h-tk-20172018-50-1.xml`) is its identifier.
    static func koopIdentifier(fromPath path: String) -> String? {
        let name = documentID(path: String(path.split(separator: "/").last ?? ""), root: nil)
        let prefixes = ["kst-", "ah-tk-", "kv-tk-", "h-tk-", "h-ek-", "kv-", "ah-", "blg-", "stb-", "stcrt-"]
        return prefixes.contains(where: { name.hasPrefix($0) }) ? name : nil
    }
}
