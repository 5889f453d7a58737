import TestRailAPI

/// One HTTP attempt as the request log shows it: what was asked, what came back, and what the engine does next.
/// It holds the call and never the credentials.
public struct RequestRecord: Sendable, Hashable {
    /// What follows the attempt.
    public enum Next: Sendable, Hashable {
        /// The body goes on to be decoded.
        case done
        /// Sent again after the delay (a 409, 5xx, timeout or dropped connection).
        case retry(after: Duration)
        /// A 429: sent again once the limiter's gate opens.
        case waitForLimit
        /// The failure is final.
        case fail
    }

    public var id: RequestID
    /// The call without credentials, e.g. `get_cases/30&suite_id=12&offset=500`.
    public var call: String
    /// The HTTP status; 200 for any success, nil when no response came (timeout, connection, TLS).
    public var status: Int?
    /// A short description of the failure; nil on success.
    public var error: String?
    public var latency: Duration
    public var bytes: Int
    public var retryAfter: Duration?
    public var next: Next

    public init(
        id: RequestID, call: String, status: Int?, error: String? = nil, latency: Duration, bytes: Int,
        retryAfter: Duration? = nil, next: Next
    ) {
        self.id = id
        self.call = call
        self.status = status
        self.error = error
        self.latency = latency
        self.bytes = bytes
        self.retryAfter = retryAfter
        self.next = next
    }
}
