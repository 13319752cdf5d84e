/// One row of the document table (`.doc`): what filtering, change detection and result
/// display need without opening the stored record.
public struct DocumentEntry: Sendable, Equatable {
    public var id: String
    public var source: String
    /// Leading bytes of `source` that name the indexed root (0 before format version 7).
    public var rootLength: UInt32 = 0
    /// The official publication's address, if known (format version 7 on).
    public var url: String?
    public var contentHash: String
    public var fileSize: UInt64
    public var modificationTime: Int64
    /// `yyyymmdd` as one integer, 0 when the document has no date: filters and the date
    /// sort compare integers.
    public var date: UInt32
    public var type: String
    public var dossiers: [String]
    public var title: String?
    /// The document's retrieval units are `firstUnit ..< firstUnit + unitCount`.
    public var firstUnit: UInt32
    public var unitCount: UInt32
    public var titleLength: UInt32
    /// Where the compressed record starts in the `.sto` body.
    public var storedOffset: UInt64

    /// The path relative to the indexed root: what results show.
    public var relativeSource: String { Self.relative(source, rootLength: Int(rootLength)) }

    static func relative(_ source: String, rootLength: Int) -> String {
        guard rootLength > 0 else { return source }
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(rootLength, utf8.count))
        return String(source[start...])
    }

    /// `2024-03-15` → 20240315; anything else → 0.
    public static func dateOrdinal(_ iso: String?) -> UInt32 {
        guard let iso else { return 0 }
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return 0 }
        var value: UInt32 = 0
        for index in [0, 1, 2, 3, 5, 6, 8, 9] {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return 0 }
            value = value * 10 + UInt32(digit)
        }
        let month = value / 100 % 100, day = value % 100
        return (1 ... 12).contains(month) && (1 ... 31).contains(day) ? value : 0
    }

    /// 20240315 → `2024-03-15`; 0 → nil.
    ///
    /// Written digit by digit: every result on a page carries a date, and interpolating
    /// padded strings costs many times as much.
    public static func isoDate(_ ordinal: UInt32) -> String? {
        guard ordinal != 0 else { return nil }
        let year = ordinal / 10_000, month = ordinal / 100 % 100, day = ordinal % 100
        guard year <= 9_999 else { return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digit(_ value: UInt32) -> UInt8 { UInt8(ascii: "0") + UInt8(value) }
            bytes[0] = digit(year / 1_000)
            bytes[1] = digit(year / 100 % 10)
            bytes[2] = digit(year / 10 % 10)
            bytes[3] = digit(year % 10)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day % 10)
            return 10
        }
    }
}
