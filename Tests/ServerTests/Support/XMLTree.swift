import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read with Foundation's `XMLParser` (libxml2 underneath) into a tree,
/// so that tests check what a feed reader would see, not the bytes.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    fileprivate(set) var children: [XMLTree] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The first child named `name`.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// Parses `text` with namespaces resolved: names are `{namespace}local`, as in the
    /// ElementTree of the OpenAPI script. Nil, with the parser's error, when not well-formed.
    static func parse(_ text: String) throws -> XMLTree {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseFailure(description: String(describing: parser.parserError))
        }
        return root
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = XMLTree(name: "{\(namespaceURI ?? "")}\(elementName)", attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

/// An Atom feed as a reader sees it: the parts the tests look at.
struct AtomReading {
    static let namespace = "{http://www.w3.org/2005/Atom}"

    struct Entry {
        var id: String
        var title: String
        var updated: String
        var published: String?
        var links: [(rel: String, href: String)]
        var category: String?
        var summary: String

        func link(_ rel: String) -> String? { links.first { $0.rel == rel }?.href }
    }

    var id: String
    var title: String
    var updated: String
    var links: [(rel: String, href: String)]
    var entries: [Entry]

    func link(_ rel: String) -> String? { links.first { $0.rel == rel }?.href }

    init(_ text: String) throws {
        let feed = try XMLTree.parse(text)
        let atom = Self.namespace
        guard feed.name == atom + "feed" else { throw XMLTree.ParseFailure(description: "root \(feed.name)") }
        func links(_ element: XMLTree) -> [(rel: String, href: String)] {
            element.all(atom + "link").map { ($0.attributes["rel"] ?? "alternate", $0.attributes["href"] ?? "") }
        }
        id = feed.child(atom + "id")?.text ?? ""
        title = feed.child(atom + "title")?.text ?? ""
        updated = feed.child(atom + "updated")?.text ?? ""
        self.links = links(feed)
        entries = feed.all(atom + "entry").map { entry in
            Entry(
                id: entry.child(atom + "id")?.text ?? "", title: entry.child(atom + "title")?.text ?? "",
                updated: entry.child(atom + "updated")?.text ?? "", published: entry.child(atom + "published")?.text,
                links: links(entry), category: entry.child(atom + "category")?.attributes["term"],
                summary: entry.child(atom + "summary")?.text ?? "")
        }
    }
}
