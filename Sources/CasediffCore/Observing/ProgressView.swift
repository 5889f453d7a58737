/// One frame of the progress display, computed from ``FetchProgress``.
public struct ProgressView: Sendable {
    public var sides: [(side: Side, progress: SideProgress)]
    /// Requests per minute lately; nil in the first second.
    public var ratePerMinute: Double?
    public var limitPerMinute: Double?
    public var requests: Int
    public var rateLimited: Int
    public var retries: Int
    public var elapsed: Duration
    public var eta: Duration?
    /// True while a side's plan may still grow (its listing or some suite's size is unknown).
    public var etaIsLowerBound: Bool

    public init(
        sides: [(side: Side, progress: SideProgress)], ratePerMinute: Double? = nil, limitPerMinute: Double? = nil,
        requests: Int = 0, rateLimited: Int = 0, retries: Int = 0, elapsed: Duration = .zero, eta: Duration? = nil,
        etaIsLowerBound: Bool = false
    ) {
        self.sides = sides
        self.ratePerMinute = ratePerMinute
        self.limitPerMinute = limitPerMinute
        self.requests = requests
        self.rateLimited = rateLimited
        self.retries = retries
        self.elapsed = elapsed
        self.eta = eta
        self.etaIsLowerBound = etaIsLowerBound
    }
}
