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
}
