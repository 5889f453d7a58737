import TestRailAPI

/// Which failures are retried, and after how long: a pure decision.
///
/// Only 429, 409, 5xx, timeouts and dropped or truncated responses are retried; 400/401/403/404 and malformed
/// bodies fail at once with the server's message. A 429 waits at the rate limiter's gate (its `Retry-After`), so
/// its own delay is zero; the rest use full-jitter exponential backoff, `random(0, min(cap, base × 2^(n−1)))`:
///
/// | failure n | ceiling with base 0.5 s, cap 20 s |
/// |-----------|-----------------------------------|
/// | 1         | 0.5 s                             |
/// | 3         | 2 s                               |
/// | 5         | 8 s                               |
/// | 7         | 20 s (capped)                     |
///
/// A 409 (maintenance) waits at least its `Retry-After` when the server sends one; a 409 or 429 asking for more than
/// ``RetryAfter/longestWait`` (5 minutes) is final. An HTML page before the instance has answered JSON gets one more
/// try (a wrong URL still fails within a second); after it, it is retried like a 5xx.
public struct RetryPolicy: Sendable, Hashable {
    public enum Decision: Sendable, Hashable {
        case retry(after: Duration)
        case fail
    }

    /// Attempts in all for one request failing with 409, 5xx, timeouts or dropped connections.
    public var maxAttempts: Int
    /// Attempts in all for one request answered 429 (the limiter adapts in between).
    public var maxRateLimitedAttempts: Int
    public var base: Duration
    public var cap: Duration

    public init(
        maxAttempts: Int = 6, maxRateLimitedAttempts: Int = 12, base: Duration = .milliseconds(500),
        cap: Duration = .seconds(20)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxRateLimitedAttempts = max(1, maxRateLimitedAttempts)
        self.base = base
        self.cap = cap
    }

    /// - Parameters:
    ///   - failures: failures of this request so far that were not 429s, this one included.
    ///   - rateLimited: 429 answers so far, this one included.
    ///   - unit: a random number in 0..<1 for the jitter.
    public func decide(after error: TestRailError, failures: Int, rateLimited: Int, unit: Double) -> Decision {
        let exponent = min(max(failures - 1, 0), 30)
        let ceiling = min(cap, base * (1 << exponent))
        let delay = ceiling * min(max(unit, 0), 1)
        if case .htmlPage(_, transient: false) = error {
            // Before the instance's first JSON answer an HTML page usually means a wrong URL, but requests sent
            // together (a warm run's first wave) can meet a proxy's page before any JSON arrives: one more try,
            // by when the instance has answered or not, tells the two apart.
            return failures < min(2, maxAttempts) ? .retry(after: delay) : .fail
        }
        guard error.isRetryable else { return .fail }
        if case .rateLimited = error {
            return rateLimited < maxRateLimitedAttempts ? .retry(after: .zero) : .fail
        }
        guard failures < maxAttempts else { return .fail }
        if case .maintenance(_, let retryAfter?) = error {
            return .retry(after: max(delay, retryAfter))
        }
        return .retry(after: delay)
    }
}
