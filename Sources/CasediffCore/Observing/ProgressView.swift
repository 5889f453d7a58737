/// One frame of the progress display, computed from ``FetchProgress``.
public struct ProgressView: Sendable {
    public var sides: [(side: Side, progress: SideProgress)]
    /// Requests sent in the last minute; nil in the first second.
    public var ratePerMinute: Double?
    public var limitPerMinute: Double?
    public var requests: Int
    public var rateLimited: Int
    public var retries: Int
    public var elapsed: Duration
    /// nil until pages flow, and while the plan is not known (``planKnown``); zero when every side is done.
    public var eta: Duration?
    /// False while a side's plan may still grow (its listing or some suite's size is unknown): then no ETA is
    /// honest, and the display says `?`.
    public var planKnown: Bool
    /// While the server's `Retry-After` holds every request: the time left and why (`429 Retry-After`).
    public var hold: (left: Duration, reason: String)?

    public init(
        sides: [(side: Side, progress: SideProgress)], ratePerMinute: Double? = nil, limitPerMinute: Double? = nil,
        requests: Int = 0, rateLimited: Int = 0, retries: Int = 0, elapsed: Duration = .zero, eta: Duration? = nil,
        planKnown: Bool = true, hold: (left: Duration, reason: String)? = nil
    ) {
        self.sides = sides
        self.ratePerMinute = ratePerMinute
        self.limitPerMinute = limitPerMinute
        self.requests = requests
        self.rateLimited = rateLimited
        self.retries = retries
        self.elapsed = elapsed
        self.eta = eta
        self.planKnown = planKnown
        self.hold = hold
    }
}
