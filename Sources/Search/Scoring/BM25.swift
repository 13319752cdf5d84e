/// Okapi BM25 over passages (docs/SEARCH.md, "Ranking").
///
/// `k1 = 1.2` and `b = 0.75`, the values Lucene and most engines ship with; passages are
/// short (≈40–250 words) and fairly even in length, where those defaults are known to hold.
/// idf is Lucene's `ln(1 + (N - df + 0.5) / (df + 0.5))`, never negative.
struct BM25: Sendable {
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// Passages (or documents, for titles) in the whole index, and their average length.
    let count: Float
    let averageLength: Float

    init(count: Int, lengthSum: UInt64) {
        self.count = Float(max(count, 1))
        averageLength = count > 0 ? max(Float(Double(lengthSum) / Double(count)), 1) : 1
    }

    func idf(documentFrequency: Int) -> Float {
        let df = Float(documentFrequency)
        return log(1 + (count - df + 0.5) / (df + 0.5))
    }

    /// One term's contribution: `idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avg))`.
    @inline(__always)
    func score(idf: Float, frequency: UInt32, length: UInt32) -> Float {
        let tf = Float(frequency)
        let norm = Self.k1 * (1 - Self.b + Self.b * Float(length) / averageLength)
        return idf * tf * (Self.k1 + 1) / (tf + norm)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
