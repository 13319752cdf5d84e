import Hummingbird

/// `GET /openapi.json`: the API's description, written by hand (``OpenAPIDocument``).
struct OpenAPIRoutes {
    var collection: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self)
        routes.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        return routes
    }
}
