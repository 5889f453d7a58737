import TestRailAPI

/// Holds every page's items until its suite is complete, then hands over the reassembled suite. It is fed one way,
/// by what the planner hands over: each outcome with the planner's update for it (``take(_:_:)``), and at the end
/// the definitions' chains from the planner's result (``definitions(_:_:)``).
struct ResultAggregator: Sendable {
    private var sections: [SuiteKey: [Int: [Section]]] = [:]
    private var cases: [SuiteKey: [Int: [TestCase]]] = [:]
    private var templates: [Side: [Template]] = [:]
    private var milestones: [Side: [Int: [Milestone]]] = [:]
    private var sharedSteps: [Side: [Int: [SharedStepSet]]] = [:]
    /// Keyed by side for `get_users/<project>`, nil for `get_users` (every user of the instance).
    private var users: [Side?: [Int: [User]]] = [:]
    private(set) var duplicates = 0

    /// Takes one outcome and what the planner made of it: keeps its payload if the planner does, drops the suites the
    /// planner discarded, and returns the suites the planner completed, put together.
    mutating func take(_ outcome: UnitOutcome, _ update: PlannerUpdate) -> [(side: Side, suite: SuiteData)] {
        if update.keep, case .success(let payload) = outcome.result {
            store(payload, for: outcome.unit)
        }
        for key in update.discarded {
            discard(key)
        }
        return update.completed.map { (side: $0.key.side, suite: assemble($0)) }
    }

    mutating func store(_ outcome: UnitPayload, for unit: WorkUnit) {
        switch (unit.kind, outcome) {
        case (.sections(let side, let suiteID), .sections(let page)):
            sections[SuiteKey(side: side, suiteID: suiteID), default: [:]][page.isLegacy ? 0 : unit.offset] =
                page.items
        case (.cases(let side, let suiteID), .cases(let page)):
            cases[SuiteKey(side: side, suiteID: suiteID), default: [:]][page.isLegacy ? 0 : unit.offset] = page.items
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
    mutating func assemble(_ completion: SuiteCompletion) -> SuiteData {
        let sectionPages = sections.removeValue(forKey: completion.key) ?? [:]
        let casePages = cases.removeValue(forKey: completion.key) ?? [:]
        // A single page is the list itself: no copy.
        func joined<Item>(_ offsets: [Int], _ pages: [Int: [Item]]) -> [Item] {
            offsets.count == 1 ? pages[offsets[0]] ?? [] : offsets.flatMap { pages[$0] ?? [] }
        }
        let result = SuiteAssembler.assemble(
            suite: completion.suite, sections: joined(completion.sectionOffsets, sectionPages),
            cases: joined(completion.caseOffsets, casePages))
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
    mutating func discard(_ key: SuiteKey) {
        sections[key] = nil
        cases[key] = nil
    }
}
