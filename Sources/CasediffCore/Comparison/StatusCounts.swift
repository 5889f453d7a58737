/// How many cases fell into each status, and how many of them count as drift under `--fail-on`.
public struct StatusCounts: Sendable, Hashable {
    public var added = 0
    public var removed = 0
    public var changed = 0
    public var moved = 0
    public var renamed = 0
    public var unchanged = 0
    /// Records that count as drift (see ``CaseRecord/drift``).
    public var drift = 0

    public init(
        added: Int = 0, removed: Int = 0, changed: Int = 0, moved: Int = 0, renamed: Int = 0, unchanged: Int = 0,
        drift: Int = 0
    ) {
        self.added = added
        self.removed = removed
        self.changed = changed
        self.moved = moved
        self.renamed = renamed
        self.unchanged = unchanged
        self.drift = drift
    }

    public subscript(status: CaseStatus) -> Int {
        switch status {
        case .added: return added
        case .removed: return removed
        case .changed: return changed
        case .moved: return moved
        case .renamed: return renamed
        case .unchanged: return unchanged
        }
    }

    /// Every compared case: pairs count once, one-sided cases once.
    public var total: Int { added + removed + changed + moved + renamed + unchanged }

    mutating func count(_ record: CaseRecord) {
        switch record.status {
        case .added: added += 1
        case .removed: removed += 1
        case .changed: changed += 1
        case .moved: moved += 1
        case .renamed: renamed += 1
        case .unchanged: unchanged += 1
        }
        if record.drift { drift += 1 }
    }

    public static func + (lhs: StatusCounts, rhs: StatusCounts) -> StatusCounts {
        StatusCounts(
            added: lhs.added + rhs.added, removed: lhs.removed + rhs.removed, changed: lhs.changed + rhs.changed,
            moved: lhs.moved + rhs.moved, renamed: lhs.renamed + rhs.renamed, unchanged: lhs.unchanged + rhs.unchanged,
            drift: lhs.drift + rhs.drift)
    }
}
