/// What one outcome changed, as the planner tells the aggregator (``ResultAggregator/take(_:_:)``).
struct PlannerUpdate: Sendable {
    /// The payload belongs to a live suite or list and should be kept.
    var keep = true
    /// Suites whose every page is now in, in order, with their chains.
    var completed: [SuiteCompletion] = []
    /// Suites that turned out not to exist (stale hints); drop their pages.
    var discarded: [SuiteKey] = []
}
