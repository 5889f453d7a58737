import Foundation

/// A run as the history records it.
public struct RunTicket: Sendable, Hashable {
    public var id: Int64
    /// Pages fetched since this instant count as fresh: the start of the interrupted run being resumed (or of a
    /// chain of them); nil when nothing is resumed.
    public var resumesFrom: Date?

    public init(id: Int64, resumesFrom: Date?) {
        self.id = id
        self.resumesFrom = resumesFrom
    }
}
