import TestRailAPI

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

    /// A payload's shape; nil for single objects and bare lists.
    init?(_ payload: UnitPayload) {
        switch payload {
        case .projects(let page): self.init(page)
        case .suites(let page): self.init(page)
        case .sections(let page): self.init(page)
        case .cases(let page): self.init(page)
        case .milestones(let page): self.init(page)
        case .sharedSteps(let page): self.init(page)
        case .users(let page): self.init(page)
        case .project, .caseTypes, .priorities, .caseFields, .templates: return nil
        }
    }
}
