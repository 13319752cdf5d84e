/// What an index must record about the analyzer that built it: two indexes whose
/// identities differ cannot share terms, so an index refuses a reader or writer with
/// another identity (and says to rebuild).
public struct AnalyzerIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The libstemmer algorithm name that was opened (`dutch_porter`, or `dutch` when the
    /// library predates Snowball 3 and the canary proved it is Porter's).
    public var algorithm: String
    /// The real file name of the loaded libstemmer (it has no version call).
    public var library: String
    /// Hash of the raw stems of a fixed probe list: changes whenever the library's output does.
    public var stemmerFingerprint: String
    /// ``DutchStemmer/rulesVersion`` together with the tokeniser's version.
    public var rulesVersion: Int

    public init(algorithm: String, library: String, stemmerFingerprint: String, rulesVersion: Int) {
        self.algorithm = algorithm
        self.library = library
        self.stemmerFingerprint = stemmerFingerprint
        self.rulesVersion = rulesVersion
    }

    /// One line, for the index header and for `kamerzoek stats`.
    public var description: String {
        "kamerzoek-nl rules=\(rulesVersion) stemmer=\(algorithm)(porter) fingerprint=\(stemmerFingerprint) library=\(library)"
    }
}

extension AnalyzerIdentity {
    /// Whether terms made by `other` are the terms this analyzer makes. The algorithm name
    /// and the library's file name are informative only: `dutch_porter` and a canary-checked
    /// `dutch` are one algorithm, and the fingerprint catches any difference in behaviour.
    public func producesSameTerms(as other: AnalyzerIdentity) -> Bool {
        stemmerFingerprint == other.stemmerFingerprint && rulesVersion == other.rulesVersion
    }
}
