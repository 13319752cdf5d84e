/// The four term spaces of a segment, distinguished by the first byte of every dictionary
/// key (docs/INDEX_FORMAT.md, "Term keys").
///
/// Stems serve ranking (any inflection matches); exact folded forms serve phrases and
/// prefixes (`"huiselijk geweld"` must not match `huiselijke geweld`). Titles get spaces of
/// their own, with postings over documents instead of passages, because a title belongs to
/// every passage of its document.
public enum TermSpace: UInt8, CaseIterable, Sendable {
    case bodyStem = 1
    case bodyExact = 2
    case titleStem = 3
    case titleExact = 4

    /// Whether postings count passages (body) or documents (title).
    public var isTitle: Bool { self == .titleStem || self == .titleExact }

    /// Whether terms are exact folded forms (else stems).
    public var isExact: Bool { self == .bodyExact || self == .titleExact }

    /// The dictionary key of `term` in this space.
    public func key(_ term: String) -> [UInt8] {
        var key: [UInt8] = [rawValue]
        key.append(contentsOf: term.utf8)
        return key
    }
}
