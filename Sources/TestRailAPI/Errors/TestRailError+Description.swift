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
        case .unreachable(let detail, let url):
            return "cannot reach TestRail\(url.map { " at \($0)" } ?? ""): \(detail)"
        case .connectionFailed(let detail):
            return "the connection to TestRail failed: \(detail)"
        case .tlsFailure(let detail):
            return "TLS verification failed: \(detail)"
        case .malformedResponse(let detail):
            return "TestRail sent a response casediff cannot read: \(detail)"
        case .truncatedResponse(let detail):
            return "TestRail's response was cut off: \(detail)"
        case .htmlPage(let bytes, transient: false):
            return "TestRail sent a response casediff cannot read: got an HTML page instead of JSON (\(bytes) bytes); "
                + "is the URL the TestRail root?"
        case .htmlPage(let bytes, transient: true):
            return "TestRail sent an HTML page instead of JSON (\(bytes) bytes) after answering JSON before; "
                + "a proxy or login page is in the way"
        case .redirected(let location):
            return "TestRail redirected to \(location); use that URL"
        case .responseTooLarge(let call, let limit):
            return "the response to \(call) is larger than \(Self.size(limit))"
        case .refusedMethod(let call):
            return "casediff sends only reads (get_*); refused to send \(call)"
        case .cancelled:
            return "cancelled"
        }
    }

    /// `64 MB` for whole mebibytes, else bytes.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }

    private static func retryHint(_ retryAfter: Duration?) -> String {
        guard let retryAfter else { return "" }
        let seconds = retryAfter.components.seconds
        if retryAfter > RetryAfter.longestWait {
            return " (server asks to retry after \(seconds) s, longer than casediff waits; try again later)"
        }
        return " (server asks to retry after \(seconds) s)"
    }
}
