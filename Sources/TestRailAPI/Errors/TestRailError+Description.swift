extension TestRailError: CustomStringConvertible {
    /// One line a user can act on; it never contains credentials.
    public var description: String {
        switch self {
        case .invalidBaseURL(let url, let reason):
            return "invalid TestRail URL '\(url)': \(reason)"
        case .badRequest(let message):
            return "TestRail rejected the request (HTTP 400): \(message)"
        case .unauthorized(let message):
            return "TestRail rejected the credentials (HTTP 401): \(message) Check TESTRAIL_USER and TESTRAIL_API_KEY."
        case .forbidden(let message):
            return "TestRail denied access (HTTP 403): \(message)"
        case .notFound(let message):
            return "TestRail has no such API endpoint (HTTP 404): \(message) Is the URL the TestRail root?"
        case .maintenance(let message, let retryAfter):
            return "TestRail is in maintenance (HTTP 409): \(message)" + Self.retryHint(retryAfter)
        case .rateLimited(let message, let retryAfter):
            return "TestRail's rate limit was reached (HTTP 429): \(message)" + Self.retryHint(retryAfter)
        case .serverError(let status, let message):
            return "TestRail failed with a server error (HTTP \(status)): \(message)"
        case .unexpectedStatus(let status, let message):
            return "TestRail answered with unexpected HTTP \(status): \(message)"
        case .timedOut:
            return "TestRail did not answer in time (request timed out)"
        case .unreachable(let detail):
            return "cannot reach TestRail: \(detail)"
        case .connectionFailed(let detail):
            return "the connection to TestRail failed: \(detail)"
        case .tlsFailure(let detail):
            return "TLS verification failed: \(detail)"
        case .malformedResponse(let detail):
            return "TestRail sent a response casediff cannot read: \(detail)"
        case .truncatedResponse(let detail):
            return "TestRail's response was cut off: \(detail)"
        case .cancelled:
            return "cancelled"
        }
    }

    private static func retryHint(_ retryAfter: Duration?) -> String {
        guard let retryAfter else { return "" }
        let seconds = retryAfter.components.seconds
        return " (server asks to retry after \(seconds) s)"
    }
}
