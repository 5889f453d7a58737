import TestRailAPI

/// What a unit's request returned, decoded.
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

    /// Offset, item count and `next` of a page; nil for single objects.
    var pageShape: PageShape? {
        switch self {
        case .projects(let page): return PageShape(page)
        case .suites(let page): return PageShape(page)
        case .sections(let page): return PageShape(page)
        case .cases(let page): return PageShape(page)
        case .milestones(let page): return PageShape(page)
        case .sharedSteps(let page): return PageShape(page)
        case .users(let page): return PageShape(page)
        case .project, .caseTypes, .priorities, .caseFields, .templates: return nil
        }
    }
}

/// The parts of a page the planner needs: how many items, how large pages are, what comes next.
struct PageShape: Sendable, Hashable {
    var count: Int
    var limit: Int
    var next: TestRailEndpoint?
    var isLegacy: Bool

    init<Item>(_ page: Page<Item>) {
        count = page.items.count
        limit = page.limit
        next = page.next
        isLegacy = page.isLegacy
    }

    init(count: Int, limit: Int, next: TestRailEndpoint?, isLegacy: Bool = false) {
        self.count = count
        self.limit = limit
        self.next = next
        self.isLegacy = isLegacy
    }
}

/// A finished unit: its payload or the error that remained after retries.
public struct UnitOutcome: Sendable {
    public var unit: WorkUnit
    public var result: Result<UnitPayload, TestRailError>

    public init(unit: WorkUnit, result: Result<UnitPayload, TestRailError>) {
        self.unit = unit
        self.result = result
    }
}
