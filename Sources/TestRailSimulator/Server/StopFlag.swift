import Foundation

/// Set once when a simulator stops: answers that would otherwise never end (trickled, silent) poll it and finish.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    public init() {}

    public var isSet: Bool { lock.withLock { stopped } }

    public func set() {
        lock.withLock { stopped = true }
    }
}
