/// Receives the engine's ``FetchEvent``s. Called from the controller's tasks, so it must be cheap and `Sendable`;
/// the engine awaits it, which keeps the events of one request in order.
public protocol FetchObserver: Sendable {
    /// Whether it uses ``FetchEvent/progress(_:)``: the engine builds progress reports (a walk over every suite's
    /// pages) only when some observer does. True unless an observer says otherwise.
    var wantsProgress: Bool { get }
    func observe(_ event: FetchEvent) async
}

extension FetchObserver {
    public var wantsProgress: Bool { true }
}
