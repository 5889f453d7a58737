/// The live display's state: the latest progress report plus what the request events add (rate now, 429s,
/// retries, a `Retry-After` hold), folded from ``FetchEvent``s. A pure value: the caller stamps each event with the
/// time it arrived.
public struct FetchProgress: Sendable {
    /// How far back the throughput behind the ETA looks.
    public static let window: Duration = .seconds(15)
    /// How far back the displayed rate looks: a full minute of send instants, the very quantity TestRail limits.
    ///
    /// A shorter window over-reads the start: the limiter lets a small burst go at once, and requests counted over
    /// a few seconds then extrapolate to more than the limit (471/min against 420). Requests sent in the last 60 s
    /// can never exceed the limit, because the limiter's sliding window guarantees exactly that; in the first
    /// minute the figure is what has been sent so far, which is honest about a short run rather than a projection.
    public static let rateWindow: Duration = .seconds(60)

    public private(set) var report = FetchProgressReport()
    /// The latest report of each instance fetched; ``report`` is their union.
    private var reports: [String: FetchProgressReport] = [:]
    public private(set) var requests = 0
    public private(set) var rateLimited = 0
    public private(set) var retries = 0
    public private(set) var started: Duration?
    /// When each recent request was sent (within ``rateWindow``): its end less its latency.
    private var recentSends: [Duration] = []
    /// Until when the server's `Retry-After` holds every request, and why (a 429 or a 409).
    private var holdUntil: (at: Duration, reason: String)?
    /// (time, pages done) after each report, within ``window`` plus the one sample before it.
    private var pageSamples: [(at: Duration, pages: Int)] = []

    public init() {}

    public mutating func apply(_ event: FetchEvent, at now: Duration) {
        if started == nil { started = now }
        switch event {
        case .request(let record):
            requests += 1
            if record.status == 429 { rateLimited += 1 }
            switch record.next {
            case .retry, .waitForLimit: retries += 1
            case .done, .fail: break
            }
            recentSends.append(now - record.latency)
            if let status = record.status, status == 429 || status == 409, let delay = record.retryAfter,
                delay > .zero, now + delay > holdUntil?.at ?? .zero
            {
                // The limiter holds every request this long (plus under a second of jitter): counted down.
                holdUntil = (now + delay, status == 429 ? "429 Retry-After" : "409 maintenance")
            }
        case .progress(let report):
            reports[report.instance] = report
            self.report = FetchProgressReport.merged(reports.keys.sorted().map { reports[$0]! })
            pageSamples.append((now, self.report.sides.values.reduce(0) { $0 + $1.pages }))
        case .warning:
            break
        }
        prune(now)
    }

    private mutating func prune(_ now: Duration) {
        let start = now - Self.window
        recentSends.removeAll { $0 <= now - Self.rateWindow }
        if let hold = holdUntil, hold.at <= now { holdUntil = nil }
        if let keep = pageSamples.lastIndex(where: { $0.at <= start }), keep > 0 {
            pageSamples.removeFirst(keep)
        }
    }

    /// What the display shows at `now`.
    ///
    /// The rate is the requests sent in the last ``rateWindow`` (a minute). The ETA is the pages still planned over
    /// the page throughput across the last ``window``; nil until pages flow, and nil while a side's plan is still
    /// growing (``ProgressView/planKnown``): the pages known to come are then only a lower bound, and a run whose
    /// sizes are unknown would show a confident "≥ 6 s" for a 21 s run.
    public func view(at now: Duration) -> ProgressView {
        let elapsed = started.map { now - $0 } ?? .zero
        let recent = recentSends.filter { $0 > now - Self.rateWindow && $0 <= now }.count
        let rate = elapsed >= .seconds(1) ? Double(recent) * 60 / Self.rateWindow.inSeconds : nil
        let sides = report.sides.keys.sorted().map { ($0, report.sides[$0]!) }
        let remaining = sides.reduce(0) { $0 + max(0, $1.1.pagesPlanned - $1.1.pages) }
        let done = !sides.isEmpty && sides.allSatisfy { $0.1.isDone }
        let planKnown = sides.allSatisfy { $0.1.planKnown }
        var eta: Duration?
        if done {
            eta = .zero
        } else if planKnown, let first = pageSamples.first, let last = pageSamples.last,
            last.at - first.at >= .seconds(1),
            last.pages > first.pages
        {
            let perSecond = Double(last.pages - first.pages) / (last.at - first.at).inSeconds
            eta = .seconds(Double(remaining) / perSecond)
        }
        return ProgressView(
            sides: sides, ratePerMinute: rate, limitPerMinute: report.limitPerMinute, requests: requests,
            rateLimited: rateLimited, retries: retries, elapsed: elapsed, eta: eta, planKnown: done || planKnown,
            hold: holdUntil.flatMap { $0.at > now ? (left: $0.at - now, reason: $0.reason) : nil })
    }
}
