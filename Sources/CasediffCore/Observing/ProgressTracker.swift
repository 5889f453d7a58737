/// The shared home of a run's ``FetchProgress``: the engine's tasks report events to it, the display reads frames
/// from it. A thin actor around the pure state; it stamps each event with its clock.
public actor ProgressTracker: FetchObserver {
    private var progress = FetchProgress()
    private let clock: any EngineClock

    public init(clock: any EngineClock = SystemEngineClock()) {
        self.clock = clock
    }

    public func observe(_ event: FetchEvent) {
        progress.apply(event, at: clock.now)
    }

    /// The frame to draw now.
    public func view() -> ProgressView {
        progress.view(at: clock.now)
    }
}
