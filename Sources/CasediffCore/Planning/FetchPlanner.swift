import TestRailAPI

/// Decides what to fetch next for both projects of a comparison: a pure state machine fed with unit outcomes.
///
/// It sizes every project and suite from what pages reveal (TestRail sends no totals) and from ``SizeHints``, and
/// emits page units into one ``WorkQueue``. It is regime-aware:
///
/// | regime                           | when                                  | what it dispatches                        |
/// |----------------------------------|---------------------------------------|-------------------------------------------|
/// | rate-bound                       | rate × latency ≤ concurrency          | only pages known to exist: `next` links   |
/// | latency-bound, cold              | the rate does not bind                | also speculative pages ahead of the chain, |
/// |                                  |                                       | only into idle slots, window doubling     |
/// | hinted                           | a hint gives the suite's size         | every hinted page at once, end verified   |
///
/// Its concerns live in extensions: `+Projects` (resolving projects, suite listings), `+Suites` (a suite's page
/// series and its completion), `+Speculation` (the speculative window), `+Failures` (what a final failure means),
/// `+Definitions` (fields, templates, milestones, shared steps, users) and `+Progress` (the live display).
public struct FetchPlanner: Sendable, UnitSource {
    public struct Configuration: Sendable, Hashable {
        public var concurrency: Int
        /// Allow speculative pages when the rate does not bind.
        public var speculation: Bool
        /// The instance's root, the key for size hints.
        public var instance: String
        /// Only these suites are fetched (`--suite`); a name neither project has ends the run.
        public var suites: SuiteFilter
        /// List the users even when no custom field needs them (`created_by`/`updated_by` are compared).
        public var alwaysFetchUsers: Bool
        /// Fetch the suites' cases; false when only their sections and the project's other resources are compared
        /// (`--resources` without `cases`): each suite then comes whole with its sections and no case.
        public var fetchCases: Bool

        public init(
            concurrency: Int, speculation: Bool = true, instance: String, suites: SuiteFilter = .init(),
            alwaysFetchUsers: Bool = false, fetchCases: Bool = true
        ) {
            self.fetchCases = fetchCases
            self.suites = suites
            self.alwaysFetchUsers = alwaysFetchUsers
            self.concurrency = max(1, concurrency)
            self.speculation = speculation
            self.instance = instance
        }
    }

    public let configuration: Configuration
    let hints: any SizeHints
    /// The sides this planner fetches.
    let sides: [Side]
    var projects: [Side: ProjectState]
    var suites: [SuiteKey: SuiteState] = [:]
    var queue = WorkQueue()
    /// `get_projects`, when a side names its project by name.
    var projectList: PageSeries?
    var listedProjects: [Int: Project] = [:]
    private(set) var caseTypes: [CaseType]?
    private(set) var priorities: [Priority]?
    /// The instance's custom fields (`get_case_fields`); they decide whether users must be listed.
    var caseFields: [CaseField]?
    /// Each side's definition lists (templates, milestones, shared steps, its project's users).
    var definitions: [Side: SideDefinitions] = [:]
    /// `get_users`: every user of the instance; nil until some side turns out to need users.
    var allUsers: DefinitionSeries?
    /// What could not be fetched and what the comparison falls back to, per side.
    var definitionNotes: [Side: [String]] = [:]
    var failures: [FetchFailure] = []
    /// Pages fetched that were not needed: speculation past the end, stale hints.
    var wastedPages = 0
    var speculativeRequests = 0
    var speculativeInFlight = 0
    var casesFetched = 0
    var suitesDelivered = 0

    public init(
        left: ProjectReference, right: ProjectReference, configuration: Configuration,
        hints: any SizeHints = NoSizeHints()
    ) {
        self.init(projects: [.left: left, .right: right], configuration: configuration, hints: hints)
    }

    /// A planner for the projects named (one side for a snapshot, both for a comparison).
    public init(
        projects references: [Side: ProjectReference], configuration: Configuration,
        hints: any SizeHints = NoSizeHints()
    ) {
        self.configuration = configuration
        self.hints = hints
        sides = references.keys.sorted()
        projects = references.mapValues { ProjectState(reference: $0) }
        queue.push(WorkUnit(kind: .caseTypes, endpoint: .getCaseTypes), rank: .listing, weight: 0)
        queue.push(WorkUnit(kind: .priorities, endpoint: .getPriorities), rank: .listing, weight: 0)
        queue.push(WorkUnit(kind: .caseFields, endpoint: .getCaseFields), rank: .listing, weight: 0)
        startProjects()
    }

    // MARK: Dispatch

    /// The next unit to send, or nil when nothing is ready. `rateBound` says whether the rate limit, not latency,
    /// bounds the run: then no request is spent on speculation.
    mutating func nextUnit(rateBound: Bool) -> WorkUnit? {
        while let unit = queue.pop() {
            if !isStale(unit) { return unit }
        }
        guard maySpeculate(rateBound: rateBound) else { return nil }
        return speculativeUnit()
    }

    /// Whether ``nextUnit(rateBound:)`` would give a unit now, without taking it (stale units at the front of the
    /// queue are dropped on the way): the controller asks before it waits for a permit to send one.
    mutating func hasReadyUnit(rateBound: Bool) -> Bool {
        while let unit = queue.first {
            if !isStale(unit) { return true }
            _ = queue.pop()
        }
        guard maySpeculate(rateBound: rateBound), let key = speculationCandidate() else { return false }
        return suites[key]?.cases.speculativeOffsets(count: 1).isEmpty == false
    }

    /// Speculation only when allowed, when the rate does not bind (then every request is one the floor needs) and
    /// within the concurrency.
    private func maySpeculate(rateBound: Bool) -> Bool {
        configuration.speculation && !rateBound && speculativeInFlight < configuration.concurrency
    }

    // MARK: Outcomes

    /// Takes one finished unit; throws ``CasediffError`` when the run cannot go on (wrong credentials, an unknown
    /// project, a 400 on a page).
    mutating func handle(_ outcome: UnitOutcome) throws -> PlannerUpdate {
        let unit = outcome.unit
        if unit.speculative { speculationEnded(unit) }
        switch outcome.result {
        case .success(let payload):
            return try accept(payload, for: unit)
        case .failure(let error):
            return try reject(error, for: unit)
        }
    }

    private mutating func accept(_ payload: UnitPayload, for unit: WorkUnit) throws -> PlannerUpdate {
        var update = PlannerUpdate()
        switch (unit.kind, payload) {
        case (.project(let side), .project(let project)):
            try acceptProject(project, side: side)
        case (.projectList, .projects(let page)):
            try acceptProjectList(page, at: unit.offset)
        case (.caseTypes, .caseTypes(let types)):
            caseTypes = types
        case (.priorities, .priorities(let list)):
            priorities = list
        case (.caseFields, .caseFields), (.templates, .templates), (.milestones, .milestones),
            (.sharedSteps, .sharedSteps), (.users, .users):
            update.keep = acceptDefinition(payload, for: unit)
        case (.suites(let side), .suites(let page)):
            update.discarded = try acceptListing(page, side: side, at: unit.offset)
            update.completed = completions(side: side)
        case (.sections(let side, let suiteID), .sections), (.cases(let side, let suiteID), .cases):
            update.keep = acceptSuitePage(payload, for: unit, key: SuiteKey(side: side, suiteID: suiteID))
            update.completed = completions(side: side)
        default:
            throw CasediffError.request(
                .malformedResponse("unexpected answer to \(unit.endpoint)"), context: unit.key.activity)
        }
        return update
    }

    // MARK: Results

    /// True once every project, listing and suite is complete.
    var isComplete: Bool {
        guard caseTypes != nil, priorities != nil, failures.isEmpty, definitionsSettled else { return false }
        for side in sides {
            guard let state = projects[side], state.project != nil, let listing = state.listing, listing.isComplete
            else { return false }
        }
        return suites.values.allSatisfy { $0.delivered }
    }

    /// The run's verdict once nothing is left to send: complete, or the pages that failed.
    func verifyComplete() throws {
        if !failures.isEmpty {
            throw CasediffError.incomplete(
                failures.sorted { ($0.unit.key, $0.description) < ($1.unit.key, $1.description) })
        }
        guard isComplete else {
            throw CasediffError.incomplete([])
        }
    }

    /// The run's result once nothing is left to send; throws as ``verifyComplete()`` does when it is not whole.
    func finish() throws -> PlannerResult {
        try verifyComplete()
        guard let caseTypes, let priorities else { throw CasediffError.incomplete([]) }
        var resolved: [Side: Project] = [:]
        for side in sides {
            guard let project = projects[side]?.project else { throw CasediffError.incomplete([]) }
            resolved[side] = project
        }
        return PlannerResult(
            projects: resolved, caseTypes: caseTypes, priorities: priorities,
            definitions: Dictionary(uniqueKeysWithValues: sides.map { ($0, definitionChains($0)) }),
            casesFetched: casesFetched, suitesDelivered: suitesDelivered, speculativeRequests: speculativeRequests,
            wastedPages: wastedPages)
    }
}
