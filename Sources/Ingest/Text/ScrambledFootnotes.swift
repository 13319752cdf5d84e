/// A page foot where pdftotext printed the footnotes' numbers as lines of their own,
/// apart from their texts and in any order. pdftotext's default mode writes the blocks of
/// a page in an order of its own: a superscript number is a block, so a note's number may
/// come right before its text, after it, or stacked with other numbers
/// (`Kamerstukken … 726⏎Kamerstukken … 2050⏎10⏎Kamerstukken … 989⏎8⏎9`), and the notes
/// may follow the last body line without a blank line between them.
///
/// The reading used here: a number directly followed by text labels that text (up to the
/// next number or blank line); the numbers left over label the texts nobody claimed, in
/// the order of the texts and of the numbers. Unclaimed texts below the first number are
/// notes; the rest are taken from the lines just above the first number, as many notes as
/// numbers remain, reading upward and splitting where a line starts a note.
enum ScrambledFootnotes {
    typealias Note = (label: String, text: String)

    /// How far above the foot a number may stand and still be a note's: a note of more
    /// lines than this between two numbers is not seen.
    static let maximumGap = 10

    /// Nil when the foot is not scrambled (numbers in order, each before its text) or
    /// cannot be read with confidence; `PagedText.splitFootnotes` then reads it.
    static func split(_ lines: [String], nextNumber: Int) -> (body: [String], notes: [Note])? {
        let end = (lines.lastIndex { !$0.isEmpty } ?? -1) + 1
        guard let numberLines = numberLines(lines, end: end, nextNumber: nextNumber) else { return nil }
        let zoneTop = numberLines.first!
        var claimed: [(number: Int, lines: [String])] = []
        var leftover: [Int] = []
        var belowRuns: [[String]] = []
        var run: [String] = []
        var claiming = false
        func closeRun() {
            if !run.isEmpty { belowRuns.append(run) }
            run = []
        }
        for index in zoneTop ..< end {
            let line = lines[index]
            if numberLines.contains(index) {
                closeRun()
                let number = Int(line)!
                let next = index + 1 < end ? lines[index + 1] : ""
                claiming = !next.isEmpty && bareNumber(next) == nil
                if claiming { claimed.append((number, [])) } else { leftover.append(number) }
            } else if line.isEmpty {
                claiming = false
                closeRun()
            } else if bareNumber(line) != nil || inlineLabel(line, from: nextNumber) {
                return nil
            } else if claiming {
                claimed[claimed.count - 1].lines.append(line)
            } else {
                run.append(line)
            }
        }
        closeRun()
        let claimedInOrder = claimed.map(\.number) == claimed.map(\.number).sorted()
        guard !leftover.isEmpty || !claimedInOrder else { return nil }

        // The unclaimed texts below the first number, split where a line starts a note.
        var orphans = belowRuns.flatMap(splitAtNoteStarts)
        guard orphans.count <= leftover.count else { return nil }
        var bodyEnd = zoneTop
        if orphans.count < leftover.count {
            guard let (top, start) = takeNotes(leftover.count - orphans.count, above: zoneTop, in: lines) else { return nil }
            orphans = top + orphans
            bodyEnd = start
        }
        var notes: [Note] = zip(leftover.sorted(), orphans).map { number, text in (String(number), text.joined(separator: " ")) }
        notes += claimed.map { claim in (String(claim.number), claim.lines.joined(separator: " ")) }
        notes.sort { Int($0.label)! < Int($1.label)! }
        return (Array(lines[..<bodyEnd]), notes)
    }

    /// The lines at the foot that are only a note number, continuing the count from
    /// `nextNumber` (or one or two past it, for a note an earlier page lost) without a
    /// gap; nil unless there is at least one.
    static func numberLines(_ lines: [String], end: Int, nextNumber: Int) -> [Int]? {
        var found: [Int] = []
        var index = end - 1
        var sinceLast = 0
        while index >= lines.count / 3, sinceLast <= maximumGap {
            if let number = bareNumber(lines[index]), (nextNumber ..< nextNumber + 40).contains(number) {
                found.append(index)
                sinceLast = 0
            } else if !lines[index].isEmpty {
                sinceLast += 1
            }
            index -= 1
        }
        let numbers = found.map { Int(lines[$0])! }.sorted()
        guard let first = numbers.first, first <= nextNumber + 2,
              numbers == Array(first ..< first + numbers.count) else { return nil }
        return found.reversed()
    }

    /// `12` alone on its line.
    static func bareNumber(_ line: String) -> Int? {
        line.count <= 3 ? Int(line) : nil
    }

    /// `6 Kamerstukken …`: a note whose number stands before its text on one line, which
    /// the ordinary reading handles.
    static func inlineLabel(_ line: String, from nextNumber: Int) -> Bool {
        let digits = line.prefix { $0.isNumber }
        guard let number = Int(digits), number >= nextNumber, number < nextNumber + 40 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.first == " " && rest.dropFirst().first?.isLetter == true
    }

    /// `count` notes read upward from the lines just above the first number (skipping one
    /// blank line), each ending where a line starts a note; where they begin is where the
    /// body ends. Nil when the lines run out first, unless they are as many as the notes.
    static func takeNotes(_ count: Int, above zoneTop: Int, in lines: [String]) -> (notes: [[String]], start: Int)? {
        var index = zoneTop - 1
        if index >= 0, lines[index].isEmpty { index -= 1 }
        var notes: [[String]] = []
        var current: [String] = []
        while index >= 0, !lines[index].isEmpty {
            current.insert(lines[index], at: 0)
            let above = index > 0 ? lines[index - 1] : ""
            if above.isEmpty || startsNote(lines[index], after: above) {
                notes.insert(current, at: 0)
                current = []
                if notes.count == count { return (notes, index) }
            }
            index -= 1
        }
        // A block that reads as fewer notes than numbers: one note per line, if that fits.
        let block = notes.flatMap { $0 } + current
        guard block.count == count else { return nil }
        return (block.map { [$0] }, index + 1)
    }

    /// A run of unclaimed lines cut into notes where a line starts one.
    static func splitAtNoteStarts(_ run: [String]) -> [[String]] {
        var notes: [[String]] = []
        for (index, line) in run.enumerated() {
            if index == 0 || startsNote(line, after: run[index - 1]) {
                notes.append([line])
            } else {
                notes[notes.count - 1].append(line)
            }
        }
        return notes
    }

    /// Whether `line` starts a note rather than continuing the line above: it opens with a
    /// capital, a quote or an address, and the line above does not lead into it (`…, zie`
    /// before a URL, a URL running on, a long line wrapped before one last word).
    static func startsNote(_ line: String, after above: String) -> Bool {
        guard let first = line.first else { return false }
        let isAddress = line.hasPrefix("http") || line.hasPrefix("www.")
        guard first.isUppercase || isAddress || "“‘\"".contains(first) else { return false }
        let lastWord = above.split(separator: " ").last.map(String.init) ?? ""
        if above.hasSuffix(":") || above.hasSuffix("-") || lastWord == "zie" || lastWord == "via" { return false }
        if isAddress, lastWord.contains("/") || !above.contains(" ") { return false }
        if !line.contains(" "), line.count <= 30, above.count >= 60,
           let last = above.last, !".;:!?)".contains(last) {
            return false
        }
        return true
    }
}
