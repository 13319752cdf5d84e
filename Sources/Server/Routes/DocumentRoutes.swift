import Hummingbird
import IndexStore

/// `GET /api/documents/{id}`. Ids are paths relative to the indexed root, so they may hold
/// `/`: the route takes the whole rest of the path, and each part may also be
/// percent-encoded (`a%2Fb` and `a/b` name the same document).
struct DocumentRoutes {
    let index: CurrentCommit

    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("**") { request, context in
            let (document, generation) = try document(context.parameters.getCatchAll())
            return JSONResponse(value: DocumentResponse(document), generation: generation)
        }
        return routes
    }

    /// The document and the commit it was read from.
    func document(_ parts: [Substring]) throws -> (StoredDocument, UInt64) {
        let (document, loaded) = try loadedDocument(parts)
        return (document, loaded.generation)
    }

    /// The document and the commit it was read from (whose searchers the page uses).
    func loadedDocument(_ parts: [Substring]) throws -> (StoredDocument, LoadedCommit) {
        let id = try parts.map { try QueryString.decode($0, plusIsSpace: false) }.joined(separator: "/")
        guard !id.isEmpty else {
            throw APIError.notFound("Give a document id: /api/documents/{id}.", dutch: "Document niet gevonden: er is geen id gegeven.")
        }
        let loaded = try index.current()
        guard let document = try loaded.snapshot.storedDocument(id: id) else {
            throw APIError.notFound("There is no document with id '\(id)'.", dutch: "Document niet gevonden: er is geen document met id '\(id)'.")
        }
        return (document, loaded)
    }
}
