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
    /// An explanatory memorandum published as its own document (memorie van
    /// toelichting, nota van toelichting).
    case toelichting
    /// A nota (nota van wijziging, nota van verbetering, other notes to parliament).
    case nota
    /// The list of decisions of a committee meeting (besluitenlijst).
    case besluitenlijst
    /// A meeting agenda or convocation.
    case agenda
    /// A BNC-fiche: the government's assessment of a new European Commission proposal.
    case fiche
    /// A decision published in an official gazette (Staatsblad AMvB, besluit in a blad).
    case besluit
    /// A ministerial or other regulation published in a gazette (Staatscourant, blad
    /// gemeenschappelijke regeling).
    case regeling
    /// A by-law of a municipality, province or water board.
    case verordening
    /// A notice in a gazette: permits, applications, inspections (zakelijke mededeling).
    case bekendmaking
    /// A treaty (Tractatenblad).
    case verdrag
    /// Anything else.
    case overig
}
