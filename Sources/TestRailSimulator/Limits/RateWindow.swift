/// TestRail Cloud's per-instance limit as a sliding 60-second window: at most `limit` admitted requests in any
/// window; a rejected request spends no budget.
///
/// `Retry-After` is the whole number of seconds (at least 1) until the oldest admitted request leaves the window:
///
/// | limit | admitted at (s)   | asked at | decision         |
/// |-------|-------------------|----------|------------------|
/// | 3     | 0, 1, 2           | 2.5 s    | reject, after 58 |
/// | 3     | 0, 1, 2           | 60.0 s   | admit            |
/// | 3     | 0.2, 1, 2         | 59.9 s   | reject, after 1  |
public struct RateWindow: Sendable {
    public enum Decision: Sendable, Hashable {
        case admit
        case reject(retryAfterSeconds: Int)
    }

    public let limit: Int
    public let window: Duration
    private var admitted: [Duration] = []
    private var head = 0

    public init(limit: Int, window: Duration = .seconds(60)) {
        precondition(limit > 0, "a rate limit admits at least one request per window")
        self.limit = limit
        self.window = window
    }

    /// Admits the request at `now` (time since the instance started) or says how long to wait.
    public mutating func decide(at now: Duration) -> Decision {
        while head < admitted.count, admitted[head] + window <= now {
            head += 1
        }
        if head > 1024, head * 2 > admitted.count {
            admitted.removeFirst(head)
            head = 0
        }
        if admitted.count - head < limit {
            admitted.append(now)
            return .admit
        }
        let wait = admitted[head] + window - now
        let components = wait.components
        let seconds = Int(components.seconds) + (components.attoseconds > 0 ? 1 : 0)
        return .reject(retryAfterSeconds: max(1, seconds))
    }
}
