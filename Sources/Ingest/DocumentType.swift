/// The fixed vocabulary of document types; `docs/DOCUMENT_TYPES.md` says how each is
/// recognised. The raw values are stored in the index and shown to users, so they never
/// change; new types may be added.
public enum DocumentType: String, Sendable, Codable, Equatable, CaseIterable {
    /// A letter (Kamerbrief) from a minister or state secretary to parliament.
    case brief
    /// Answers to written Kamervragen (Aanhangsel van de Handelingen, `ah-tk-…`).
    case antwoord
    /// Written or oral Kamervragen without answers (`kv-tk-…`).
    case vragen
    /// A notice about the answers, usually that they are delayed (Mededeling, uitstel).
    case mededeling
    /// The record of a plenary sitting (Handelingen, ParlaMint, ParlSpeech).
    case handelingen
    case motie
    case amendement
    /// A bill (wetsvoorstel) or its explanatory memorandum.
    case wetsvoorstel
    /// A law or treaty text in force (BWB).
    case wet
    /// A court decision (Rechtspraak uitspraak).
    case uitspraak
    /// An advisory opinion to a court (Rechtspraak conclusie of the Advocaat-Generaal).
    case conclusie
    /// A committee report (verslag, nota naar aanleiding van het verslag).
    case verslag
    /// An appendix sent with another document.
    case bijlage
    /// Anything else.
    case overig
}
