/// `Vraag 4`, `Vraag 4 en 5`, `Antwoord 1`, `Antwoord vraag 1.`, `Antwoord op vragen 2 t/m 4`:
/// a line that is only such a label heads a question or an answer, which are separate
/// passages and never merged.
enum QuestionHeading {
    private static let openers = ["Vraag", "Vragen", "Antwoord", "Antwoorden"]
    private static let fillers: Set<Substring> = ["op", "vraag", "vragen", "en", "t/m", "tot", "met", "-", "–", "&"]

    static func matches(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count <= 48, let first = line.first, first == UInt8(ascii: "V") || first == UInt8(ascii: "A") else {
            return false
        }
        let text = String(decoding: line, as: UTF8.self)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard let opener = words.first, openers.contains(String(opener)), words.count >= 2 else { return false }
        var sawNumber = false
        for word in words.dropFirst() {
            let bare = word.trimmingSuffix { $0 == "." || $0 == ":" }
            if !bare.isEmpty, bare.allSatisfy({ $0.isASCII && $0.isNumber }) {
                sawNumber = true
            } else if !fillers.contains(bare) {
                return false
            }
        }
        return sawNumber
    }
}

extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
