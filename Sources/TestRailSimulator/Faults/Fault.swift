/// A failure the simulator can inject into one response.
public enum Fault: Sendable, Hashable, CustomStringConvertible {
    /// A 5xx with TestRail's error body.
    case serverError(status: Int)
    /// The connection closes after part of the body, with the full `Content-Length` promised.
    case dropConnection
    /// A complete HTTP response whose JSON body is cut in half (as a broken proxy would send).
    case truncateBody
    /// 409, as in TestRail Cloud's maintenance window, without a `Retry-After`.
    case maintenance
    /// 409 with this `Retry-After`: a short maintenance restart that says when to come back.
    case briefMaintenance(retryAfterSeconds: Int)
    /// 429 with this `Retry-After`, regardless of the rate window.
    case rateLimit(retryAfterSeconds: Int)
    /// A 200 with a `text/html` login page instead of JSON, as a proxy or a login wall in maintenance sends it.
    case htmlPage

    public var description: String {
        switch self {
        case .serverError(let status): return "http_\(status)"
        case .dropConnection: return "drop"
        case .truncateBody: return "truncate"
        case .maintenance, .briefMaintenance: return "maintenance"
        case .rateLimit: return "rate_limit"
        case .htmlPage: return "html"
        }
    }
}
