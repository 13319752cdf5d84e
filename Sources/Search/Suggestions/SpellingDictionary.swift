#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IndexStore

/// The exact forms that "did you mean" may suggest: every body exact form of the snapshot
/// written in letters only that occurs in at least ``minimumDocuments`` documents, sorted
/// by their UTF-8 bytes, with its document count summed over the segments; and the same
/// forms written backwards, sorted likewise.
///
/// Words within an edit distance of a query word are found by walking a sorted list as
/// the trie it implies (``candidates(near:maximumDistance:minimumDocuments:)``): the
/// terms sharing a prefix are a range, a range's children are found by binary search on
/// the next byte, and a prefix is left as soon as every cell of its row of the distance
/// table exceeds the distance. Within two edits every short prefix qualifies, so a plain walk visits most
/// of the list's first three levels; instead, since two edits leave one half of the word
/// with at most one, the forward list is walked with at most one edit in the word's first
/// half and the backward list with at most one in its second half (the backward list's
/// first), and the two walks' words are put together. Each visits a few hundred prefixes.
/// A replacement for a word the index has must be far more frequent: such searches walk
/// lists of only the more frequent terms (``levelMinimums``).
///
/// Built once per snapshot (``SearchableSnapshot/spellingDictionary()``), from the
/// segments' spelling lists where they have them (``SpellingLists``: both orders written
/// with each segment, so that building is merging and filtering, without a sort); the
/// terms are held as byte arrays with offsets, not as strings.
final class SpellingDictionary: Sendable {
    /// The terms in at least `minimum` documents, forwards and backwards, for each of
    /// ``levels``' minimums: a search for a replacement of a word that exists needs one
    /// at least 20 times as frequent, and walks the shorter list of such terms only.
    private let levels: [(minimum: Int, forward: SortedTerms, backward: SortedTerms)]

    /// Rarer forms are left out: they are as often misspellings themselves as words, and
    /// leaving them out keeps the lists small.
    static let minimumDocuments: UInt32 = 5
    /// The lists kept: every term, then those in 40, 320 and 2,560 documents or more.
    static let levelMinimums = [Int(minimumDocuments), 40, 320, 2_560]

    var count: Int { levels[0].forward.count }

    /// The bytes this holds (its arrays' contents).
    var memoryBytes: Int { levels.reduce(0) { $0 + $1.forward.memoryBytes + $1.backward.memoryBytes } }

    /// Reads the segments' spelling lists (``SpellingLists``, format 9 on) when every
    /// segment has them: each segment's words come in both orders, so the snapshot's lists
    /// are a merge of sorted lists and a filter, with no sort. A single segment's are only
    /// filtered. A snapshot with an older segment gathers the words from the term
    /// dictionaries and sorts them backwards instead (and so does `readingSpellingLists`
    /// false, which tests compare the two ways with).
    init(_ snapshot: IndexSnapshot, readingSpellingLists: Bool = true) throws {
        let stored = snapshot.segments.compactMap(\.reader.spellingLists)
        if readingSpellingLists, !stored.isEmpty, stored.count == snapshot.segments.count {
            var forward = SortedTerms(), backward = SortedTerms()
            for lists in stored {
                let words = try lists.decode()
                let segmentForward = SortedTerms(bytes: words.bytes, starts: words.starts, counts: words.counts)
                let segmentBackward = segmentForward.reversedTerms(inOrder: words.backward)
                forward = forward.isEmpty ? segmentForward : SortedTerms.merging(forward, segmentForward)
                backward = backward.isEmpty ? segmentBackward : SortedTerms.merging(backward, segmentBackward)
            }
            // Each level's lists are the previous level's with the rarer terms left out.
            var levels: [(minimum: Int, forward: SortedTerms, backward: SortedTerms)] = []
            for minimum in Self.levelMinimums {
                var kept = forward.filtered(minimum: minimum), reversed = backward.filtered(minimum: minimum)
                forward = kept
                backward = reversed
                kept.findMostDocuments()
                reversed.findMostDocuments()
                levels.append((minimum, kept, reversed))
            }
            self.levels = levels
            return
        }
        var merged = SortedTerms()
        for segment in snapshot.segments {
            var terms = SortedTerms()
            try segment.reader.dictionary.forEachKeyAndDocumentCount(withPrefix: [TermSpace.bodyExact.rawValue]) { key, documents in
                let word = key.extracting(droppingFirst: 1)
                guard SpellingLists.isWord(word) else { return }
                terms.append((0 ..< word.count).map { word[$0] }, documents)
            }
            merged = merged.isEmpty ? terms : SortedTerms.merging(merged, terms)
        }
        levels = Self.levelMinimums.map { minimum in
            var kept = merged.filtered(minimum: minimum)
            var reversed = kept.reversedTerms()
            kept.findMostDocuments()
            reversed.findMostDocuments()
            return (minimum, kept, reversed)
        }
    }

    /// Every level's minimum, then its terms with their counts forwards, then backwards
    /// (each term as the list holds it), one string each (for tests).
    var lists: [[String]] {
        func described(_ terms: SortedTerms) -> [String] {
            (0 ..< terms.count).map { "\(String(decoding: terms.term($0), as: UTF8.self)) \(terms.counts[$0])" }
        }
        return levels.map { ["\($0.minimum)"] + described($0.forward) + described($0.backward) }
    }

    /// Every term and its document count, in byte order (for tests).
    var terms: [(term: String, documents: Int)] {
        (0 ..< levels[0].forward.count).map { (String(decoding: levels[0].forward.term($0), as: UTF8.self), Int(levels[0].forward.counts[$0])) }
    }

    /// The terms within `maximumDistance` edits of `word` (insertions, deletions,
    /// substitutions and transpositions of adjacent bytes, each one edit: the optimal
    /// string alignment distance), `word` itself included when present, with their
    /// distances and document counts.
    ///
    /// Only terms in at least `minimumDocuments` documents are looked for: a prefix whose
    /// terms are all rarer is left at once (``SortedTerms/mostDocuments(_:_:)``), so a
    /// search for a word that exists, which only far more frequent words can replace,
    /// walks little of the list.
    func candidates(near word: [UInt8], maximumDistance: Int, minimumDocuments: Int = 0) -> [(term: String, distance: Int, documents: Int)] {
        let level = levels.last { $0.minimum <= minimumDocuments } ?? levels[0]
        let forward = level.forward, backward = level.backward
        guard maximumDistance >= 2, word.count >= 2 else {
            return forward.walk(word, maximumDistance: maximumDistance, head: 0, headDistance: 0, minimumDocuments: minimumDocuments)
                .map { ($0.term, $0.distance, $0.documents) }
        }
        // Edits are split between the halves: with at most two, one half has at most one.
        // (A transposition across the middle counts in both, and still leaves one half
        // with at most one.)
        let half = maximumDistance / 2
        let first = word.count - word.count / 2
        var found: [String: (distance: Int, documents: Int)] = [:]
        for match in forward.walk(word, maximumDistance: maximumDistance, head: first, headDistance: half, minimumDocuments: minimumDocuments) {
            found[match.term] = (match.distance, match.documents)
        }
        for match in backward.walk(
            Array(word.reversed()), maximumDistance: maximumDistance, head: word.count - first, headDistance: half,
            minimumDocuments: minimumDocuments
        ) {
            found[String(decoding: match.bytes.reversed(), as: UTF8.self)] = (match.distance, match.documents)
        }
        return found.map { ($0.key, $0.value.distance, $0.value.documents) }
    }

    /// Terms in byte order, appended and merged without a string each.
    private struct SortedTerms {
        var bytes: [UInt8] = []
        var starts: [UInt32] = [0]
        var counts: [UInt32] = []

        init() {}

        init(bytes: [UInt8], starts: [UInt32], counts: [UInt32]) {
            self.bytes = bytes
            self.starts = starts
            self.counts = counts
        }

        var count: Int { counts.count }
        var isEmpty: Bool { counts.isEmpty }

        func term(_ index: Int) -> ArraySlice<UInt8> { bytes[Int(starts[index]) ..< Int(starts[index + 1])] }

        /// `mostDocuments[k][i]`: the size class (``sizeClass(_:)``) of the most documents
        /// any of the terms `i ..< i + 2^k` has; a sparse table, so that a range of any
        /// length is two look-ups.
        private(set) var mostDocumentsTable: [[UInt8]] = []

        var memoryBytes: Int { bytes.count + starts.count * 4 + counts.count * 4 + mostDocumentsTable.reduce(0) { $0 + $1.count } }

        /// The bits `count` needs: counts of one class lie within a factor of two.
        static func sizeClass(_ count: Int) -> UInt8 { UInt8(Int.bitWidth - count.leadingZeroBitCount) }

        mutating func findMostDocuments() {
            var level = counts.map { Self.sizeClass(Int($0)) }
            var span = 1
            mostDocumentsTable = [level]
            while span * 2 <= counts.count {
                level = (0 ... counts.count - span * 2).map { max(level[$0], level[$0 + span]) }
                mostDocumentsTable.append(level)
                span *= 2
            }
        }

        /// The size class of the most documents among terms `low ..< high` (not empty).
        func mostDocuments(_ low: Int, _ high: Int) -> UInt8 {
            let level = Int.bitWidth - 1 - (high - low).leadingZeroBitCount
            return max(mostDocumentsTable[level][low], mostDocumentsTable[level][high - (1 << level)])
        }

        /// The terms within `maximumDistance` of `word`, found by walking the list as a
        /// trie, computing only the cells of the distance table within `maximumDistance`
        /// of its diagonal (the others cannot be within it: Ukkonen's band); a prefix no longer than `head - 1` is also left when no prefix of the
        /// word's first `head` bytes is within `headDistance` of it. (A term whose first
        /// `head` bytes of the word take at most `headDistance` edits passes that test:
        /// the prefixes on its way, up to the one aligned with those bytes, are no
        /// further from some prefix of them.)
        func walk(
            _ word: [UInt8], maximumDistance: Int, head: Int, headDistance: Int, minimumDocuments: Int
        ) -> [(term: String, bytes: [UInt8], distance: Int, documents: Int)] {
            guard count > 0, !word.isEmpty else { return [] }
            // A range whose most documents are of a smaller class has none with `minimumDocuments`.
            let wantedClass = Self.sizeClass(minimumDocuments)
            var found: [(term: String, bytes: [UInt8], distance: Int, documents: Int)] = []
            let length = word.count, width = length + 1
            let deepest = length + maximumDistance
            let headColumns = min(head, length)
            // Row `d` of the table (`table[d * width ..< (d + 1) * width]`): the distances
            // between the prefix of depth `d` on the path and each prefix of the word.
            var table = Array(repeating: 0, count: (deepest + 1) * width)
            for column in 0 ... length { table[column] = column }
            var path = Array(repeating: UInt8(0), count: deepest + 1)
            // Pointers, not spans or arrays: the recursive local function cannot capture
            // spans, and arrays (uniqueness and bounds checks) make every suggestion
            // slower. Every index is below a count: `starts` has `count + 1` entries
            // bounding `bytes`, `table` `deepest + 1` rows of `width`, `depth <= deepest`.
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    table.withUnsafeMutableBufferPointer { table in
                        func termLength(_ index: Int) -> Int { Int(starts[index + 1] - starts[index]) }
                        func byte(_ index: Int, _ depth: Int) -> UInt8 { bytes[Int(starts[index]) + depth] }

                        // The terms `low ..< high` share the prefix of length `depth` (`path`).
                        func visit(_ low: Int, _ high: Int, depth: Int) {
                            var child = low
                            if termLength(low) == depth {
                                // Outside the band the row holds no distance of this term's.
                                let distance = abs(length - depth) <= maximumDistance ? table[depth * width + length] : maximumDistance + 1
                                if distance <= maximumDistance, counts[low] >= minimumDocuments {
                                    let term = Array(UnsafeBufferPointer(rebasing: bytes[Int(starts[low]) ..< Int(starts[low + 1])]))
                                    found.append((String(decoding: term, as: UTF8.self), term, distance, Int(counts[low])))
                                }
                                child += 1
                            }
                            guard depth < deepest else { return }
                            let previous = depth * width, row = previous + width, before = previous - width
                            let checksHead = depth + 1 <= head - 1
                            while child < high {
                                let next = byte(child, depth)
                                // The end of the terms with `next` at `depth`: they are sorted on it.
                                var lower = child + 1, upper = high
                                while lower < upper {
                                    let middle = (lower + upper) / 2
                                    if byte(middle, depth) <= next { lower = middle + 1 } else { upper = middle }
                                }
                                if wantedClass > 0, mostDocuments(child, lower) < wantedClass {
                                    child = lower
                                    continue
                                }
                                path[depth] = next
                                table[row] = depth + 1
                                var smallest = depth + 1, smallestInHead = depth + 1
                                // Only the band of cells within the distance of the diagonal
                                // can be within it; the cells just outside the band hold a
                                // value past the distance for the next row to read.
                                let first = max(1, depth + 1 - maximumDistance), last = min(length, depth + 1 + maximumDistance)
                                if first - 1 >= 1 { table[row + first - 1] = maximumDistance + 1 }
                                if last + 1 <= length { table[row + last + 1] = maximumDistance + 1 }
                                for column in stride(from: first, through: last, by: 1) {
                                    let substitution = table[previous + column - 1] + (word[column - 1] == next ? 0 : 1)
                                    var cell = min(table[previous + column] + 1, table[row + column - 1] + 1, substitution)
                                    if depth >= 1, column >= 2, word[column - 1] == path[depth - 1], word[column - 2] == next {
                                        cell = min(cell, table[before + column - 2] + 1)
                                    }
                                    table[row + column] = cell
                                    smallest = min(smallest, cell)
                                    if column <= headColumns { smallestInHead = min(smallestInHead, cell) }
                                }
                                if smallest <= maximumDistance, !checksHead || smallestInHead <= headDistance {
                                    visit(child, lower, depth: depth + 1)
                                }
                                child = lower
                            }
                        }
                        visit(0, count, depth: 0)
                    }
                }
            }
            return found
        }

        mutating func append(_ term: some Collection<UInt8>, _ documents: UInt32) {
            bytes.append(contentsOf: term)
            starts.append(UInt32(bytes.count))
            counts.append(documents)
        }

        /// Byte order of term `i` of `left` and term `j` of `right`: negative, zero or
        /// positive (the first differing byte, then the shorter first). Only the sort of
        /// old segments' words uses it.
        static func compare(_ left: SortedTerms, _ i: Int, _ right: SortedTerms, _ j: Int) -> Int {
            let leftBytes = left.bytes.span, rightBytes = right.bytes.span
            let leftStart = Int(left.starts[i]), leftCount = Int(left.starts[i + 1]) - leftStart
            let rightStart = Int(right.starts[j]), rightCount = Int(right.starts[j + 1]) - rightStart
            for offset in 0 ..< min(leftCount, rightCount) {
                let leftByte = leftBytes[leftStart + offset], rightByte = rightBytes[rightStart + offset]
                if leftByte != rightByte { return Int(leftByte) - Int(rightByte) }
            }
            return leftCount - rightCount
        }

        /// The same terms, each written backwards, in byte order, with their counts.
        func reversedTerms() -> SortedTerms {
            var backwards = SortedTerms()
            backwards.bytes = Array(repeating: 0, count: bytes.count)
            backwards.starts = starts
            backwards.counts = counts
            for index in 0 ..< count {
                let start = Int(starts[index]), end = Int(starts[index + 1])
                for offset in 0 ..< end - start { backwards.bytes[start + offset] = bytes[end - 1 - offset] }
            }
            let order = (0 ..< count).sorted { Self.compare(backwards, $0, backwards, $1) < 0 }
            var sorted = SortedTerms()
            sorted.bytes.reserveCapacity(bytes.count)
            sorted.starts.reserveCapacity(starts.count)
            sorted.counts.reserveCapacity(count)
            for index in order { sorted.append(backwards.term(index), backwards.counts[index]) }
            return sorted
        }

        /// The terms in `order` (term numbers of this list), each written backwards: the
        /// backward list when `order` sorts the reversals.
        func reversedTerms(inOrder order: [UInt32]) -> SortedTerms {
            precondition(order.count == count, "an order of every term")
            var reversedBytes = [UInt8](repeating: 0, count: bytes.count)
            var reversedStarts = [UInt32](repeating: 0, count: count + 1)
            var reversedCounts = [UInt32](repeating: 0, count: count)
            var next = 0
            // Pointers: writing through spans, a bounds check a byte, made building slower.
            // Every write is below `next + (end - start) <= reversed.count` (the guard).
            reversedBytes.withUnsafeMutableBufferPointer { reversed in
                reversedStarts.withUnsafeMutableBufferPointer { reversedStarts in
                    reversedCounts.withUnsafeMutableBufferPointer { reversedCounts in
                        withBuffers { bytes, starts, counts in
                            for (rank, number) in order.enumerated() {
                                let start = Int(starts[Int(number)]), end = Int(starts[Int(number) + 1])
                                // Only an order naming a term twice would overflow (a decoded one does not).
                                guard end - start <= reversed.count - next else { break }
                                var target = reversed.baseAddress! + next, source = bytes.baseAddress! + end
                                for _ in 0 ..< end - start {
                                    source -= 1
                                    target.pointee = source.pointee
                                    target += 1
                                }
                                next += end - start
                                reversedStarts[rank + 1] = UInt32(next)
                                reversedCounts[rank] = counts[Int(number)]
                            }
                        }
                    }
                }
            }
            return SortedTerms(bytes: reversedBytes, starts: reversedStarts, counts: reversedCounts)
        }

        /// The terms in at least `minimum` documents, in the same order.
        func filtered(minimum: Int) -> SortedTerms {
            var kept = SortedTerms()
            kept.bytes.reserveCapacity(bytes.count)
            bytes.withUnsafeBufferPointer { bytes in
                for index in 0 ..< count where counts[index] >= minimum {
                    let start = Int(starts[index]), end = Int(starts[index + 1])
                    kept.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< end]))
                    kept.starts.append(UInt32(kept.bytes.count))
                    kept.counts.append(counts[index])
                }
            }
            return kept
        }

        /// Both lists' terms in order; a term in both once, with the counts added. Written
        /// through pointers into arrays sized for both: a merge of every word of a
        /// snapshot's segments is the most of what building the dictionary costs.
        static func merging(_ left: SortedTerms, _ right: SortedTerms) -> SortedTerms {
            let termCapacity = left.count + right.count, byteCapacity = left.bytes.count + right.bytes.count
            var bytes = [UInt8](repeating: 0, count: byteCapacity)
            var starts = [UInt32](repeating: 0, count: termCapacity + 1)
            var counts = [UInt32](repeating: 0, count: termCapacity)
            var written = 0, used = 0
            // Pointers (`memcmp`, one copy a term): spans, a bounds check a byte, made
            // building slower. Every write stays inside: the outputs are sized for both lists.
            bytes.withUnsafeMutableBufferPointer { outBytes in
                starts.withUnsafeMutableBufferPointer { outStarts in
                    counts.withUnsafeMutableBufferPointer { outCounts in
                        left.withBuffers { leftBytes, leftStarts, leftCounts in
                            right.withBuffers { rightBytes, rightStarts, rightCounts in
                                func copy(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ documents: UInt32) {
                                    UnsafeMutableRawPointer(outBytes.baseAddress! + used).copyMemory(from: source.baseAddress! + start, byteCount: end - start)
                                    used += end - start
                                    outCounts[written] = documents
                                    written += 1
                                    outStarts[written] = UInt32(used)
                                }
                                var i = 0, j = 0
                                while i < left.count, j < right.count {
                                    let leftStart = Int(leftStarts[i]), leftEnd = Int(leftStarts[i + 1])
                                    let rightStart = Int(rightStarts[j]), rightEnd = Int(rightStarts[j + 1])
                                    let common = min(leftEnd - leftStart, rightEnd - rightStart)
                                    var order = common == 0 ? 0 : Int(memcmp(leftBytes.baseAddress! + leftStart, rightBytes.baseAddress! + rightStart, common))
                                    if order == 0 { order = (leftEnd - leftStart) - (rightEnd - rightStart) }
                                    if order < 0 {
                                        copy(leftBytes, leftStart, leftEnd, leftCounts[i])
                                        i += 1
                                    } else if order > 0 {
                                        copy(rightBytes, rightStart, rightEnd, rightCounts[j])
                                        j += 1
                                    } else {
                                        copy(leftBytes, leftStart, leftEnd, leftCounts[i] &+ rightCounts[j])
                                        i += 1
                                        j += 1
                                    }
                                }
                                for rest in i ..< left.count { copy(leftBytes, Int(leftStarts[rest]), Int(leftStarts[rest + 1]), leftCounts[rest]) }
                                for rest in j ..< right.count { copy(rightBytes, Int(rightStarts[rest]), Int(rightStarts[rest + 1]), rightCounts[rest]) }
                            }
                        }
                    }
                }
            }
            bytes.removeLast(byteCapacity - used)
            starts.removeLast(termCapacity - written)
            counts.removeLast(termCapacity - written)
            return SortedTerms(bytes: bytes, starts: starts, counts: counts)
        }

        /// The three arrays' buffers, for loops that must not retain an array per term.
        func withBuffers<R>(
            _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> R
        ) -> R {
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in counts.withUnsafeBufferPointer { counts in body(bytes, starts, counts) } }
            }
        }
    }
}
