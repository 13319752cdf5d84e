/// What the files of `Fixtures/corpus/` say, written from their text: what every fixture
/// index must give back, whichever format version wrote it.
enum FixtureCorpus {
    struct Document {
        let id: String
        /// The file name in `corpus/`.
        let file: String
        /// The title the text states. A letter that states none is titled by its opening
        /// words, cut with `…` at a length that changed with format 7's build: then this is
        /// how that title starts.
        let title: String
        let titleIsOpening: Bool
        /// The title builds from 923bad9 on give a document that states none and has a
        /// descriptive file name (`DescriptiveFileName`): the name's words. Fixtures made by
        /// such builds (``CompatibilityFixture/titlesByFileName``) hold this instead.
        var fileNameTitle: String? = nil
        let date: String?
        let type: String
        let dossiers: [String]
        /// The official address (docs/INGEST.md), which indexes keep from format 7 on.
        let url: String?
        /// Words of the document's text, in a row.
        let sentence: String
    }

    static let motion = Document(
        id: "kst-32545-143", file: "kst-32545-143.xml", title: "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS", titleIsOpening: false,
        date: "2021-07-06", type: "motie", dossiers: ["32545"], url: "https://zoek.officielebekendmakingen.nl/kst-32545-143.html",
        sentence: "een wetsvoorstel voor te bereiden met een verbod op negatieve spaarrente")
    static let proceedings = Document(
        id: "h-tk-20172018-50-1", file: "h-tk-20172018-50-1.xml", title: "50e vergadering", titleIsOpening: false,
        date: "2018-02-08", type: "handelingen", dossiers: [], url: "https://zoek.officielebekendmakingen.nl/h-tk-20172018-50-1.html",
        sentence: "de heer Hoekstra, minister van Financiën")
    static let progressLetter = Document(
        id: "kamerstuk-28345-252-voortgang-huiselijk-geweld", file: "kamerstuk-28345-252-voortgang-huiselijk-geweld.txt",
        title: "Kinderen en volwassenen die in het dagelijks leven te maken hebben met huiselijk geweld en kindermishandeling", titleIsOpening: true,
        fileNameTitle: "Kamerstuk 28345 252 voortgang huiselijk geweld",
        date: nil, type: "overig", dossiers: [], url: nil,
        sentence: "Huiselijk geweld en kindermishandeling zijn heel ingrijpend")
    static let collectiveLetter = Document(
        id: "verzamelbrief-zeden-en-onveiligheid-vrouwen-2024", file: "verzamelbrief-zeden-en-onveiligheid-vrouwen-2024.md",
        title: "Verzamelbrief naar aanleiding van het commissiedebat Zeden en (on)veiligheid van vrouwen", titleIsOpening: false,
        date: "2024-11-19", type: "brief", dossiers: [], url: nil,
        sentence: "sprake van fataal huiselijk geweld of fatale kindermishandeling")
    /// The GREVIO answers: never live in a fixture (``CompatibilityFixture/Making``).
    static let removedID = "antwoorden-kamervragen-grevio-2025Z19210"

    static let live = [motion, proceedings, progressLetter, collectiveLetter]

    /// Queries and the live documents that answer them (ids sorted).
    static let searches: [(query: String, documents: [String])] = [
        // One word.
        ("spaarrente", [motion.id]),
        ("geweld", [progressLetter.id, collectiveLetter.id].sorted()),
        // Only in the removed answers: a deletion hides it.
        ("grevio", []),
        // The motion's title, which is also its heading, and the collective letter's text.
        ("motie", [motion.id, collectiveLetter.id].sorted()),
        // AND: the collective letter has both words, not side by side.
        ("huiselijk AND kindermishandeling", [progressLetter.id, collectiveLetter.id].sorted()),
        // Exact phrases.
        ("\"huiselijk geweld en kindermishandeling\"", [progressLetter.id]),
        ("\"minister van Financiën\"", [proceedings.id]),
        ("\"negatieve spaarrente\"", [motion.id]),
        // A filter on the document table's type column (the motion names a minister too).
        ("minister soort:handelingen", [proceedings.id]),
    ]
}
