/// What became of one file: a document, or a reason why it holds none we can read.
public enum ExtractionOutcome: Sendable, Equatable {
    case document(Document)
    /// A file that holds several documents: a ParlSpeech export, one per speech. Their
    /// ids are the file's id and `#` and the speech's row.
    case documents([Document])
    /// Binary files, images, archives, empty files: the reason is a sentence for the user.
    case skipped(reason: String)
}
