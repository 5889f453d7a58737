/// The live display's state: the latest progress report plus what the request events add (rate now, 429s,
/// retries), folded from ``FetchEvent``s. A pure value: the caller stamps each event with the time it arrived.
public struct FetchProgress: Sendable {
    /// How far back the current rate and the throughput behind the ETA look.
    public static let window: Duration = .seconds(15)

    public private(set) var report = FetchProgressReport()
    /// The latest report of each instance fetched; ``report`` is their union.
    private var reports: [String: FetchProgressReport] = [:]
    public private(set) var requests = 0
    public private(set) var rateLimited = 0
    public private(set) var retries = 0
    public private(set) var started: Duration?
    /// When each recent request ended (within ``window``).
    private var recentRequests: [Duration] = []
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
            recentRequests.append(now)
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
        recentRequests.removeAll { $0 < start }
        if let keep = pageSamples.lastIndex(where: { $0.at <= start }), keep > 0 {
            pageSamples.removeFirst(keep)
        }
    }

    /// What the display shows at `now`.
    ///
    /// The rate is requests ended in the last ``window`` (or since the start, if sooner), per minute. The ETA is the
    /// pages still planned over the page throughput across the same window; nil until pages flow, and a lower
    /// bound (``ProgressView/etaIsLowerBound``) while a side's plan is still growing.
    public func view(at now: Duration) -> ProgressView {
        let elapsed = started.map { now - $0 } ?? .zero
        let span = min(Self.window, elapsed)
        let recent = recentRequests.filter { $0 >= now - Self.window }.count
        let rate = span >= .seconds(1) ? Double(recent) * 60 / span.inSeconds : nil
        let sides = report.sides.keys.sorted().map { ($0, report.sides[$0]!) }
        let remaining = sides.reduce(0) { $0 + max(0, $1.1.pagesPlanned - $1.1.pages) }
        let done = !sides.isEmpty && sides.allSatisfy { $0.1.isDone }
        var eta: Duration?
        if done {
            eta = .zero
        } else if let first = pageSamples.first, let last = pageSamples.last, last.at - first.at >= .seconds(1),
            last.pages > first.pages
        {
            let perSecond = Double(last.pages - first.pages) / (last.at - first.at).inSeconds
            eta = .seconds(Double(remaining) / perSecond)
        }
        return ProgressView(
            sides: sides, ratePerMinute: rate, limitPerMinute: report.limitPerMinute, requests: requests,
            rateLimited: rateLimited, retries: retries, elapsed: elapsed, eta: eta,
            etaIsLowerBound: !sides.allSatisfy { $0.1.planKnown })
    }
}
