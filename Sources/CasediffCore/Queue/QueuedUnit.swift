/// A unit waiting in the ``WorkQueue``, with what orders it.
///
/// Order (highest first): listing units before pages; among pages, those of the suite with the most work left;
/// then first come, first served, so equal units go in a stable order.
struct QueuedUnit: Sendable, Comparable {
    enum Rank: Int, Sendable, Comparable {
        case page = 0
        case listing = 1

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var unit: WorkUnit
    var rank: Rank
    /// Estimated pages left in the unit's suite.
    var weight: Int
    /// Arrival order; earlier wins ties.
    var sequence: Int

    static func < (lhs: QueuedUnit, rhs: QueuedUnit) -> Bool {
        (lhs.rank, lhs.weight, rhs.sequence) < (rhs.rank, rhs.weight, lhs.sequence)
    }

    static func == (lhs: QueuedUnit, rhs: QueuedUnit) -> Bool {
        lhs.rank == rhs.rank && lhs.weight == rhs.weight && lhs.sequence == rhs.sequence
    }
}
