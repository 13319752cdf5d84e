import Testing
@testable import IndexStore

@Suite struct FileFooterTests {
    private let segment = SegmentID(low: 0x0706_0504_0302_0100, high: 0x0F0E_0D0C_0B0A_0908)

    private func file(kind: SegmentFile = .postings, body: [UInt8] = Array("body bytes".utf8)) -> [UInt8] {
        var writer = ByteWriter()
        IndexFile.writeHeader(kind: kind, segmentID: segment, into: &writer)
        writer.writeBytes(body)
        IndexFile.writeFooter(into: &writer)
        return writer.bytes
    }

    @Test func headerAndFooterBytes() {
        let bytes = file(body: [])
        #expect(bytes.count == IndexFile.overhead)
        #expect(hex(Array(bytes[0..<8])) == "4B 5A 49 58 09 00 04 00")
        #expect(hex(Array(bytes[8..<24])) == "00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F")
        #expect(hex(Array(bytes[24..<32])) == "4B 5A 45 4E 01 00 00 00")
        let checksum = CRC32C.checksum(bytes[0..<32])
        #expect(Array(bytes[32..<36]) == withUnsafeBytes(of: checksum.littleEndian) { Array($0) })
        #expect(segment.description == "000102030405060708090a0b0c0d0e0f")
    }

    @Test func openAndVerifyReturnTheBody() throws {
        let bytes = slice(file())
        #expect(try IndexFile.open(bytes, kind: .postings, segmentID: segment).copyBytes() == Array("body bytes".utf8))
        let body = try IndexFile.verify(bytes, kind: .postings, segmentID: segment)
        #expect(body.copyBytes() == Array("body bytes".utf8))
        #expect(body.fileOffset == FileHeader.byteCount)
        #expect(try IndexFile.verify(bytes, kind: .postings, segmentID: nil).count == 10)
    }

    @Test func footerWrittenIncrementallyMatches() {
        var whole = ByteWriter()
        IndexFile.writeHeader(kind: .positions, segmentID: segment, into: &whole)
        whole.writeBytes([1, 2, 3])
        var crc = CRC32C()
        crc.update(whole.bytes)
        var pieces = whole
        FileFooter.write(into: &pieces, continuing: crc)
        IndexFile.writeFooter(into: &whole)
        #expect(pieces.bytes == whole.bytes)
    }

    @Test func wrongMagicThrows() {
        var bytes = file()
        bytes[0] = UInt8(ascii: "P")
        let error = corruption { _ = try IndexFile.open(slice(bytes), kind: .postings, segmentID: segment) }
        #expect(error?.reason == .badHeaderMagic(found: 0x5849_5A50))
        #expect(error?.offset == 0)
    }

    @Test func wrongKindThrows() {
        let error = corruption { _ = try IndexFile.open(slice(file(kind: .positions)), kind: .postings, segmentID: segment) }
        #expect(error?.reason == .wrongFileKind(expected: 4, found: 5))
    }

    @Test func unsupportedVersionThrows() {
        let newer = FormatVersion.supported.upperBound.advanced(by: 1)
        for version in [newer, FormatVersion(rawValue: 0)] {
            var bytes = file()
            bytes[4] = UInt8(version.rawValue)
            let error = corruption { _ = try IndexFile.open(slice(bytes), kind: .postings, segmentID: segment) }
            #expect(error?.reason == .unsupportedFormatVersion(found: version, supported: FormatVersion.supported))
        }
    }

    @Test func reservedByteMustBeZero() {
        var bytes = file()
        bytes[7] = 1
        let error = corruption { _ = try IndexFile.open(slice(bytes), kind: .postings, segmentID: segment) }
        #expect(error?.reason == .nonZeroReserved(found: 1))
    }

    @Test func otherSegmentsFileThrows() {
        let other = SegmentID(low: 1, high: 2)
        let error = corruption { _ = try IndexFile.open(slice(file()), kind: .postings, segmentID: other) }
        #expect(error?.reason == .segmentMismatch(expected: other, found: segment))
    }

    @Test func truncatedFileThrows() {
        let bytes = file()
        let error = corruption { _ = try IndexFile.open(slice(Array(bytes.dropLast())), kind: .postings, segmentID: segment) }
        guard case .badFooterMagic = error?.reason else {
            Issue.record("expected badFooterMagic, got \(String(describing: error))")
            return
        }
        for length in [0, 1, 23, 24, IndexFile.overhead - 1] {
            let short = corruption { _ = try IndexFile.open(slice(Array(bytes.prefix(length))), kind: .postings, segmentID: segment) }
            #expect(short?.reason == .fileTooShort(length: length, minimum: IndexFile.overhead))
        }
    }

    @Test func unknownChecksumAlgorithmThrows() {
        var bytes = file()
        bytes[bytes.count - 8] = 2
        let error = corruption { _ = try IndexFile.open(slice(bytes), kind: .postings, segmentID: segment) }
        #expect(error?.reason == .unknownChecksumAlgorithm(2))
    }

    @Test func flippedBodyBytePassesOpenButFailsVerify() throws {
        var bytes = file()
        bytes[26] ^= 0x01
        _ = try IndexFile.open(slice(bytes), kind: .postings, segmentID: segment)
        let error = corruption { _ = try IndexFile.verify(slice(bytes), kind: .postings, segmentID: segment) }
        guard case .checksumMismatch = error?.reason else {
            Issue.record("expected checksumMismatch, got \(String(describing: error))")
            return
        }
        #expect(error?.offset == bytes.count - 4)
        #expect(error.map(String.init(describing:))?.contains("kamerzoek index --rebuild") == true)
    }

    /// Every single-bit flip anywhere in the file, header and footer included, is caught.
    @Test func everyBitFlipFailsVerification() {
        let bytes = file()
        for index in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[index] ^= 1 << UInt8(bit)
                #expect(corruption { _ = try IndexFile.verify(slice(damaged), kind: .postings, segmentID: segment) } != nil)
            }
        }
    }
}
