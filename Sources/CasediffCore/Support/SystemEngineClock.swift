/// Real time, from `ContinuousClock`.
public struct SystemEngineClock: EngineClock {
    private let epoch: ContinuousClock.Instant

    public init() {
        epoch = ContinuousClock.now
    }

    public var now: Duration { ContinuousClock.now - epoch }

    public func sleep(until deadline: Duration) async throws {
        try await Task.sleep(until: epoch + deadline, clock: .continuous)
    }
}
