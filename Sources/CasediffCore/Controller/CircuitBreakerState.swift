import TestRailAPI

/// Stops hammering a failing server: a pure state machine over explicit instants.
///
/// `threshold` consecutive 5xx answers or timeouts (429s do not count: the rate limiter handles those) open the
/// circuit; nothing is sent until the cool-down ends. Then it half-opens: one probe goes; success closes it,
/// failure opens it again for twice as long (up to `maxCooldown`).
///
/// | event (threshold 5, cooldown 2 s) | phase after               |
/// |-----------------------------------|---------------------------|
/// | 4 failures                        | closed                    |
/// | 5th failure at t = 10 s           | open until 12 s           |
/// | admit at 12 s                     | half-open, probe goes     |
/// | probe fails at 12.3 s             | open until 16.3 s         |
/// | next probe succeeds               | closed, cool-down reset   |
public struct CircuitBreakerState: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case closed(failures: Int)
        case open(until: Duration)
        case halfOpen(probing: Bool)
    }

    public enum Admission: Sendable, Hashable {
        case proceed
        case wait(until: Duration)
    }

    public let threshold: Int
    public let baseCooldown: Duration
    public let maxCooldown: Duration
    public private(set) var phase: Phase = .closed(failures: 0)
    public private(set) var openings = 0
    private var cooldown: Duration

    public init(threshold: Int = 5, cooldown: Duration = .seconds(2), maxCooldown: Duration = .seconds(30)) {
        self.threshold = max(1, threshold)
        baseCooldown = cooldown
        self.maxCooldown = maxCooldown
        self.cooldown = cooldown
    }

    /// Whether a request may go now; in half-open only the one probe goes, the others check back shortly.
    public mutating func admit(now: Duration) -> Admission {
        switch phase {
        case .closed:
            return .proceed
        case .open(let until):
            if now < until { return .wait(until: until) }
            phase = .halfOpen(probing: true)
            return .proceed
        case .halfOpen(let probing):
            if probing { return .wait(until: now + .milliseconds(100)) }
            phase = .halfOpen(probing: true)
            return .proceed
        }
    }

    public mutating func recordSuccess() {
        phase = .closed(failures: 0)
        cooldown = baseCooldown
    }

    /// A 5xx or a timeout.
    public mutating func recordFailure(now: Duration) {
        switch phase {
        case .closed(let failures):
            if failures + 1 >= threshold { open(now: now) } else { phase = .closed(failures: failures + 1) }
        case .halfOpen:
            open(now: now)
        case .open:
            break
        }
    }

    /// Any other outcome of an admitted request (a 429, a 4xx, cancellation): frees the probe slot.
    public mutating func recordNeutral() {
        if case .halfOpen = phase { phase = .halfOpen(probing: false) }
    }

    private mutating func open(now: Duration) {
        phase = .open(until: now + cooldown)
        openings += 1
        cooldown = min(maxCooldown, cooldown * 2)
    }

    /// Whether an error counts toward opening the circuit.
    public static func counts(_ error: TestRailError) -> Bool {
        switch error {
        case .serverError, .timedOut, .connectionFailed, .truncatedResponse: return true
        default: return false
        }
    }
}
