/// The engine's sense of time, injected so the limiter, retries and the controller can run on virtual time in tests.
///
/// Instants are `Duration`s since the clock's own epoch: pure state machines take them as plain values.
public protocol EngineClock: Sendable {
    /// Time since this clock's epoch.
    var now: Duration { get }
    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

extension EngineClock {
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}
