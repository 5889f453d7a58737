import Foundation

/// What the router answers, before faults and latency are applied.
struct APIResponse: Sendable {
    var status: Int
    var body: Data
    var headers: [(String, String)] = []
    /// Items in the list this response carries, for the request log.
    var items: Int?
    var contentType = "application/json"

    /// TestRail's error body: `{"error": "…"}`.
    static func error(_ status: Int, _ message: String, headers: [(String, String)] = []) -> APIResponse {
        let body = (try? InstanceIndex.encoder.encode(["error": message])) ?? Data()
        return APIResponse(status: status, body: body, headers: headers)
    }
}
