import Analysis

/// Two adjacent exact forms, at least one of them a stop word, indexed as one term of the
/// body's exact space (``FormatVersion/hasStopWordPairs``): `de minister`, `in het`, `kader van`.
///
/// A phrase such as `"de minister"` would otherwise read the positions of `de` in nearly
/// every passage; as the term `de minister` it reads one short list. `"in het kader van"`
/// is read as the pairs `in het` and `kader van` at offsets 0 and 2 (the fewest pairs and
/// words that cover the phrase; `het kader` lies inside them), led by the rarer. The same
/// idea as Lucene's CommonGrams and Nutch's stop-word bigrams.
///
/// A pair is only kept in a segment when both its words occur in at least
/// ``minimumWordFrequency`` passages of the segment: a phrase with a rarer word is led by
/// that word and cheap without pairs, and most distinct pairs are of that kind (they would
/// double the dictionary). So a pair term is in a segment with all its occurrences or not
/// at all, and a search that does not find one reads the phrase's words instead.
///
/// The two forms are joined by a space, which no exact form contains (the tokeniser splits
/// on it), so a pair can never collide with a word; prefix expansion leaves pairs out.
public enum StopWordPair {
    public static let separator: UInt8 = 0x20

    public static func term(_ first: String, _ second: String) -> String { first + " " + second }

    /// Whether a pair of exact forms would have been indexed (the analyzer's stop flag is
    /// the same test).
    public static func isIndexed(_ first: String, _ second: String) -> Bool {
        DutchStopWords.contains(first) || DutchStopWords.contains(second)
    }

    /// Passages of a segment each word of a pair must occur in for the pair to be kept.
    public static let minimumWordFrequency = 256

    /// Whether a pair whose words occur in these many passages of the segment is kept.
    static func isWorthKeeping(_ firstFrequency: Int, _ secondFrequency: Int) -> Bool {
        firstFrequency >= minimumWordFrequency && secondFrequency >= minimumWordFrequency
    }

    /// The dictionary keys of a pair key's two words (same space), or nil for a word.
    static func words(ofKey key: [UInt8]) -> (first: [UInt8], second: [UInt8])? {
        guard key.count > 1, let separator = key[1...].firstIndex(of: Self.separator) else { return nil }
        return (Array(key[..<separator]), [key[0]] + key[(separator + 1)...])
    }
}
