import TestRailAPI

/// One list of definitions (a project's milestones, shared steps, users…): its pages, or why it is unavailable.
///
/// Unlike a suite, a definition list may be refused or unknown to an older server (`get_shared_steps` before 7.0,
/// `get_users` for a non-administrator); the comparison then falls back to ids and says so, and the run goes on.
struct DefinitionSeries: Sendable {
    var series: PageSeries
    /// False for a list TestRail answers whole, as a bare array (templates): no limit or offset is sent.
    let paged: Bool
    /// Why the server would not give the list; nil while it is fetched or once it is whole.
    var unavailable: String?

    init(base: TestRailEndpoint, paged: Bool = true) {
        series = PageSeries(base: base)
        self.paged = paged
    }

    func endpoint(offset: Int) -> TestRailEndpoint {
        paged ? series.endpoint(offset: offset) : series.base
    }

    /// Whole, or known to be unavailable: nothing more will be asked.
    var isSettled: Bool { unavailable != nil || series.isComplete }
}
