/// The instance's circuit breaker: a thin actor around ``CircuitBreakerState``; callers wait outside it.
public actor CircuitBreaker {
    private var state: CircuitBreakerState
    private let clock: any EngineClock

    public init(_ state: CircuitBreakerState = CircuitBreakerState(), clock: any EngineClock) {
        self.state = state
        self.clock = clock
    }

    /// Returns when a request may go.
    public nonisolated func pass() async throws {
        while true {
            switch await admit() {
            case .proceed: return
            case .wait(let until): try await clock.sleep(until: until)
            }
        }
    }

    public func recordSuccess() { state.recordSuccess() }
    public func recordFailure() { state.recordFailure(now: clock.now) }
    public func recordNeutral() { state.recordNeutral() }
    public var openings: Int { state.openings }

    private func admit() -> CircuitBreakerState.Admission { state.admit(now: clock.now) }
}
