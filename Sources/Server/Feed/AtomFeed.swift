import Foundation

/// An Atom 1.0 feed document (RFC 4287), written out. Values are plain text; `xml`
/// escapes every one of them (``XMLText``). Links are absolute where the request said
/// which host it asked (``SiteAddress``).
struct AtomFeed {
    struct Entry {
        /// A permanent IRI: the same document always has the same id.
        var id: String
        var title: String
        /// RFC 3339, as ``AtomFeed/timestamp(day:)`` writes a document's date.
        var updated: String
        var published: String
        /// The document's page on this server.
        var link: String
        /// The official publication, when the document has one.
        var related: String?
        var category: String?
        var summary: String
    }

    var id: String
    var title: String
    var subtitle: String?
    var updated: String
    var selfLink: String
    /// The same search as a page.
    var alternateLink: String
    var entries: [Entry]

    static let contentType = "application/atom+xml; charset=utf-8"

    var xml: String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
            <id>\(XMLText.escape(id))</id>
            <title type="text">\(XMLText.escape(title))</title>

            """
        if let subtitle { xml += "<subtitle type=\"text\">\(XMLText.escape(subtitle))</subtitle>\n" }
        xml += """
            <updated>\(XMLText.escape(updated))</updated>
            <author><name>kamerzoek</name></author>
            <generator>kamerzoek</generator>
            <link rel="self" type="application/atom+xml" href="\(XMLText.escape(selfLink))"/>
            <link rel="alternate" type="text/html" href="\(XMLText.escape(alternateLink))"/>

            """
        for entry in entries {
            xml += "<entry>\n<id>\(XMLText.escape(entry.id))</id>\n<title type=\"text\">\(XMLText.escape(entry.title))</title>\n"
            xml += "<updated>\(XMLText.escape(entry.updated))</updated>\n<published>\(XMLText.escape(entry.published))</published>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.link))\"/>\n"
            if let related = entry.related { xml += "<link rel=\"related\" href=\"\(XMLText.escape(related))\"/>\n" }
            if let category = entry.category { xml += "<category term=\"\(XMLText.escape(category))\"/>\n" }
            xml += "<summary type=\"text\">\(XMLText.escape(entry.summary))</summary>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// A document's date (`yyyy-mm-dd`) as an Atom date: the start of that day in UTC.
    /// Documents are dated by day only; which hour would be invented.
    static func timestamp(day: String) -> String { day + "T00:00:00Z" }

    /// Nanoseconds since 1970 as an Atom date, to the second, in UTC.
    static func timestamp(nanoseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: Double(nanoseconds / 1_000_000_000)))
    }
}
