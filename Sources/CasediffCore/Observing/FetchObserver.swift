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

/// Hands every event to several observers in turn (the progress display and the request log, say).
public struct FetchObservers: FetchObserver {
    public let observers: [any FetchObserver]

    public init(_ observers: [any FetchObserver]) {
        self.observers = observers
    }

    public var wantsProgress: Bool { observers.contains { $0.wantsProgress } }

    public func observe(_ event: FetchEvent) async {
        for observer in observers { await observer.observe(event) }
    }
}
