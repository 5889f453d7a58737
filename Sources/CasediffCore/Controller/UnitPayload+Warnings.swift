import TestRailAPI

extension UnitPayload {
    /// Problems repaired while decoding the page, for the user.
    var warnings: [String] {
        switch self {
        case .projects(let page): return page.warnings
        case .suites(let page): return page.warnings
        case .sections(let page): return page.warnings
        case .cases(let page): return page.warnings
        case .milestones(let page): return page.warnings
        case .sharedSteps(let page): return page.warnings
        case .users(let page): return page.warnings
        case .project, .caseTypes, .priorities, .caseFields, .templates: return []
        }
    }
}
