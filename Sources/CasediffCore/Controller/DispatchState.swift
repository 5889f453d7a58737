import TestRailAPI

/// The controller loop's decisions, as a pure state machine: how many requests go at once, whether the rate or
/// latency bounds the run, which unit a free slot or a granted permit goes to, and whether a body cut short is sent
/// again. ``FetchController`` performs the ``Action``s it returns (child tasks, permits) and feeds back what they
/// answer.
///
/// A unit is bound to a request in one of two ways:
/// - **At dispatch** (no rate limit, or stored pages may answer units): a free slot takes the planner's best unit
///   at once, and its request waits for a permit inside the executor.
/// - **At the permit** (a rate limit, and nothing stored to answer from): a free slot first waits for the
///   limiter's permit and only then takes the planner's best unit. When the rate binds, requests wait for permits,
///   not for slots; choosing the unit when its request really goes lets a chain's next page, known a moment ago,
///   take the next permit instead of queueing behind units committed seconds before — so the longest chains are
///   not what the run waits for. One permit is awaited at a time, and only while a unit is ready for it.
///
/// The rate binds when fewer requests in flight than the concurrency already saturate it:
/// `perMinute ÷ 60 × latency ≤ concurrency`, the latency being a moving average of what requests took (a fifth the
/// newest, from 0.25 s). Then the planner spends no request on speculation: every request is one the floor needs.
///
/// | limit / min | latency average | concurrency | requests in flight that saturate it | binds |
/// |-------------|-----------------|-------------|-------------------------------------|-------|
/// | 180         | 1.0 s           | 8           | 3                                   | yes   |
/// | 180         | 0.2 s           | 8           | 0.6                                 | yes   |
/// | 3000        | 0.5 s           | 8           | 25                                  | no    |
/// | none        | any             | any         | —                                   | no    |
///
/// | latency average | the answer took | new average                     |
/// |-----------------|-----------------|---------------------------------|
/// | 0.25 s (start)  | 1.0 s           | 0.25 × 0.8 + 1.0 × 0.2 = 0.40 s |
/// | 0.40 s          | 1.0 s           | 0.52 s                          |
///
/// A body cut short (any retryable decoding failure) counts as a failure of its page: the page is sent again while
/// its failures in all, however they were spread over sends, stay under the policy's `maxAttempts`.
///
/// | maxAttempts | failures before | decoding failed with | verdict                           |
/// |-------------|-----------------|----------------------|-----------------------------------|
/// | 6           | 0               | cut short            | send again: attempt + 1, 1 failure |
/// | 6           | 5               | cut short            | deliver the failure               |
/// | 6           | 0               | malformed            | deliver the failure               |
struct DispatchState: Sendable {
    struct Configuration: Sendable, Hashable {
        /// Requests in flight at most (a permit awaited counts as one).
        var concurrency: Int
        /// The retry policy's attempts for one page, in all.
        var maxAttempts: Int
        /// Under a rate limit, take the permit before the unit (no stored page can answer a unit).
        var bindAtPermit: Bool
        var initialLatency: Duration = .milliseconds(250)
        /// The newest latency's share of the average.
        var smoothing: Double = 0.2

        init(concurrency: Int, maxAttempts: Int, bindAtPermit: Bool) {
            self.concurrency = max(1, concurrency)
            self.maxAttempts = max(1, maxAttempts)
            self.bindAtPermit = bindAtPermit
        }
    }

    /// One send of a unit: its attempt number, and the failures counted toward its attempts so far.
    struct Send: Sendable, Hashable {
        var unit: WorkUnit
        var attempt = 1
        var failures = 0
    }

    enum Action: Sendable, Hashable {
        /// Start the unit now; its request waits for a permit in the executor.
        case fetch(Send)
        /// Wait for a permit and report it (``permitGranted(_:perMinute:from:)``).
        case awaitPermit
        /// Send the unit under the permit just granted.
        case send(Send, RateLimiter.Permit)
        /// Nothing is left to send under the permit: give it back.
        case giveBack(RateLimiter.Permit)
    }

    enum Verdict: Sendable, Hashable {
        /// The page goes again (already queued for the next free slot or permit).
        case sendAgain
        /// The result goes to the planner.
        case deliver
    }

    let configuration: Configuration
    /// The moving average of what requests took, in seconds.
    private(set) var latencyEstimate: Double
    /// Slots taken: requests on their way and the permit awaited.
    private(set) var inFlight = 0
    /// Bodies being decoded (outside the concurrency bound: CPU and network overlap).
    private(set) var decoding = 0
    private(set) var awaitingPermit = false
    /// Pages whose body was cut short, to send again before anything new.
    private var resend: [Send] = []

    init(_ configuration: Configuration) {
        self.configuration = configuration
        latencyEstimate = configuration.initialLatency.inSeconds
    }

    /// Nothing on its way and nothing being decoded: the loop has nothing to wait for.
    var isIdle: Bool { inFlight == 0 && decoding == 0 }

    /// Whether the rate, not latency, bounds the run at `perMinute` (nil: no limit).
    func rateBound(perMinute: Double?) -> Bool {
        guard let perMinute else { return false }
        return perMinute / 60 * latencyEstimate <= Double(configuration.concurrency)
    }

    /// Fills the free slots: units to start, or one permit to await.
    mutating func dispatch(perMinute: Double?, from source: inout some UnitSource) -> [Action] {
        let rateBound = rateBound(perMinute: perMinute)
        if configuration.bindAtPermit, perMinute != nil {
            guard !awaitingPermit, inFlight < configuration.concurrency,
                !resend.isEmpty || source.hasReadyUnit(rateBound: rateBound)
            else { return [] }
            awaitingPermit = true
            inFlight += 1
            return [.awaitPermit]
        }
        var actions: [Action] = []
        while inFlight < configuration.concurrency, let next = takeNext(rateBound: rateBound, from: &source) {
            inFlight += 1
            actions.append(.fetch(next))
        }
        return actions
    }

    /// The permit awaited came (nil: the wait was cancelled): the best unit now goes under it, or it is given back.
    mutating func permitGranted(_ permit: RateLimiter.Permit?, perMinute: Double?, from source: inout some UnitSource)
        -> Action?
    {
        awaitingPermit = false
        guard let permit else {
            inFlight -= 1
            return nil
        }
        if let next = takeNext(rateBound: rateBound(perMinute: perMinute), from: &source) {
            return .send(next, permit)
        }
        inFlight -= 1
        return .giveBack(permit)
    }

    /// A request came back with a body (to decode next); it took `latency`.
    mutating func fetched(latency: Duration) {
        inFlight -= 1
        decoding += 1
        latencyEstimate = latencyEstimate * (1 - configuration.smoothing) + latency.inSeconds * configuration.smoothing
    }

    /// A unit was answered without a body to decode: from the store, missing from it, or failed for good.
    mutating func answered() {
        inFlight -= 1
    }

    /// A body was decoded: deliver the result, or send the page again when it was cut short and attempts remain.
    mutating func decoded(_ send: Send, _ result: Result<UnitPayload, TestRailError>) -> Verdict {
        decoding -= 1
        if case .failure(let error) = result, error.isRetryable, send.failures + 1 < configuration.maxAttempts {
            resend.append(Send(unit: send.unit, attempt: send.attempt + 1, failures: send.failures + 1))
            return .sendAgain
        }
        return .deliver
    }

    private mutating func takeNext(rateBound: Bool, from source: inout some UnitSource) -> Send? {
        if !resend.isEmpty { return resend.removeFirst() }
        return source.nextUnit(rateBound: rateBound).map { Send(unit: $0) }
    }
}
