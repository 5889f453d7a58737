/// The adaptive rate limiter's decisions, as a pure state machine over explicit instants (time since an epoch).
///
/// Three rules decide when a request may go:
/// - **Token bucket** (GCRA): one permit per `window / limit`, with a small `burst`.
/// - **Sliding window**: never more than `limit` permits in any `window + margin`, so a server that counts a sliding
///   60 s window (as TestRail Cloud does) never sees more than `limit` requests, even with some send skew.
/// - **Gate**: after a 429 (or a 409 maintenance answer) nothing goes before `Retry-After` plus a little jitter.
///
/// On a 429 the limit adapts. casediff counts the requests the server accepted in the 60 s before the rejected one:
/// that count *is* the server's limit when casediff is its only client, so the new limit is that count less
/// `headroom`, never cut by more than half and always at least a multiplicative decrease. The count is trusted only
/// when `Retry-After` agrees (the window frees up about when casediff's oldest request in it leaves); otherwise the
/// 429 had another cause and the limit only decreases multiplicatively (or, with no limit known, stays unknown and
/// only the gate applies). With no rejection for `recoveryInterval` it rises again by `recoveryStep` toward the
/// ceiling.
///
/// A 429 whose message states the limit (TestRail's "500 per minute maximum allowed", ``RateLimitMessage``) says
/// more than any count: the limit becomes the stated one, and recovery never climbs above it. No headroom is taken
/// off: the sliding window (with its `margin`) already keeps every 60 s at or under the limit. Only when casediff
/// was already at or under the stated limit does the 429 mean another client shares the quota, and then the limit
/// decreases multiplicatively as without a message.
///
/// | ceiling | situation                                           | new limit                      |
/// |---------|-----------------------------------------------------|--------------------------------|
/// | 180     | 429 after 120 accepted in 60 s (true limit 120)     | min(153, max(119, 90)) = 119   |
/// | 180     | 429 after 180 accepted (a skew)                     | min(153, max(179, 90)) = 153   |
/// | 180     | 429 after 3 accepted (others share the instance)    | min(153, max(2, 90)) = 90      |
/// | none    | 429 after 120 accepted in 3 s                       | 119 (nothing to decrease from) |
/// | none    | 429 saying "20 per minute" after 13 accepted        | 20 (stated)                    |
/// | 180     | 429 saying "120 per minute"                         | 120 (stated)                   |
/// | 120     | 429 saying "120 per minute" (another client)        | 102 (120 × 0.85)               |
///
/// A permit is a reservation: ``reserve(now:)`` books a time, the caller sleeps *outside* (the actor never sleeps),
/// then ``confirm(_:now:)`` either lets it go or reschedules it — because a gate or a lower limit appeared, or the
/// caller woke too late for the window arithmetic to hold. ``cancel(_:now:)`` returns a permit not yet confirmed;
/// ``giveBack(_:now:)`` one confirmed but not used after all (no request was ready to take it).
public struct RateLimiterState: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Requests per `window` the profile or `--rate` allows; nil means no known limit.
        public var ceiling: Int?
        public var burst: Int
        public var window: Duration
        /// Extra length of the sliding window, covering the skew between casediff's clock and the server's.
        public var margin: Duration
        public var decrease: Double
        public var headroom: Int
        public var recoveryInterval: Duration
        /// Pause after a 429 without `Retry-After`.
        public var defaultPause: Duration

        public init(
            ceiling: Int?, burst: Int = 4, window: Duration = .seconds(60), margin: Duration = .seconds(1),
            decrease: Double = 0.85, headroom: Int = 1, recoveryInterval: Duration = .seconds(30),
            defaultPause: Duration = .seconds(2)
        ) {
            self.ceiling = ceiling
            self.burst = max(1, burst)
            self.window = window
            self.margin = margin
            self.decrease = decrease
            self.headroom = headroom
            self.recoveryInterval = recoveryInterval
            self.defaultPause = defaultPause
        }
    }

    public struct Ticket: Sendable, Hashable {
        public let id: Int
        /// When the request may be sent.
        public let at: Duration
        let epoch: Int
    }

    public enum Confirmation: Sendable, Hashable {
        /// Send now; `sentAt` is the instant to report the outcome with.
        case proceed(sentAt: Duration)
        /// Sleep again, until the new ticket's time.
        case reschedule(Ticket)
    }

    struct Grant: Sendable, Hashable {
        var id: Int
        var at: Duration
        var confirmed: Bool
    }

    public let configuration: Configuration
    /// The current limit per window; nil while no limit is known.
    public private(set) var limit: Int?
    /// The limit the last 429 taught, before any recovery: what the next run should start at (the stated limit when
    /// a message stated one, whatever this run slowed to).
    public private(set) var learnedLimit: Int?
    /// The limit per window the last 429's message stated (``RateLimitMessage``); recovery never rises above it.
    public private(set) var statedLimit: Int?
    /// Nothing is sent before this instant.
    public private(set) var gateUntil: Duration = .zero

    private var tat: Duration = .zero
    private var grants: [Grant] = []
    private var rejectedAt: [Duration] = []
    private var epoch = 0
    private var nextID = 0
    private var lastDecrease: Duration?
    private var lastChange: Duration = .zero
    private var recoveryStep = 1

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        limit = configuration.ceiling
        recoveryStep = max(1, (configuration.ceiling ?? 60) / 60)
    }

    /// Requests per minute the limiter currently allows; nil when unlimited.
    public var requestsPerMinute: Double? {
        limit.map(perMinute)
    }

    /// A limit per window (``limit``, ``learnedLimit``, ``statedLimit``) in requests per minute.
    public func perMinute(_ perWindow: Int) -> Double {
        Double(perWindow) * 60 / configuration.window.inSeconds
    }

    /// Permits booked but neither used nor returned.
    public var pendingPermits: Int { grants.filter { !$0.confirmed }.count }

    private var interval: Duration? {
        limit.map { configuration.window / $0 }
    }

    private var fullWindow: Duration { configuration.window + configuration.margin }

    /// Books the earliest instant a new request may go.
    public mutating func reserve(now: Duration) -> Ticket {
        prune(now: now)
        var at = max(now, gateUntil)
        if let last = grants.last { at = max(at, last.at) }
        if let limit, let interval {
            at = max(at, tat - interval * (configuration.burst - 1))
            if grants.count >= limit {
                at = max(at, grants[grants.count - limit].at + fullWindow)
            }
            tat = max(tat, at) + interval
        }
        nextID += 1
        grants.append(Grant(id: nextID, at: at, confirmed: false))
        return Ticket(id: nextID, at: at, epoch: epoch)
    }

    /// Called when the caller wakes for its ticket: go now, or sleep again until the new ticket.
    public mutating func confirm(_ ticket: Ticket, now: Duration) -> Confirmation {
        guard let index = grants.firstIndex(where: { $0.id == ticket.id }) else {
            return .reschedule(reserve(now: now))
        }
        let late = now - ticket.at > configuration.margin / 2
        if ticket.epoch != epoch || now < gateUntil || late {
            grants.remove(at: index)
            releaseTokens(now: now)
            return .reschedule(reserve(now: now))
        }
        grants[index].confirmed = true
        return .proceed(sentAt: now)
    }

    /// Returns a permit that will not be used (its task was cancelled).
    public mutating func cancel(_ ticket: Ticket, now: Duration) {
        guard let index = grants.firstIndex(where: { $0.id == ticket.id }), !grants[index].confirmed else { return }
        grants.remove(at: index)
        releaseTokens(now: now)
    }

    /// Returns a confirmed permit that no request used (the controller takes a permit before it picks the unit, and
    /// none was left to pick): as if it had never been granted, so it neither counts in the window nor spends a token.
    public mutating func giveBack(_ ticket: Ticket, now: Duration) {
        guard let index = grants.firstIndex(where: { $0.id == ticket.id }), grants[index].confirmed else { return }
        grants.remove(at: index)
        releaseTokens(now: now)
    }

    /// A request sent at `sentAt` was answered without a 429; after a calm `recoveryInterval` the limit rises.
    public mutating func recordSuccess(sentAt: Duration, now: Duration) {
        guard let current = limit, lastDecrease != nil else { return }
        let top = min(configuration.ceiling ?? Int.max, statedLimit ?? Int.max)
        if current >= top { return }
        if now - lastChange >= configuration.recoveryInterval {
            limit = min(current + recoveryStep, top)
            lastChange = now
        }
    }

    /// A request sent at `sentAt` got a 429: close the gate and, once per overload, lower the limit — to the limit
    /// the message states (`statedPerMinute`, requests per minute) when it states one.
    public mutating func recordRejection(
        sentAt: Duration, retryAfter: Duration?, statedPerMinute: Int? = nil, jitter: Duration, now: Duration
    ) {
        rejectedAt.append(sentAt)
        pause(until: now + (retryAfter ?? configuration.defaultPause) + jitter)
        if let lastDecrease, sentAt <= lastDecrease { return }  // an echo of an overload already handled
        if let statedPerMinute, statedPerMinute > 0 {
            let stated = max(1, Int((Double(statedPerMinute) * configuration.window.inSeconds / 60).rounded(.down)))
            statedLimit = stated
            if let current = limit, current <= stated {
                // Already within the stated limit and still refused: another client shares the quota, or an earlier
                // run's requests are still in the server's window. This run slows down; what is remembered for
                // the instance stays what the server says, so back-to-back runs do not ratchet it down.
                limit = max(1, Int(Double(current) * configuration.decrease))
            } else {
                limit = stated
            }
            recoveryStep = max(1, stated / 60)
            learnedLimit = stated
            lastDecrease = now
            lastChange = now
            return
        }
        let windowStart = sentAt - configuration.window
        let inWindow = grants.filter { $0.confirmed && $0.at > windowStart && $0.at < sentAt }
        let refused = rejectedAt.filter { $0 > windowStart && $0 < sentAt }.count
        let learned = max(1, inWindow.count - refused - configuration.headroom)
        // Our own requests filled the server's window only if it frees up about when our oldest one leaves it;
        // a much shorter Retry-After means something else caused the 429 (another client, a burst rule).
        let span = inWindow.first.map { sentAt - $0.at } ?? .zero
        let filledByUs = retryAfter.map { $0 >= (configuration.window - span) / 2 } ?? true
        if let current = limit {
            let decreased = max(1, Int(Double(current) * configuration.decrease))
            limit = filledByUs ? min(decreased, max(learned, current / 2)) : decreased
        } else if filledByUs {
            limit = learned
        }
        recoveryStep = max(1, (configuration.ceiling ?? limit ?? 60) / 60)
        learnedLimit = limit
        lastDecrease = now
        lastChange = now
    }

    /// Holds every request until `until` (a 409 maintenance answer, or a 429's `Retry-After`).
    public mutating func pause(until: Duration) {
        if until > gateUntil {
            gateUntil = until
        }
        epoch += 1
    }

    private mutating func releaseTokens(now: Duration) {
        guard let interval else { return }
        tat = max(now, tat - interval)
    }

    private mutating func prune(now: Duration) {
        let horizon = now - fullWindow
        let keepFrom = grants.firstIndex(where: { $0.at > horizon || !$0.confirmed }) ?? grants.count
        grants.removeFirst(keepFrom)
        rejectedAt.removeAll { $0 <= now - configuration.window * 2 }
    }
}
