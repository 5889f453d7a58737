import TestRailAPI

/// What the planner knows of one suite: its two page series (sections, cases) and where it stands.
struct SuiteState: Sendable {
    /// Nil while the suite is known only from a hint, before the project's listing confirms it.
    var suite: Suite?
    var sections: PageSeries
    var cases: PageSeries
    var hinted: Bool
    var delivered = false
    /// A page error held until the listing says whether the suite exists.
    var parkedError: CasediffError?
    var speculativeInFlight = 0
}
