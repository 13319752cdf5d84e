extension ManifestStore {
    /// The generation of the newest commit in `directory`, or nil when it holds none. Only
    /// lists the directory (no manifest is read), so a long-running reader can ask often
    /// whether a newer commit has landed.
    public static func newestGeneration(in directory: String) throws -> UInt64? {
        try generations(in: directory).first
    }
}
