import TestRailAPI

/// Everything but the suites, for each side: known early in a run (``FetchPlanner/heads()``), so suites can be
/// compared as they come.
struct PlannerHeads: Sendable {
    var projects: [Side: Project]
    /// Every suite each side lists, in id order (`--suite` not applied).
    var listings: [Side: [Suite]]
    var caseTypes: [CaseType]
    var priorities: [Priority]
    var definitions: [Side: DefinitionChains]
}
