/// Everything that can go wrong talking to TestRail, with the server's own `{"error": "…"}` text where it sent one.
public enum TestRailError: Error, Sendable, Hashable {
    case invalidBaseURL(String, reason: String)
    /// 400: the entity does not exist or the request is malformed.
    case badRequest(String)
    /// 401: wrong user or API key.
    case unauthorized(String)
    /// 403: no permission, or the API is disabled.
    case forbidden(String)
    /// 404: the endpoint does not exist (often a wrong base URL).
    case notFound(String)
    /// 409: the instance is in maintenance (TestRail Cloud's daily window).
    case maintenance(String, retryAfter: Duration?)
    /// 429: the instance's rate limit; `retryAfter` from the `Retry-After` header.
    case rateLimited(String, retryAfter: Duration?)
    /// 5xx.
    case serverError(status: Int, message: String)
    /// Any other non-2xx status.
    case unexpectedStatus(Int, String)
    case timedOut
    /// No connection could be made: the host does not resolve, refuses connections, or there is no network.
    /// `url` is the TestRail root that could not be reached, when known.
    case unreachable(String, url: String? = nil)
    /// A connection failed after it was made (dropped mid-response, not HTTP).
    case connectionFailed(String)
    case tlsFailure(String)
    /// The body is not the JSON TestRail sends (HTML login page, wrong shape, garbage).
    case malformedResponse(String)
    /// The body ends before the JSON does: a connection cut mid-response.
    case truncatedResponse(String)
    /// A 2xx whose body is an HTML page. `transient` when the instance has answered JSON before in this process (a
    /// proxy or a login wall in maintenance): retried; on the first answer it means a wrong URL and fails at once.
    case htmlPage(bytes: Int, transient: Bool)
    /// A redirect to another origin (scheme, host or port), refused so the credentials never reach it; `location`
    /// with any userinfo masked.
    case redirected(to: String)
    /// A body larger than the client's cap (`limit` bytes), refused before it fills memory.
    case responseTooLarge(call: String, limit: Int)
    /// A call that is not a read (`get_*`): casediff never sends one.
    case refusedMethod(String)
    case cancelled

    /// Whether the same request may succeed later: 409, 429, 5xx, timeouts, dropped connections, cut-short bodies and
    /// an HTML page from an instance that has answered JSON before.
    public var isRetryable: Bool {
        switch self {
        case .maintenance(_, let retryAfter), .rateLimited(_, let retryAfter):
            // A server asking for more than casediff waits (an hour of maintenance): final, not slept out.
            return (retryAfter ?? .zero) <= RetryAfter.longestWait
        case .serverError, .timedOut, .connectionFailed, .truncatedResponse:
            return true
        case .htmlPage(_, let transient):
            return transient
        default:
            return false
        }
    }

    /// The server's advice on when to retry, if it gave one.
    public var retryAfter: Duration? {
        switch self {
        case .maintenance(_, let delay), .rateLimited(_, let delay): return delay
        default: return nil
        }
    }

    /// The HTTP status behind the error, if there was a response.
    public var httpStatus: Int? {
        switch self {
        case .badRequest: return 400
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .maintenance: return 409
        case .rateLimited: return 429
        case .serverError(let status, _), .unexpectedStatus(let status, _): return status
        default: return nil
        }
    }
}
