import Foundation
import Testing

/// Every link in the documentation resolves: a relative Markdown link names a file of the
/// repository (and, with `#anchor`, one of its headings), and a source comment that names
/// a document (`docs/SEARCH.md`, `INDEX_FORMAT.md`) names one that is here, and a section
/// of it (`docs/SEARCH.md, "Ranking"`) that it has. A reader who follows a link from the
/// code or the docs must never land on nothing, nor outside the repository.
@Suite struct DocumentationLinksTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The files under `folder` whose names end in `suffix`, as paths from the root. Hidden
    /// folders are skipped: bench/.build holds the bench package's build and the packages
    /// it checked out, whose documents are not this repository's.
    static func files(under folder: String, endingIn suffix: String) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
        while let path = enumerator?.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix(".") {
                enumerator?.skipDescendants()
            } else if path.hasSuffix(suffix) {
                files.append(folder + "/" + path)
            }
        }
        return files
    }

    /// The Markdown files a reader opens: docs/, the READMEs and bench/'s guides.
    static func markdownFiles() -> [String] {
        let guides = ["README.md", "Corpus/README.md"]
        return (guides + files(under: "docs", endingIn: ".md") + files(under: "bench", endingIn: ".md")).sorted()
    }

    /// GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens.
    static func anchors(in text: String) -> Set<String> {
        var anchors = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("#") {
            let heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = heading.unicodeScalars.filter { $0.properties.isAlphabetic || ("0" ... "9").contains($0) || $0 == "-" || $0 == " " || $0 == "_" }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }

    /// The text outside fenced code blocks and inline code spans, where links are links.
    static func prose(_ text: String) -> String {
        var lines: [Substring] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            if !fenced { lines.append(line) }
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: "`[^`\n]*`", with: "", options: .regularExpression)
    }

    @Test func markdownLinksResolve() throws {
        var broken: [String] = []
        let link = try Regex(#"\]\(([^)\s]+)\)"#)
        for file in Self.markdownFiles() {
            let url = Self.root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in Self.prose(text).matches(of: link) {
                let target = String(match.output[1].substring ?? "")
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]), anchor = parts.count > 1 ? String(parts[1]) : nil
                let resolved = path.isEmpty ? url : url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                guard FileManager.default.fileExists(atPath: resolved.path) else {
                    broken.append("\(file): \(target) (no such file)")
                    continue
                }
                if let anchor, resolved.pathExtension == "md",
                   !Self.anchors(in: try String(contentsOf: resolved, encoding: .utf8)).contains(anchor) {
                    broken.append("\(file): \(target) (no such heading)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }

    /// The Swift files of Sources/ and bench/, as paths from the repository's root.
    static func swiftFiles() -> [String] {
        (files(under: "Sources", endingIn: ".swift") + files(under: "bench", endingIn: ".swift")).sorted()
    }

    /// A document named in a source comment, as written from the repository's root or as a
    /// bare name in docs/; nil when there is no such file.
    static func document(named name: String) -> URL? {
        let candidates = name.contains("/") ? [name] : ["docs/" + name, name]
        return candidates.map { root.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Lower case, letters, digits and single spaces only: how a section named in a
    /// comment is compared with a heading, so that case, punctuation and a line break in
    /// the comment do not matter.
    static func plain(_ text: some StringProtocol) -> String {
        let kept = text.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0" ... "9").contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    @Test func documentsNamedInSourcesExist() throws {
        var missing: [String] = []
        let name = try Regex(#"(?:[a-z][\w-]*/)*[A-Z][A-Z_]*\.md"#)
        for file in Self.swiftFiles() {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: name) where Self.document(named: String(text[match.range])) == nil {
                missing.append("\(file): \(text[match.range])")
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    /// `docs/INGEST.md, "Bad input"`: the document has a heading that starts with the
    /// quoted words (`## Bad input`), also when the comment breaks the name over two lines.
    @Test func sectionsNamedInSourcesExist() throws {
        var missing: [String] = []
        let section = try Regex(#"((?:[a-z][\w-]*/)*[A-Z][A-Z_]*\.md),? "([^"]+)""#)
        for file in Self.swiftFiles() {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            // Comment lines joined, so that a name broken over two lines reads as one.
            let joined = text.replacingOccurrences(of: #"\n[ \t]*//+ ?"#, with: " ", options: .regularExpression)
            for match in joined.matches(of: section) {
                let named = String(match.output[1].substring ?? ""), heading = String(match.output[2].substring ?? "")
                guard let url = Self.document(named: named) else { continue }  // reported above
                let headings = try String(contentsOf: url, encoding: .utf8)
                    .split(separator: "\n").filter { $0.hasPrefix("#") }.map { Self.plain($0) }
                if !headings.contains(where: { $0.hasPrefix(Self.plain(heading)) }) {
                    missing.append("\(file): \(named), \"\(heading)\"")
                }
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    /// A clone of the repository holds nothing beside it: a comment in Sources that points
    /// at `../shared` (the project machine's corpus and notes) points at nothing.
    @Test func sourceCommentsStayInTheRepository() throws {
        var outside: [String] = []
        for file in Self.swiftFiles() where file.hasPrefix("Sources/") {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let comment = line.range(of: "//"), line[comment.lowerBound...].contains("../shared") {
                    outside.append("\(file):\(number + 1)")
                }
            }
        }
        #expect(outside.isEmpty, "\(outside.joined(separator: "\n"))")
    }
}
