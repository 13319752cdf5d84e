/// The choices an analyzer can be built with. The default is what kamerzoek indexes with;
/// the others exist for the relevance evaluation (bench/eval), which compares them.
public struct AnalyzerConfiguration: Sendable, Hashable {
    public enum Stemming: String, Sendable, CaseIterable {
        /// The folded exact form is the stem: no stemming at all.
        case none
        /// Porter's Dutch algorithm as libstemmer has it, without our rules.
        case porter
        /// Porter's algorithm with the override table and the pre- and post-rules.
        case porterWithRules = "porter+rules"
    }

    public var stemming: Stemming

    public init(stemming: Stemming = .porterWithRules) {
        self.stemming = stemming
    }

    public static let standard = AnalyzerConfiguration()
}
