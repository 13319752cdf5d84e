import Testing
@testable import IndexStore

@Suite struct ZstdTests {
    private let text = Array(String(repeating: "De minister antwoordt op vragen van het lid over het huisverbod. ", count: 200).utf8)

    /// `motie motie motie motie` as the `zstd` command (level 6) writes it from a file: a
    /// frame that names no dictionary, as formats 6 to 8 wrote them.
    private let frameWithoutDictionary: [UInt8] = [
        0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x17, 0x65, 0x00, 0x00, 0x30, 0x6D, 0x6F, 0x74, 0x69, 0x65, 0x20,
        0x01, 0x00, 0x99, 0x4B, 0x11, 0x27, 0x39, 0x88, 0x6F,
    ]

    private func block(_ bytes: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        Zstd.writeBlock(bytes, into: &writer)
        return writer.bytes
    }

    /// The dictionary ID a frame's header names, 0 for none (RFC 8878, 3.1.1.1).
    private func dictionaryID(of frame: [UInt8]) -> UInt32 {
        let descriptor = frame[4]
        let idBytes = [0, 1, 2, 4][Int(descriptor & 0b11)]
        let start = 5 + (descriptor & 0b10_0000 != 0 ? 0 : 1)
        return frame[start ..< start + idBytes].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    @Test(arguments: [0, 1, 100, 13_000])
    func roundTrip(count: Int) throws {
        let bytes = Array(text.prefix(count))
        var reader = ByteReader(slice(block(bytes)))
        let decoded = try Zstd.readBlock(from: &reader, maximumUncompressedCount: 1 << 16)
        #expect(decoded.copyBytes() == bytes)
        #expect(reader.isAtEnd)
    }

    @Test func framesNameTheBuiltInDictionary() {
        let frame = Zstd.compress(Array(text.prefix(500)))
        #expect(StoredRecordDictionary.shared.id != 0)
        #expect(dictionaryID(of: frame) == StoredRecordDictionary.shared.id)
    }

    @Test func framesOfEarlierVersionsAreReadWithoutTheDictionary() throws {
        #expect(dictionaryID(of: frameWithoutDictionary) == 0)
        let decoded = try Zstd.decompress(slice(frameWithoutDictionary), uncompressedCount: 23)
        #expect(decoded.copyBytes() == Array("motie motie motie motie".utf8))
    }

    @Test func aFrameNamingAnotherDictionaryIsCorruption() {
        // The same frame with dictionary ID 7 inserted after its descriptor (flag 01: one byte).
        var frame = frameWithoutDictionary
        frame[4] |= 0b01
        frame.insert(7, at: 5)
        #expect(dictionaryID(of: frame) == 7)
        let error = corruption { _ = try Zstd.decompress(slice(frame), uncompressedCount: 23) }
        #expect(error?.reason == .decompressionFailed("the frame needs zstd dictionary 7, which this build does not have"))
    }

    @Test func aFrameOfAnotherLengthIsCorruption() {
        let error = corruption { _ = try Zstd.decompress(slice(Zstd.compress(text)), uncompressedCount: text.count - 1) }
        #expect(error?.reason == .decompressionFailed("the frame's size is not the recorded length"))
    }

    @Test func contextsAreSharedSafelyAcrossThreads() async throws {
        let records = (0 ..< 64).map { Array(text.prefix(100 + $0 * 97)) }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for record in records {
                group.addTask {
                    let frame = Zstd.compress(record)
                    return try Zstd.decompress(slice(frame), uncompressedCount: record.count).copyBytes() == record
                }
            }
            for try await same in group { #expect(same) }
        }
    }
}
