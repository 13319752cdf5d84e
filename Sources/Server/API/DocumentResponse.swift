import Hummingbird
import IndexStore

/// `GET /api/documents/{id}`: the stored document as ``DocumentView`` (the shape
/// `kamerzoek show --json` prints too).
struct DocumentResponse: ResponseEncodable {
    var view: DocumentView

    init(_ document: StoredDocument) {
        view = DocumentView(document)
    }

    func encode(to encoder: Encoder) throws {
        try view.encode(to: encoder)
    }
}
