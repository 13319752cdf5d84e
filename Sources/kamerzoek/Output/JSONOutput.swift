import Foundation
import IndexStore

/// Machine output: one JSON document on standard output, written as the HTTP API writes
/// its answers (``MachineJSON``).
enum JSONOutput {
    static func print<T: Encodable>(_ value: T, pretty: Bool = false) throws {
        let data = try MachineJSON.encoder(pretty: pretty).encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

/// Text for people, on standard error, so that it never mixes with machine output.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
