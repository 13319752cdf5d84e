extension IndexSnapshot {
    /// A hash over the sorted (id, content hash) pairs of the live documents: two
    /// snapshots that hold the same documents in the same versions have the same
    /// fingerprint, however their segments are laid out. The crash test compares it with
    /// the states before and after an interrupted commit.
    public func contentFingerprint() -> String {
        var pairs: [String] = []
        forEachLiveDocument { _, _, entry in pairs.append(entry.id + "\u{0}" + entry.contentHash) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for pair in pairs.sorted() {
            for byte in pair.utf8 + [0x0A] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }
}
