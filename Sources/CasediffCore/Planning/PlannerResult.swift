import TestRailAPI

/// What the planner hands over once the run is proven complete (``FetchPlanner/finish()``): each side's project,
/// the instance's case types and priorities, which pages make up each side's definitions, and the counts for the
/// metrics.
struct PlannerResult: Sendable {
    var projects: [Side: Project]
    var caseTypes: [CaseType]
    var priorities: [Priority]
    var definitions: [Side: DefinitionChains]
    var casesFetched: Int
    var suitesDelivered: Int
    var speculativeRequests: Int
    var wastedPages: Int
}
