/// A file found under an indexed root, with what change detection compares first.
public struct SourceFile: Sendable, Equatable {
    /// The path as stored in the index: relative to the working directory when the file
    /// lies under it, else absolute; always without `.` and `..` parts.
    public var path: String
    /// The root it was found under (document ids are relative to it).
    public var root: String
    public var size: UInt64
    /// Nanoseconds since 1970.
    public var modificationTime: Int64
}
