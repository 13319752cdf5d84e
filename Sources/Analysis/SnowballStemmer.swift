import CStemmer
import Foundation

/// Why the analyzer cannot start: the only failures of the analysis layer.
public enum AnalyzerError: Error, CustomStringConvertible, Equatable {
    /// libstemmer has neither `dutch_porter` nor a `dutch` that is Porter's algorithm.
    case stemmerUnavailable(String)
    /// The text is larger than the analyzer's 32-bit offsets can address.
    case textTooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .stemmerUnavailable(let reason):
            return "The Dutch stemmer cannot be used: \(reason)"
        case .textTooLarge(let bytes):
            return "The text is \(bytes) bytes; the analyzer takes at most 4 GiB at once. Split it into passages first."
        }
    }
}

/// Porter's Dutch stemmer from libstemmer, under whichever name the library gives it.
///
/// Snowball 3.0 renamed Porter's Dutch algorithm to `dutch_porter` and gave the name
/// `dutch` to Kraaij-Pohlmann, which conflates *gemeenten* with *mening*. We open
/// `dutch_porter` when it exists; otherwise `dutch`, and then a canary word proves that it
/// is Porter's. A stemmer object and its output buffer belong to one thread: the buffer
/// is overwritten by the next call, so every result is copied out at once.
final class SnowballStemmer {
    /// The Snowball algorithm name that was opened.
    let algorithm: String
    private let handle: OpaquePointer

    /// Porter gives `gemeent`; Kraaij-Pohlmann gives `meen`.
    static let canary = (word: "gemeenten", porterStem: "gemeent")

    init() throws {
        if let porter = sb_stemmer_new("dutch_porter", "UTF_8") {
            handle = porter
            algorithm = "dutch_porter"
        } else if let dutch = sb_stemmer_new("dutch", "UTF_8") {
            handle = dutch
            algorithm = "dutch"
        } else {
            throw AnalyzerError.stemmerUnavailable("libstemmer has neither the 'dutch_porter' nor the 'dutch' algorithm.")
        }
        let canaryStem = stem(Array(Self.canary.word.utf8))
        guard canaryStem == Array(Self.canary.porterStem.utf8) else {
            sb_stemmer_delete(handle)
            throw AnalyzerError.stemmerUnavailable(
                "libstemmer's '\(algorithm)' stems '\(Self.canary.word)' to '\(String(decoding: canaryStem, as: UTF8.self))', not '\(Self.canary.porterStem)': it is not Porter's Dutch algorithm, and indexes built with it would not match ours."
            )
        }
    }

    deinit { sb_stemmer_delete(handle) }

    /// The raw libstemmer stem of lower-case UTF-8 bytes.
    func stem(_ word: [UInt8]) -> [UInt8] {
        guard !word.isEmpty else { return [] }
        // The only pointers into libstemmer: it reads `word.count` bytes of the array during
        // the call, and its result lies in the stemmer's own buffer, which the next call on
        // this object (one thread) overwrites, so it is copied out before returning.
        return word.withUnsafeBufferPointer { word in
            guard let output = sb_stemmer_stem(handle, word.baseAddress, Int32(word.count)) else {
                // libstemmer returns NULL only when it cannot allocate; the word is then its own stem.
                return Array(word)
            }
            return Array(UnsafeBufferPointer(start: output, count: Int(sb_stemmer_length(handle))))
        }
    }

    /// The file name of the loaded libstemmer (for example `libstemmer.so.0d.0.0`), read
    /// from the process's memory map: libstemmer has no version call, and the shared
    /// object's real name is the closest we can get.
    static let libraryFileName: String = {
        // procfs reports size 0, so read to the end instead of trusting the file size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return "libstemmer" }
        defer { try? handle.close() }
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in maps.split(separator: "\n") where line.contains("libstemmer") {
            if let path = line.split(separator: " ", omittingEmptySubsequences: true).last, let name = path.split(separator: "/").last {
                return String(name)
            }
        }
        return "libstemmer (linked statically)"
    }()
}
