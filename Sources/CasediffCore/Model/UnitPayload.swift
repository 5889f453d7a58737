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

    /// The payload as a page of a paged list; nil for a single object or a bare list. The one place a payload's
    /// kind says whether it is paged (the planner's ``PageShape``, the page count and the warnings all read it).
    var page: (any PageEnvelope)? {
        switch self {
        case .projects(let page): return page
        case .suites(let page): return page
        case .sections(let page): return page
        case .cases(let page): return page
        case .milestones(let page): return page
        case .sharedSteps(let page): return page
        case .users(let page): return page
        case .project, .caseTypes, .priorities, .caseFields, .templates: return nil
        }
    }
}
