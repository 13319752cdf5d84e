#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a segment's spelling lists (``SpellingLists``): given every term as it goes into
/// the term dictionary, keeps the body exact forms that are words, then sorts their
/// reversals once for the backward order.
struct SpellingListsWriter {
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = [0]
    private var counts: [UInt32] = []

    /// Takes the next dictionary term (keys ascending) and its document count.
    mutating func add(key: [UInt8], documentCount: UInt32) {
        guard key.first == TermSpace.bodyExact.rawValue else { return }
        guard SpellingLists.isWord(key.span.extracting(droppingFirst: 1)) else { return }
        bytes.append(contentsOf: key[1...])
        starts.append(UInt32(bytes.count))
        counts.append(documentCount)
    }

    /// The file.
    func write(segmentID: SegmentID) -> ByteWriter {
        let termCount = counts.count
        var writer = ByteWriter(reservingCapacity: bytes.count / 2 + termCount * 6 + IndexFile.overhead)
        IndexFile.writeHeader(kind: .spellingLists, segmentID: segmentID, into: &writer)
        writer.writeVarUInt32(UInt32(termCount))
        writer.writeVarUInt32(UInt32(bytes.count))
        let width = SpellingLists.orderWidth(termCount)
        writer.writeByte(UInt8(width))
        for index in 0 ..< termCount {
            let start = Int(starts[index]), end = Int(starts[index + 1])
            var shared = 0
            if index > 0 {
                let previous = Int(starts[index - 1])
                let limit = min(start - previous, end - start)
                while shared < limit, bytes[previous + shared] == bytes[start + shared] { shared += 1 }
            }
            writer.writeVarUInt32(UInt32(shared))
            writer.writeLengthPrefixed(bytes[start + shared ..< end])
            writer.writeVarUInt32(counts[index])
        }
        for number in backwardOrder() {
            for byte in 0 ..< width { writer.writeByte(UInt8(truncatingIfNeeded: number >> (8 * byte))) }
        }
        IndexFile.writeFooter(into: &writer)
        return writer
    }

    /// The word numbers sorted by the words' bytes written backwards (a shorter word before
    /// a longer one it ends).
    private func backwardOrder() -> [Int] {
        var reversed = [UInt8](repeating: 0, count: bytes.count)
        for index in 0 ..< counts.count {
            let start = Int(starts[index]), end = Int(starts[index + 1])
            for offset in 0 ..< end - start { reversed[start + offset] = bytes[end - 1 - offset] }
        }
        return reversed.withUnsafeBufferPointer { reversed in
            starts.withUnsafeBufferPointer { starts in
                (0 ..< counts.count).sorted { left, right in
                    let leftStart = Int(starts[left]), leftCount = Int(starts[left + 1]) - leftStart
                    let rightStart = Int(starts[right]), rightCount = Int(starts[right + 1]) - rightStart
                    let order = memcmp(reversed.baseAddress! + leftStart, reversed.baseAddress! + rightStart, min(leftCount, rightCount))
                    return order != 0 ? order < 0 : leftCount < rightCount
                }
            }
        }
    }
}
