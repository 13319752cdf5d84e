import Foundation

/// How every machine answer is written, by the CLI's `--json` and the HTTP API alike, so
/// that one value gives the same bytes through either: keys sorted, which keeps output
/// stable from run to run and easy to compare; slashes left as they are, since document
/// ids and paths are full of them.
public enum MachineJSON {
    /// `pretty` indents, for commands that print one whole document for a person to read
    /// as well (`show`, `extract`); the API never indents.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
