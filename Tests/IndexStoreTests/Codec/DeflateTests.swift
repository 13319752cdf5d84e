import Testing
@testable import IndexStore

@Suite struct DeflateTests {
    private let text = Array(String(repeating: "De minister antwoordt op vragen van het lid over het huisverbod. ", count: 200).utf8)

    private func block(_ bytes: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        Deflate.writeBlock(bytes, into: &writer)
        return writer.bytes
    }

    @Test(arguments: [0, 1, 100, 13_000])
    func roundTrip(count: Int) throws {
        let bytes = Array(text.prefix(count))
        var reader = ByteReader(slice(block(bytes)))
        let decoded = try Deflate.readBlock(from: &reader, maximumUncompressedCount: 1 << 16)
        #expect(decoded.copyBytes() == bytes)
        #expect(reader.isAtEnd)
    }

    @Test func prosecompresses() {
        #expect(Deflate.compress(text).count * 10 < text.count)
    }

    @Test func lengthAboveTheLimitThrowsBeforeAllocating() {
        var reader = ByteReader(slice(block(text)))
        let error = corruption { _ = try Deflate.readBlock(from: &reader, maximumUncompressedCount: 1000) }
        #expect(error?.reason == .implausibleLength(text.count, limit: 1000))
    }

    @Test func lengthBeyondDeflatesReachThrows() {
        let compressed = Deflate.compress(Array(text.prefix(10)))
        let error = corruption { _ = try Deflate.decompress(slice(compressed), uncompressedCount: 1 << 30) }
        guard case .implausibleLength = error?.reason else {
            Issue.record("expected implausibleLength, got \(String(describing: error))")
            return
        }
    }

    @Test func wrongUncompressedLengthThrows() {
        let compressed = slice(Deflate.compress(Array(text.prefix(100))))
        for count in [0, 99, 101] {
            let error = corruption { _ = try Deflate.decompress(compressed, uncompressedCount: count) }
            guard case .decompressionFailed = error?.reason else {
                Issue.record("expected decompressionFailed for \(count), got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func everyFlippedByteThrows() {
        let compressed = Deflate.compress(Array(text.prefix(300)))
        for index in compressed.indices {
            var damaged = compressed
            damaged[index] ^= 0x10
            let error = corruption { _ = try Deflate.decompress(slice(damaged), uncompressedCount: 300) }
            #expect(error != nil)
        }
    }

    @Test func truncatedBlockThrows() {
        let bytes = block(Array(text.prefix(500)))
        for length in [0, 1, 2, bytes.count / 2, bytes.count - 1] {
            var reader = ByteReader(slice(Array(bytes.prefix(length))))
            #expect(corruption { _ = try Deflate.readBlock(from: &reader, maximumUncompressedCount: 1 << 16) } != nil)
            #expect(reader.position == 0)
        }
    }

    @Test func trailingGarbageAfterTheStreamThrows() {
        let compressed = Deflate.compress(Array(text.prefix(100))) + [0]
        let error = corruption { _ = try Deflate.decompress(slice(compressed), uncompressedCount: 100) }
        #expect(error?.reason == .decompressionFailed("invalid or incomplete deflate data"))
    }
}
