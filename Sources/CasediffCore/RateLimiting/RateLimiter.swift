/// One TestRail instance's adaptive rate limiter, shared by every request casediff sends to that instance.
///
/// A thin actor around ``RateLimiterState``: it computes reservations; callers sleep outside it in
/// ``acquire()`` and report each outcome back. Cancellation while waiting returns the permit.
public actor RateLimiter {
    private var state: RateLimiterState
    private let clock: any EngineClock
    private let random: @Sendable () -> Double

    /// - Parameter random: a source of numbers in 0..<1 for the gate's jitter (injected for tests).
    public init(
        _ configuration: RateLimiterState.Configuration, clock: any EngineClock,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        state = RateLimiterState(configuration)
        self.clock = clock
        self.random = random
    }

    /// A granted permit: the request it admits is sent now, at `sentAt`; unused, it is given back
    /// (``giveBack(_:)``).
    public struct Permit: Sendable, Hashable {
        let ticket: RateLimiterState.Ticket
        /// The instant the request is sent, to report its outcome with.
        public let sentAt: Duration
    }

    /// Waits for a permit and returns the instant the request is sent, to report its outcome with.
    public nonisolated func acquire() async throws -> Duration {
        try await acquirePermit().sentAt
    }

    /// Waits for a permit; the caller sends at once or gives it back.
    public nonisolated func acquirePermit() async throws -> Permit {
        var ticket = await reserve()
        while true {
            do {
                try Task.checkCancellation()
                try await clock.sleep(until: ticket.at)
            } catch {
                await cancel(ticket)
                throw error
            }
            switch await confirm(ticket) {
            case .proceed(let sentAt): return Permit(ticket: ticket, sentAt: sentAt)
            case .reschedule(let next): ticket = next
            }
        }
    }

    /// A permit nothing was sent with: the limiter forgets it.
    public func giveBack(_ permit: Permit) {
        state.giveBack(permit.ticket, now: clock.now)
    }

    public func recordSuccess(sentAt: Duration) {
        state.recordSuccess(sentAt: sentAt, now: clock.now)
    }

    /// A 429: every request waits out `retryAfter` plus jitter, and the limit adapts — to `statedPerMinute` when
    /// the answer's message states the limit.
    public func recordRejection(sentAt: Duration, retryAfter: Duration?, statedPerMinute: Int? = nil) {
        let base = retryAfter ?? state.configuration.defaultPause
        let jitter = min(.seconds(1), base / 10) * random()
        state.recordRejection(
            sentAt: sentAt, retryAfter: retryAfter, statedPerMinute: statedPerMinute, jitter: jitter, now: clock.now)
    }

    /// Holds every request for `duration` (a 409 maintenance answer).
    public func pause(for duration: Duration) {
        state.pause(until: clock.now + duration)
    }

    /// Requests per minute the last 429 taught (before recovery); nil when no 429 was seen.
    public var learnedRequestsPerMinute: Int? {
        state.learnedLimit.map { Int(state.perMinute($0).rounded(.down)) }
    }

    /// Requests per minute currently allowed; nil when unlimited.
    public var requestsPerMinute: Double? { state.requestsPerMinute }

    /// The rate a run that began with `choice` ended with: what its 429s stated or taught, if anything.
    public func settled(_ choice: RateChoice) -> RateChoice {
        choice.settled(
            limitPerMinute: requestsPerMinute.map { Int($0.rounded(.down)) }, statedPerMinute: statedRequestsPerMinute,
            learned: state.learnedLimit != nil)
    }

    /// Requests per minute the last 429's message stated; nil when none stated one.
    public var statedRequestsPerMinute: Int? {
        state.statedLimit.map { Int(state.perMinute($0).rounded()) }
    }

    private func reserve() -> RateLimiterState.Ticket {
        state.reserve(now: clock.now)
    }

    private func confirm(_ ticket: RateLimiterState.Ticket) -> RateLimiterState.Confirmation {
        state.confirm(ticket, now: clock.now)
    }

    private func cancel(_ ticket: RateLimiterState.Ticket) {
        state.cancel(ticket, now: clock.now)
    }
}
