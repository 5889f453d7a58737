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
