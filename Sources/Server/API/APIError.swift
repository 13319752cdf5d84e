import Foundation
import Hummingbird
import IndexStore
import Logging
import Search

/// Every error a client can see, with its status: the one place where failures become
/// HTTP responses. The body is always `{"error": "…"}` (plus `position` for a query that
/// cannot be read). Messages are written for the client; internal errors say nothing
/// about files, paths or code, and are logged in full instead.
///
/// Each error is worded twice: in English (`message`) for the API, as the CLI speaks, and
/// in Dutch (`dutch`) for the search page and the document page, which speak Dutch.
struct APIError: HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let message: String
    let dutch: String
    /// For a query that cannot be read: where, in Unicode scalars from the start (0-based).
    var position: Int?

    static func badParameter(_ message: String, dutch: String) -> APIError {
        APIError(status: .badRequest, message: message, dutch: dutch)
    }
    static func notFound(_ message: String, dutch: String) -> APIError { APIError(status: .notFound, message: message, dutch: dutch) }
    static let indexUnavailable = APIError(
        status: .serviceUnavailable, message: "The index is not available yet: no commit has been made.",
        dutch: "De index is nog niet beschikbaar: er is nog niets geïndexeerd.")
    static let internalError = APIError(
        status: .internalServerError, message: "The server could not answer this request.",
        dutch: "De server kon dit verzoek niet beantwoorden.")
    static let noSuchPage = APIError.notFound("There is no such page or endpoint.", dutch: "Deze pagina bestaat niet.")

    /// Maps anything a handler threw. Unknown errors become a 500 whose details go to the
    /// log only.
    init(_ error: any Error, logger: Logger) {
        switch error {
        case let error as APIError:
            self = error
        case let error as QueryParseError:
            self.init(
                status: .badRequest, message: "\(error.message) (at position \(error.position + 1))",
                dutch: "De zoekvraag kan niet gelezen worden: \(error.problem.dutch) (op positie \(error.position + 1)).",
                position: error.position)
        case let error as HTTPError where error.status == .notFound:
            self = .noSuchPage
        case let error as HTTPError where error.status.code < 500:
            self.init(
                status: error.status, message: error.body ?? error.status.reasonPhrase,
                dutch: "Dit verzoek kan niet beantwoord worden (\(error.status.code) \(error.status.reasonPhrase)).")
        default:
            logger.error("Request failed: \(String(reflecting: error))")
            self = .internalError
        }
    }

    init(status: HTTPResponse.Status, message: String, dutch: String, position: Int? = nil) {
        self.status = status
        self.message = message
        self.dutch = dutch
        self.position = position
    }

    private struct Body: Encodable {
        var error: String
        var position: Int?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try MachineJSON.encoder().encode(Body(error: message, position: position), from: request, context: context)
        response.status = status
        return response
    }
}
