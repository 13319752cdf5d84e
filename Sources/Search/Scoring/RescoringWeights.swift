import Foundation

/// How much each kind of evidence BM25 does not see moves a passage in the rescoring
/// (``Rescorer``). The defaults are what the evaluations chose (docs/EVALUATION.md); the
/// others exist so that the evaluation can measure variants against them.
public struct RescoringWeights: Sendable, Equatable {
    /// A heading holding query stems adds this share of the passage's BM25, in proportion
    /// to the stems it holds.
    public var heading: Float = 0.5
    /// The title's BM25 for the query stems, times this, is added to every passage.
    public var title: Float = 0.9
    /// Query stems standing close multiply the passage's BM25 by up to 1 + this.
    public var proximity: Float = 0.5
    /// A dated document's score is multiplied by up to 1 + this, falling linearly from
    /// today to nothing at 30 years old (undated: nothing). Off by default.
    public var recency: Float = 0
    /// The share of the document's passages that hold a query word, times this, adds that
    /// share of the passage's BM25 (a document about the subject mentions it throughout).
    /// A passage counts once for each query stem it holds, and the share stops at 1: a
    /// passage with both words says more than one with either (measured as good as
    /// counting passages once, docs/EVALUATION.md), and each stem's count comes from two
    /// seeks without reading the postings in between.
    public var coverage: Float = 2
    /// Added to the document's passage count in the coverage share, so that a document of
    /// one or two passages does not have all of them match by being short.
    public var coverageSmoothing: Float = 0
    /// log₂(1 + the document's passages that hold a query word, counted as for
    /// ``coverage``), times this, adds that share of the passage's BM25. Off by default.
    public var matchCount: Float = 0

    public init() {}

    /// 1 for today, 0 at 30 years or older and for undated documents (`date` is yyyymmdd).
    static func recency(date: UInt32, today: Double) -> Float {
        guard date > 0 else { return 0 }
        let year = Double(date / 10_000) + Double(date / 100 % 100 - 1) / 12
        return Float(max(0, min(1, 1 - (today - year) / 30)))
    }

    /// This year as a fraction (2026.9).
    static func today() -> Double {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Double(components.year ?? 2026) + Double((components.month ?? 1) - 1) / 12
    }
}
