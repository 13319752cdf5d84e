import Testing
@testable import IndexStore

@Suite struct CRC32CTests {
    @Test func publishedCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    /// RFC 3720 (iSCSI), appendix B.4.
    @Test func rfc3720Vectors() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
    }

    /// The slicing-by-8 loop against the textbook bit-at-a-time definition, at every length
    /// and alignment around the 8-byte steps.
    @Test func matchesBitwiseReference() {
        var random = SeededGenerator(seed: 7)
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        for start in 0..<9 {
            for end in start...min(data.count, start + 70) {
                let bytes = Array(data[start..<end])
                #expect(CRC32C.checksum(bytes) == bitwiseCRC32C(bytes))
            }
        }
        #expect(CRC32C.checksum(data) == bitwiseCRC32C(data))
    }

    @Test func incrementalEqualsOneShot() {
        let data = Array("De Tweede Kamer der Staten-Generaal vergadert in Den Haag.".utf8)
        for split in 0...data.count {
            var crc = CRC32C()
            crc.update(Array(data[..<split]))
            crc.update(Array(data[split...]))
            #expect(crc.value == CRC32C.checksum(data))
        }
    }

    private func bitwiseCRC32C(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
        }
        return ~crc
    }
}
