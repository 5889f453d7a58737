/// One side's suite: how the planner, the aggregator and their updates name a suite of a comparison.
struct SuiteKey: Hashable, Sendable, Comparable {
    var side: Side
    var suiteID: Int

    static func < (lhs: SuiteKey, rhs: SuiteKey) -> Bool { (lhs.side, lhs.suiteID) < (rhs.side, rhs.suiteID) }
}
