import IndexStore

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
    /// Per length byte (``LengthNorm``), the length part `k1·(1 − b + b·len/avg)`, as
    /// ``score(idf:frequency:length:)`` computes it: one of the two divisions per scored
    /// posting saved (a division costs many times a multiplication), the same result to
    /// the bit. Lucene's BM25 keeps the same table.
    let lengthParts: [Float]

    init(count: Int, lengthSum: UInt64) {
        self.count = Float(max(count, 1))
        let averageLength = count > 0 ? max(Float(Double(lengthSum) / Double(count)), 1) : 1
        self.averageLength = averageLength
        lengthParts = LengthNorm.lengths.map { Self.lengthPart(length: $0, averageLength: averageLength) }
    }

    @inline(__always)
    private static func lengthPart(length: UInt32, averageLength: Float) -> Float {
        k1 * (1 - b + b * Float(length) / averageLength)
    }

    func idf(documentFrequency: Int) -> Float {
        let df = Float(documentFrequency)
        return log(1 + (count - df + 0.5) / (df + 0.5))
    }

    /// One term's contribution: `idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avg))`.
    @inline(__always)
    func score(idf: Float, frequency: UInt32, length: UInt32) -> Float {
        score(idf: idf, frequency: frequency, lengthPart: Self.lengthPart(length: length, averageLength: averageLength))
    }

    /// The same for a length byte: ``score(idf:frequency:length:)`` of its decoded length.
    @inline(__always)
    func score(idf: Float, frequency: UInt32, norm: UInt8) -> Float {
        score(idf: idf, frequency: frequency, lengthPart: lengthParts[Int(norm)])
    }

    @inline(__always)
    private func score(idf: Float, frequency: UInt32, lengthPart: Float) -> Float {
        let tf = Float(frequency)
        return idf * tf * (Self.k1 + 1) / (tf + lengthPart)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
