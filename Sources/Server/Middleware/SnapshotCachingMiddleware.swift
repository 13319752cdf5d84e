import Hummingbird

/// Caching for the answers that come from one commit of the index (search, stats,
/// documents, the pages): an `ETag` per commit and URL, `Cache-Control: public,
/// max-age=60`, and `304 Not Modified` for a request whose `If-None-Match` holds the tag.
///
/// A route marks such an answer with the commit it read (`Kamerzoek-Generation`); the tag
/// is made only when that is the commit still being served, and never for an error or for
/// a response that sets its own `Cache-Control` (a search cut short: `no-store`). A
/// request that names the tag of the commit being served is answered 304 before the route
/// runs, so a revalidation costs no search.
struct SnapshotCachingMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let index: CurrentCommit
    /// The server's version: the same URL and commit may be answered differently by another.
    let version: String
    static let cacheControl = "public, max-age=60"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let condition = IfNoneMatch(request.headers[values: .ifNoneMatch])
        if let condition, !condition.any, let loaded = try? index.current() {
            let tag = EntityTag(loaded, request: request, version: version)
            if condition.matches(tag) { return Self.notModified(tag, generation: loaded.generation) }
        }
        var response = try await next(request, context)
        guard response.status == .ok, response.headers[.cacheControl] == nil, let generation = response.headers.generation,
              let loaded = try? index.current(), loaded.generation == generation else { return response }
        let tag = EntityTag(loaded, request: request, version: version)
        // `If-None-Match: *`, known only now that the route has answered.
        if let condition, condition.matches(tag) { return Self.notModified(tag, generation: generation) }
        response.headers[.eTag] = tag.header
        response.headers[.cacheControl] = Self.cacheControl
        return response
    }

    private static func notModified(_ tag: EntityTag, generation: UInt64) -> Response {
        var response = Response(status: .notModified, headers: [.eTag: tag.header, .cacheControl: cacheControl])
        response.headers.generation = generation
        response.headers[.contentLength] = nil
        return response
    }
}

/// A weak entity tag, `W/"<generation>-<commit>-<url>"`: the same for every answer to one
/// URL from one commit (and one version of the server, hashed with the URL). The URL is
/// the whole one, with the scheme and host the request names (``SiteAddress``), since the
/// Atom feed writes its links with them. Weak because two such answers may differ in their
/// bytes (a search's `took_ms`, gzip or not) while meaning the same.
struct EntityTag: Equatable {
    var opaque: String

    init(_ loaded: LoadedCommit, request: Request, version: String) {
        var url = FNV1a()
        url.add(version + " " + SiteAddress(request).base + request.uri.path + "?" + (request.uri.query ?? ""))
        opaque = "\"\(loaded.generation)-\(loaded.commitTag)-\(url.hex)\""
    }

    var header: String { "W/" + opaque }
}

/// `If-None-Match`: `*` or a list of entity tags, compared weakly (RFC 9110 13.1.2: `W/`
/// does not matter). Nil when the request has none.
struct IfNoneMatch {
    var any = false
    var tags: Set<String> = []

    init?(_ values: [String]) {
        guard !values.isEmpty else { return nil }
        var text = Substring(values.joined(separator: ","))
        while let first = text.first {
            if first == "," || first == " " || first == "\t" {
                text = text.dropFirst()
            } else if first == "*" {
                any = true
                text = text.dropFirst()
            } else {
                if text.hasPrefix("W/") { text = text.dropFirst(2) }
                guard text.first == "\"", let close = text.dropFirst().firstIndex(of: "\"") else {
                    // Not a tag: skip to the next item.
                    text = text.drop { $0 != "," }
                    continue
                }
                tags.insert(String(text[...close]))
                text = text[text.index(after: close)...]
            }
        }
    }

    func matches(_ tag: EntityTag) -> Bool { any || tags.contains(tag.opaque) }
}
