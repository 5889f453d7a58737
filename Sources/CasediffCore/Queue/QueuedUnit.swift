/// A unit waiting in the ``WorkQueue``, with what orders it.
///
/// Order (highest first): listing units before pages; among pages, the longest chain first — the round trips the
/// unit's list still needs, one after another, is what the run would end up waiting on — then the suite with the
/// most pages left; then first come, first served, so equal units go in a stable order.
///
/// | unit                                              | rank    | chain | weight |
/// |---------------------------------------------------|---------|-------|--------|
/// | `get_suites`, `get_project`, a definition list    | listing | 0     | 0      |
/// | page 6 of a cold suite whose 5 pages all linked on | page    | 6     | 5      |
/// | page 1 of a cold suite (nothing known yet)        | page    | 2     | 0      |
/// | page 2 of a cold suite whose page 1 linked on     | page    | 2     | 1      |
/// | a page of a suite hinted at 12 pages              | page    | 1     | 12     |
/// | the first sections page of a cold suite           | page    | 1     | 0      |
struct QueuedUnit: Sendable, Comparable {
    enum Rank: Int, Sendable, Comparable {
        case page = 0
        case listing = 1

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var unit: WorkUnit
    var rank: Rank
    /// Round trips the unit's list still needs, this one included (``PageSeries/remainingChain``).
    var chain: Int
    /// Estimated pages left in the unit's suite.
    var weight: Int
    /// Arrival order; earlier wins ties.
    var sequence: Int

    static func < (lhs: QueuedUnit, rhs: QueuedUnit) -> Bool {
        (lhs.rank, lhs.chain, lhs.weight, rhs.sequence) < (rhs.rank, rhs.chain, rhs.weight, lhs.sequence)
    }

    static func == (lhs: QueuedUnit, rhs: QueuedUnit) -> Bool {
        lhs.rank == rhs.rank && lhs.chain == rhs.chain && lhs.weight == rhs.weight && lhs.sequence == rhs.sequence
    }
}
