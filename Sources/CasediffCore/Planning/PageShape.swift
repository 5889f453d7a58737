import TestRailAPI

/// The parts of a page the planner needs: how many items, how large pages are, what comes next.
struct PageShape: Sendable, Hashable {
    var count: Int
    var limit: Int
    var next: TestRailEndpoint?
    var isLegacy: Bool

    init(_ page: some PageEnvelope) {
        self.init(count: page.itemCount, limit: page.limit, next: page.next, isLegacy: page.isLegacy)
    }

    init(count: Int, limit: Int, next: TestRailEndpoint?, isLegacy: Bool = false) {
        self.count = count
        self.limit = limit
        self.next = next
        self.isLegacy = isLegacy
    }

    /// A payload's shape; nil for single objects and bare lists.
    init?(_ payload: UnitPayload) {
        guard let page = payload.page else { return nil }
        self.init(page)
    }
}
