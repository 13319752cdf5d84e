/// List bullets as PDF and Word exports write them: `·`, U+F0B7 (Symbol-font bullet from
/// Word), `•`, `▪`, an en dash, or `-`/`*` followed by a space. A bullet starts a new
/// paragraph; the mark itself is dropped.
enum Bullet {
    private static let marks: [[UInt8]] = [
        [0xC2, 0xB7], [0xEF, 0x82, 0xB7], [0xE2, 0x80, 0xA2], [0xE2, 0x96, 0xAA], [0xE2, 0x80, 0x93],
    ]

    /// The text after the bullet, or nil when the line does not start with one.
    static func strip(_ line: ArraySlice<UInt8>, markdown: Bool) -> ArraySlice<UInt8>? {
        for mark in marks where line.starts(with: mark) {
            return WhiteSpace.trim(line.dropFirst(mark.count))
        }
        if line.count > 2, line[line.startIndex + 1] == 0x20,
           line.first == UInt8(ascii: "-") || (line.first == UInt8(ascii: "*")) {
            return WhiteSpace.trim(line.dropFirst(2))
        }
        return nil
    }

    /// `1. Een …`, `12) Het …`, `a. Het …`: an enumerated item starts a paragraph too, but
    /// keeps its number. A capital must follow, so a wrapped `nr. 252` or `art. 3 lid`
    /// continuation is not mistaken for one.
    static func isEnumerator(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        let end = line.endIndex
        if index < end, line[index] >= UInt8(ascii: "a"), line[index] <= UInt8(ascii: "z") {
            index += 1
        } else {
            while index < end, ByteClass.isDigit(line[index]), index - line.startIndex < 2 { index += 1 }
        }
        guard index > line.startIndex, index + 2 < end,
              line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")"),
              line[index + 1] == 0x20 else { return false }
        return ByteClass.isUpper(line[index + 2])
    }
}
