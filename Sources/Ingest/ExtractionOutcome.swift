/// What became of one file: a document, or a reason why it holds none we can read.
public enum ExtractionOutcome: Sendable, Equatable {
    case document(Document)
    /// Binary files, images, archives, empty files: the reason is a sentence for the user.
    case skipped(reason: String)
}
