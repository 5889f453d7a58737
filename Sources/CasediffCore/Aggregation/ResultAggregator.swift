import TestRailAPI

/// Holds every page's items until its suite is complete, then hands over the reassembled suite.
struct ResultAggregator: Sendable {
    struct SeriesKey: Hashable, Sendable {
        var side: Side
        var suiteID: Int
    }

    private var sections: [SeriesKey: [Int: [Section]]] = [:]
    private var cases: [SeriesKey: [Int: [TestCase]]] = [:]
    private var templates: [Side: [Template]] = [:]
    private var milestones: [Side: [Int: [Milestone]]] = [:]
    private var sharedSteps: [Side: [Int: [SharedStepSet]]] = [:]
    /// Keyed by side for `get_users/<project>`, nil for `get_users` (every user of the instance).
    private var users: [Side?: [Int: [User]]] = [:]
    private(set) var duplicates = 0

    mutating func store(_ outcome: UnitPayload, for unit: WorkUnit) {
        switch (unit.kind, outcome) {
        case (.sections(let side, let suiteID), .sections(let page)):
            sections[SeriesKey(side: side, suiteID: suiteID), default: [:]][page.isLegacy ? 0 : unit.offset] =
                page.items
        case (.cases(let side, let suiteID), .cases(let page)):
            cases[SeriesKey(side: side, suiteID: suiteID), default: [:]][page.isLegacy ? 0 : unit.offset] = page.items
        case (.templates(let side), .templates(let list)):
            templates[side] = list
        case (.milestones(let side), .milestones(let page)):
            milestones[side, default: [:]][page.isLegacy ? 0 : unit.offset] = page.items
        case (.sharedSteps(let side), .sharedSteps(let page)):
            sharedSteps[side, default: [:]][page.isLegacy ? 0 : unit.offset] = page.items
        case (.users(let side), .users(let page)):
            users[side, default: [:]][page.isLegacy ? 0 : unit.offset] = page.items
        default:
            break
        }
    }

    /// The suite from the pages on its chains (in chain order); frees their memory.
    mutating func assemble(
        side: Side, suite: Suite, sectionOffsets: [Int], caseOffsets: [Int]
    ) -> SuiteData {
        let key = SeriesKey(side: side, suiteID: suite.id)
        let sectionPages = sections.removeValue(forKey: key) ?? [:]
        let casePages = cases.removeValue(forKey: key) ?? [:]
        // A single page is the list itself: no copy.
        func joined<Item>(_ offsets: [Int], _ pages: [Int: [Item]]) -> [Item] {
            offsets.count == 1 ? pages[offsets[0]] ?? [] : offsets.flatMap { pages[$0] ?? [] }
        }
        let result = SuiteAssembler.assemble(
            suite: suite, sections: joined(sectionOffsets, sectionPages), cases: joined(caseOffsets, casePages))
        duplicates += result.duplicates
        return result.data
    }

    /// A side's definitions from the pages on their chains (in chain order).
    func definitions(_ side: Side, _ chains: DefinitionChains) -> ProjectDefinitions {
        func joined<Item>(_ offsets: [Int]?, _ pages: [Int: [Item]]?) -> [Item]? {
            offsets.map { $0.flatMap { pages?[$0] ?? [] } }
        }
        return ProjectDefinitions(
            caseFields: chains.caseFields, templates: chains.templates ? templates[side] ?? [] : nil,
            milestones: joined(chains.milestones, milestones[side]),
            users: chains.users.flatMap { joined($0.offsets, users[$0.side]) },
            sharedSteps: joined(chains.sharedSteps, sharedSteps[side]), notes: chains.notes)
    }

    /// Drops what was stored for a suite that turned out not to exist (a stale hint).
    mutating func discard(side: Side, suiteID: Int) {
        let key = SeriesKey(side: side, suiteID: suiteID)
        sections[key] = nil
        cases[key] = nil
    }
}
