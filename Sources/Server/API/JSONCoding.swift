import Foundation

/// The JSON form of every response: the same settings as the CLI's `--json` (sorted keys,
/// slashes as is), so `/api/search` and `kamerzoek search --json` give the same bytes.
enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
