import Analysis
import ArgumentParser
import Foundation

/// `kamerzoek analyze TEXT`: shows how the analyzer turns text into index terms.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the tokens, exact forms and stems the analyzer makes of a text.",
        discussion: """
            Offsets are UTF-8 byte offsets into the text. Terms that share a position \
            (the concatenation of a hyphenated word, the second reading of '(on)veiligheid') \
            are separate rows with the same position.
            """
    )

    @Argument(help: "The text to analyse, or '-' to read it from standard input.")
    var text: String

    @Flag(name: .long, help: "Print a JSON array with one object per token.")
    var json = false

    func run() throws {
        let input: String
        if text == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            input = String(decoding: data, as: UTF8.self)
        } else {
            input = text
        }
        let analyzer: Analyzer
        do {
            analyzer = try Analyzer()
        } catch {
            throw CommandFailure("\(error)")
        }
        let tokens = try analyzer.analyze(input)
        let rows = tokens.map { AnalyzedToken($0, in: input) }
        if json {
            try JSONOutput.print(rows)
        } else {
            print(AnalyzedToken.table(rows))
        }
    }
}

/// One row of `analyze` output; the JSON field names are a contract.
struct AnalyzedToken: Encodable {
    var position: UInt32
    var start: Int
    var end: Int
    var text: String
    var exact: String
    var stem: String
    var stop: Bool
    var flags: [String]

    init(_ token: Token, in input: String) {
        position = token.position
        start = token.start
        end = token.end
        let utf8 = Array(input.utf8)
        text = String(decoding: utf8[token.start ..< token.end], as: UTF8.self)
        exact = token.exact
        stem = token.stem
        stop = token.isStopWord
        flags = token.flags.subtracting(.stop).names
    }

    static func table(_ rows: [AnalyzedToken]) -> String {
        var lines = ["pos  start  end    text                     exact                    stem                 flags"]
        for row in rows {
            let flags = (row.stop ? ["stop"] : []) + row.flags
            lines.append(
                pad("\(row.position)", 5) + pad("\(row.start)", 7) + pad("\(row.end)", 7)
                    + pad(row.text.replacingOccurrences(of: "\n", with: "⏎"), 25) + pad(row.exact, 25) + pad(row.stem, 21)
                    + flags.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ value: String, _ width: Int) -> String {
        let length = value.count
        return length >= width ? value + " " : value + String(repeating: " ", count: width - length)
    }
}

