/// How many cases fell into each status.
public struct StatusCounts: Sendable, Hashable {
    public var added = 0
    public var removed = 0
    public var changed = 0
    public var unchanged = 0

    public init(added: Int = 0, removed: Int = 0, changed: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.removed = removed
        self.changed = changed
        self.unchanged = unchanged
    }

    /// Cases that count as drift: everything but `unchanged`.
    public var drift: Int { added + removed + changed }

    mutating func count(_ status: CaseStatus) {
        switch status {
        case .added: added += 1
        case .removed: removed += 1
        case .changed: changed += 1
        case .unchanged: unchanged += 1
        }
    }

    public static func + (lhs: StatusCounts, rhs: StatusCounts) -> StatusCounts {
        StatusCounts(
            added: lhs.added + rhs.added, removed: lhs.removed + rhs.removed, changed: lhs.changed + rhs.changed,
            unchanged: lhs.unchanged + rhs.unchanged)
    }
}
