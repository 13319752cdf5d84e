import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives a document's content in order from `XMLReader`.
protocol XMLContentHandler {
    /// `attribute` looks up an attribute of this element by qualified name; it is only
    /// valid during the call.
    mutating func startElement(_ name: String, attribute: (String) -> String?)
    mutating func endElement(_ name: String)
    mutating func text(_ text: String)
}

/// Streams XML through libxml2's xmlTextReader, so memory stays flat however large the
/// file; the only file that touches libxml2.
///
/// Safety: `XML_PARSE_NONET` (no network), and never `XML_PARSE_NOENT` (entities stay
/// references instead of being expanded, which defeats billion laughs and XXE),
/// `XML_PARSE_DTDLOAD` (no external DTD is read) or `XML_PARSE_HUGE` (libxml2's size
/// limits stay on). Processing instructions are dropped without a space, so an
/// `<?xpp …?>` inside a word leaves the word whole.
enum XMLReader {
    struct Outcome {
        /// libxml2's errors, as `line N: message`, at most `maximumErrors`.
        var errors: [String]
        /// True when the reader reached the end of the document without a fatal error.
        var completed: Bool
        /// How many entity references were left unexpanded.
        var unexpandedEntities: Int
    }

    static let maximumErrors = 5

    /// libxml2 wants `xmlInitParser` once before readers are used from several threads
    /// (the indexer extracts in parallel); a static let runs it exactly once.
    private static let parserInitialised: Void = xmlInitParser()

    static func read<Handler: XMLContentHandler>(_ bytes: [UInt8], url: String, recover: Bool, into handler: inout Handler) -> Outcome {
        _ = parserInitialised
        let errors = ErrorCollector()
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        if recover { options |= XML_PARSE_RECOVER.rawValue }
        guard bytes.count < Int(Int32.max) else {
            return Outcome(errors: ["the file is larger than 2 GB"], completed: false, unexpandedEntities: 0)
        }
        // Every pointer below lives inside this closure. libxml2 reads the bytes of `buffer`
        // while the reader lives, and the reader is freed (the `defer`) before the closure
        // returns; the error collector is retained for the same span. An empty array may
        // have no address, and libxml2 needs one even for zero bytes: any non-null pointer
        // does, since it reads none.
        return bytes.withUnsafeBufferPointer { buffer -> Outcome in
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            // We always hand libxml2 UTF-8 (TextDecoder made it so), whatever the file declared.
            guard let reader = xmlReaderForMemory(base, Int32(buffer.count), url, "UTF-8", Int32(bitPattern: options)) else {
                return Outcome(errors: ["libxml2 could not start reading"], completed: false, unexpandedEntities: 0)
            }
            defer { xmlFreeTextReader(reader) }
            let box = Unmanaged.passRetained(errors)
            defer { box.release() }
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
                let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                collector.add("line \(error.pointee.line): \(message.trimmingTrailingNewlines)")
            }, box.toOpaque())

            // Element names come from the reader's dictionary and stay put while it
            // lives, so one String per distinct name is enough. The table keyed by those
            // addresses is local to this closure and never read after the reader is freed.
            var names: [UnsafePointer<xmlChar>: String] = [:]
            func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
                guard let pointer else { return "" }
                if let known = names[pointer] { return known }
                let created = String(cString: pointer)
                names[pointer] = created
                return created
            }

            var entities = 0
            var status: Int32 = 1
            while true {
                status = xmlTextReaderRead(reader)
                guard status == 1 else { break }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let elementName = name(xmlTextReaderConstName(reader))
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    handler.startElement(elementName) { attributeName in
                        guard let value = xmlTextReaderGetAttribute(reader, attributeName) else { return nil }
                        // libxml2's default xmlFree is free(); the global hook itself is not concurrency-safe to read.
                        defer { free(value) }
                        return String(cString: value)
                    }
                    if isEmpty { handler.endElement(elementName) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    handler.endElement(name(xmlTextReaderConstName(reader)))
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                     Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if let value = xmlTextReaderConstValue(reader) { handler.text(String(cString: value)) }
                case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                    entities += 1
                default:
                    break  // processing instructions, comments, doctype
                }
            }
            return Outcome(errors: errors.messages, completed: status == 0, unexpandedEntities: entities)
        }
    }

    private final class ErrorCollector {
        var messages: [String] = []
        func add(_ message: String) {
            if messages.count < XMLReader.maximumErrors { messages.append(message) }
        }
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var result = self
        while result.last == "\n" || result.last == " " { result.removeLast() }
        return result
    }
}
