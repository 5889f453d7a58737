import TestRailAPI

/// What a unit's request returned, decoded: the currency every stage after the page source trades in (the planner
/// reads its shape, the cache stores it, the aggregator files its items).
public enum UnitPayload: Sendable {
    case project(Project)
    case projects(Page<Project>)
    case caseTypes([CaseType])
    case priorities([Priority])
    case caseFields([CaseField])
    case templates([Template])
    case milestones(Page<Milestone>)
    case sharedSteps(Page<SharedStepSet>)
    case users(Page<User>)
    case suites(Page<Suite>)
    case sections(Page<Section>)
    case cases(Page<TestCase>)

    /// A page of a paged list (not a single object or a bare list).
    var isPage: Bool {
        switch self {
        case .projects, .suites, .sections, .cases, .milestones, .sharedSteps, .users: return true
        case .project, .caseTypes, .priorities, .caseFields, .templates: return false
        }
    }
}
