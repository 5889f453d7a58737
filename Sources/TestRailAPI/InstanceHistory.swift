import Synchronization

/// What one TestRail instance has shown in this process, shared by every copy of a ``TestRailClient``: whether it
/// has ever answered with JSON.
///
/// An HTML page in place of JSON means a wrong URL when it is the instance's first answer, but a proxy or a login
/// wall in maintenance once the instance has answered JSON: the first fails fast, the second is retried.
public final class InstanceHistory: Sendable {
    private let answered = Mutex(false)

    public init() {}

    /// Whether a 2xx JSON body has arrived from the instance.
    public var hasAnsweredJSON: Bool { answered.withLock { $0 } }

    func recordJSON() {
        answered.withLock { $0 = true }
    }
}
