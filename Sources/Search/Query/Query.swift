/// A parsed query: what the user asked for, before analysis.
///
/// Words stay as typed here. Turning them into index terms (folding, stemming, hyphen
/// compounds, stop words) is the planner's job, because it needs the analyzer and because
/// the same word means different terms in different places (stemmed in a bag of words,
/// exact in a phrase, a prefix of exact forms before `*`).
public indirect enum Query: Equatable, Sendable {
    /// A word to match in any inflection (stemmed).
    case word(String)
    /// `"exact phrase"`: these words in this order, folded but not stemmed; with `~N`, within
    /// N extra words of each other in order.
    case phrase(String, slop: Int)
    /// `prefix*`: any exact form that starts with the folded prefix.
    case prefix(String)
    /// All of these (the default between terms).
    case and([Query])
    /// Any of these.
    case or([Query])
    /// Not this; only meaningful inside an `and` (a lone `not` matches nothing).
    case not(Query)
    /// `titel:…`: the inner query, matched against document titles only.
    case title(Query)
    /// `soort:brief`, `type:motie`: the document type (lower-cased).
    case type(String)
    /// `dossier:36658`, `dossier:36 658`: the dossier number, digits only (with an optional
    /// suffix as in `36600-VI` kept upper-cased after a hyphen).
    case dossier(String)
    /// `datum:2024-01-01..2024-12-31`, `jaar:2024`: documents dated within the range.
    case date(DayRange)
}

extension Query {
    /// Whether the query only filters (type, dossier, date) and has no text to match.
    public var isFilterOnly: Bool {
        switch self {
        case .type, .dossier, .date: return true
        case .not(let inner): return inner.isFilterOnly
        case .and(let parts), .or(let parts): return parts.allSatisfy(\.isFilterOnly)
        case .word, .phrase, .prefix, .title: return false
        }
    }
}
