import Foundation
import TestRailAPI

/// Decides what to fetch next for both projects of a comparison: a pure state machine fed with unit outcomes.
///
/// It sizes every project and suite from what pages reveal (TestRail sends no totals) and from ``SizeHints``, and
/// emits page units into one ``WorkQueue``. It is regime-aware:
///
/// | regime                           | when                                  | what it dispatches                        |
/// |----------------------------------|---------------------------------------|-------------------------------------------|
/// | rate-bound                       | rate × latency < concurrency          | only pages known to exist: `next` links   |
/// | latency-bound, cold              | the rate does not bind                | also speculative pages ahead of the chain, |
/// |                                  |                                       | only into idle slots, window doubling     |
/// | hinted                           | a hint gives the suite's size         | every hinted page at once, end verified   |
///
/// A speculative window for a suite is as many pages as the suite has shown full pages (1, 2, 4, … like TCP slow
/// start), so the waste is at most the pages dispatched past the end of the largest suites.
public struct FetchPlanner: Sendable {
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

        public init(
            concurrency: Int, speculation: Bool = true, instance: String, suites: SuiteFilter = .init(),
            alwaysFetchUsers: Bool = false
        ) {
            self.suites = suites
            self.alwaysFetchUsers = alwaysFetchUsers
            self.concurrency = max(1, concurrency)
            self.speculation = speculation
            self.instance = instance
        }
    }

    struct SuiteKey: Hashable, Sendable, Comparable {
        var side: Side
        var suiteID: Int

        static func < (lhs: SuiteKey, rhs: SuiteKey) -> Bool { (lhs.side, lhs.suiteID) < (rhs.side, rhs.suiteID) }
    }

    struct ProjectState: Sendable {
        var reference: ProjectReference
        var projectID: Int?
        var project: Project?
        var listing: PageSeries?
        var listed: [Int: Suite] = [:]
        /// A listing error held until the project's own answer says which error to report.
        var parkedListingError: CasediffError?
    }

    struct SuiteState: Sendable {
        /// Nil while the suite is known only from a hint, before the project's listing confirms it.
        var suite: Suite?
        var sections: PageSeries
        var cases: PageSeries
        var hinted: Bool
        var delivered = false
        /// A page error held until the listing says whether the suite exists.
        var parkedError: CasediffError?
        var speculativeInFlight = 0
    }

    /// What one outcome changed, for the aggregator.
    struct Progress: Sendable {
        /// The payload belongs to a live suite or list and should be kept.
        var keep = true
        /// Suites whose every page is now in, in order.
        var completed: [SuiteKey] = []
        /// Suites that turned out not to exist (stale hints); drop their pages.
        var discarded: [SuiteKey] = []
    }

    public let configuration: Configuration
    let hints: any SizeHints
    /// The sides this planner fetches.
    let sides: [Side]
    private(set) var projects: [Side: ProjectState]
    private(set) var suites: [SuiteKey: SuiteState] = [:]
    var queue = WorkQueue()
    private var projectList: PageSeries?
    private var listedProjects: [Int: Project] = [:]
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
    private(set) var wastedPages = 0
    private(set) var speculativeRequests = 0
    private(set) var casesFetched = 0
    private(set) var suitesDelivered = 0
    private var speculativeInFlight = 0

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
        var needsProjectList = false
        for side in sides {
            switch projects[side]!.reference {
            case .id(let id):
                queue.push(WorkUnit(kind: .project(side), endpoint: .getProject(id)), rank: .listing, weight: 0)
                startProject(side, id: id)
            case .name:
                needsProjectList = true
            }
        }
        if needsProjectList {
            projectList = PageSeries(base: .getProjects())
            enqueueProjectList()
        }
    }

    // MARK: Dispatch

    /// The next unit to send, or nil when nothing is ready. `rateBound` says whether the rate limit, not latency,
    /// bounds the run: then no request is spent on speculation.
    mutating func nextUnit(rateBound: Bool) -> WorkUnit? {
        while let unit = queue.pop() {
            if !isStale(unit) { return unit }
        }
        guard configuration.speculation, !rateBound, speculativeInFlight < configuration.concurrency else {
            return nil
        }
        return speculativeUnit()
    }

    private func isStale(_ unit: WorkUnit) -> Bool {
        switch unit.kind {
        case .sections(let side, let suiteID), .cases(let side, let suiteID):
            guard let state = suites[SuiteKey(side: side, suiteID: suiteID)] else { return true }
            let series: PageSeries
            if case .sections = unit.kind { series = state.sections } else { series = state.cases }
            if series.isComplete { return true }
            if let end = series.knownEnd, unit.offset > 0, unit.offset >= end { return true }
            return false
        default:
            return false
        }
    }

    private mutating func speculativeUnit() -> WorkUnit? {
        let candidates = suites.filter { _, state in
            state.suite != nil && state.cases.knownEnd == nil && state.cases.fullPages > 0
                && state.speculativeInFlight < state.cases.fullPages
        }
        guard
            let (key, _) = candidates.max(by: { a, b in
                (a.value.cases.fullPages, b.key) < (b.value.cases.fullPages, a.key)
            }), var state = suites[key], let offset = state.cases.speculativeOffsets(count: 1).first
        else { return nil }
        state.cases.markRequested(offset)
        state.speculativeInFlight += 1
        suites[key] = state
        speculativeInFlight += 1
        speculativeRequests += 1
        return WorkUnit(
            kind: .cases(key.side, suiteID: key.suiteID), endpoint: state.cases.endpoint(offset: offset),
            offset: offset, speculative: true)
    }

    // MARK: Outcomes

    /// Takes one finished unit; throws ``CasediffError`` when the run cannot go on (wrong credentials, an unknown
    /// project, a 400 on a page).
    mutating func handle(_ outcome: UnitOutcome) throws -> Progress {
        let unit = outcome.unit
        if unit.speculative {
            speculativeInFlight -= 1
            if case .cases(let side, let suiteID) = unit.kind {
                suites[SuiteKey(side: side, suiteID: suiteID)]?.speculativeInFlight -= 1
            }
        }
        switch outcome.result {
        case .success(let payload):
            return try accept(payload, for: unit)
        case .failure(let error):
            return try reject(error, for: unit)
        }
    }

    private mutating func accept(_ payload: UnitPayload, for unit: WorkUnit) throws -> Progress {
        var progress = Progress()
        switch (unit.kind, payload) {
        case (.project(let side), .project(let project)):
            projects[side]!.project = project
            if let parked = projects[side]!.parkedListingError {
                throw parked
            }
        case (.projectList, .projects(let page)):
            guard var series = projectList, let shape = PageShape(payload) else { break }
            series.record(offset: unit.offset, shape)
            projectList = series
            for project in page.items { listedProjects[project.id] = project }
            enqueueProjectList()
            if series.isComplete { try resolveNames() }
        case (.caseTypes, .caseTypes(let types)):
            caseTypes = types
        case (.priorities, .priorities(let list)):
            priorities = list
        case (.caseFields, .caseFields), (.templates, .templates), (.milestones, .milestones),
            (.sharedSteps, .sharedSteps), (.users, .users):
            progress.keep = acceptDefinition(payload, for: unit)
        case (.suites(let side), .suites(let page)):
            guard var state = projects[side], var listing = state.listing, let shape = PageShape(payload),
                let projectID = state.projectID
            else { break }
            listing.record(offset: unit.offset, shape)
            state.listing = listing
            for suite in page.items { state.listed[suite.id] = suite }
            projects[side] = state
            for suite in page.items {
                let key = SuiteKey(side: side, suiteID: suite.id)
                if suites[key] != nil {
                    suites[key]!.suite = suite
                    if let parked = suites[key]!.parkedError {
                        throw parked
                    }
                } else if configuration.suites.matches(suite.name) {
                    createSuite(key, projectID: projectID, suite: suite, hint: nil)
                }
            }
            enqueueListing(side)
            if listing.isComplete {
                try checkSuiteFilter()
                for (key, suite) in suites where key.side == side && suite.suite == nil {
                    wastedPages += suite.sections.received.count + suite.cases.received.count
                    suites[key] = nil
                    progress.discarded.append(key)
                }
            }
            progress.completed = completions(side: side)
        case (.sections(let side, let suiteID), .sections), (.cases(let side, let suiteID), .cases):
            let key = SuiteKey(side: side, suiteID: suiteID)
            guard var state = suites[key], let shape = PageShape(payload) else {
                wastedPages += 1
                progress.keep = false
                break
            }
            if case .sections = unit.kind {
                state.sections.record(offset: unit.offset, shape)
            } else {
                state.cases.record(offset: unit.offset, shape)
            }
            suites[key] = state
            enqueueSuitePages(key)
            progress.completed = completions(side: side)
        default:
            throw CasediffError.request(
                .malformedResponse("unexpected answer to \(unit.endpoint)"), context: unit.key.activity)
        }
        return progress
    }

    private mutating func reject(_ error: TestRailError, for unit: WorkUnit) throws -> Progress {
        var progress = Progress()
        progress.keep = false
        if error == .cancelled { throw CancellationError() }
        let context = unit.key.activity
        switch unit.kind {
        case .project(let side):
            if case .badRequest = error {
                throw CasediffError.unknownProject(
                    projects[side]!.reference, instance: configuration.instance)
            }
            throw CasediffError.request(error, context: context)
        case .projectList, .caseTypes, .priorities:
            throw CasediffError.request(error, context: context)
        case .caseFields, .templates, .milestones, .sharedSteps, .users:
            try rejectDefinition(error, for: unit, context: context)
        case .suites(let side):
            if projects[side]!.project == nil, case .badRequest = error,
                case .id = projects[side]!.reference
            {
                // The project itself may not exist; its own answer decides which error to report.
                projects[side]!.parkedListingError = .request(error, context: context)
                return progress
            }
            guard error.isRetryable else { throw CasediffError.request(error, context: context) }
            projects[side]!.listing?.recordFailure(offset: unit.offset)
            failures.append(FetchFailure(side: side, unit: unit, error: error))
        case .sections(let side, let suiteID), .cases(let side, let suiteID):
            let key = SuiteKey(side: side, suiteID: suiteID)
            guard var state = suites[key] else {
                wastedPages += 1
                return progress
            }
            if unit.speculative, !Self.endsTheRun(error) {
                // A speculative page that failed proves nothing; if it is needed it will be asked again.
                state.cases.unmarkRequested(unit.offset)
                wastedPages += 1
                suites[key] = state
                enqueueSuitePages(key)
                return progress
            }
            if state.suite == nil, !Self.endsTheRun(error) {
                // A hinted suite not yet confirmed by the listing: it may simply no longer exist.
                state.parkedError = .request(error, context: context)
                suites[key] = state
                return progress
            }
            guard error.isRetryable else { throw CasediffError.request(error, context: context) }
            if case .sections = unit.kind {
                state.sections.recordFailure(offset: unit.offset)
            } else {
                state.cases.recordFailure(offset: unit.offset)
            }
            suites[key] = state
            failures.append(FetchFailure(side: side, unit: unit, error: error))
        }
        return progress
    }

    /// Errors that no other request would escape: the credentials or the API itself.
    private static func endsTheRun(_ error: TestRailError) -> Bool {
        switch error {
        case .unauthorized, .forbidden, .notFound: return true
        default: return false
        }
    }

    // MARK: Planning

    private mutating func startProject(_ side: Side, id: Int) {
        projects[side]!.projectID = id
        projects[side]!.listing = PageSeries(base: .getSuites(projectID: id))
        enqueueListing(side)
        startDefinitions(side, projectID: id)
        // With --suite, hinted suites wait for the listing: a hint carries no name to filter by.
        guard configuration.suites.isEmpty else { return }
        for hint in hints.suites(instance: configuration.instance, projectID: id) ?? [] {
            let key = SuiteKey(side: side, suiteID: hint.suiteID)
            if suites[key] == nil {
                createSuite(key, projectID: id, suite: nil, hint: hint)
            }
        }
    }

    /// Once both projects' suites are listed, a `--suite` name neither has ends the run.
    private func checkSuiteFilter() throws {
        guard !configuration.suites.isEmpty,
            sides.allSatisfy({ projects[$0]?.listing?.isComplete == true })
        else { return }
        try configuration.suites.check(available: sides.flatMap { projects[$0]!.listed.values.map(\.name) })
    }

    private mutating func resolveNames() throws {
        for side in sides {
            guard case .name(let name) = projects[side]!.reference else { continue }
            let project = try ProjectNameResolver.resolve(
                name, among: Array(listedProjects.values), instance: configuration.instance)
            projects[side]!.project = project
            startProject(side, id: project.id)
        }
    }

    private mutating func createSuite(_ key: SuiteKey, projectID: Int, suite: Suite?, hint: SuiteSizeHint?) {
        let hint =
            hint
            ?? hints.suites(instance: configuration.instance, projectID: projectID)?.first {
                $0.suiteID == key.suiteID
            }
        suites[key] = SuiteState(
            suite: suite,
            sections: PageSeries(
                base: .getSections(projectID: projectID, suiteID: key.suiteID), expectedItems: hint?.sections),
            cases: PageSeries(base: .getCases(projectID: projectID, suiteID: key.suiteID), expectedItems: hint?.cases),
            hinted: hint != nil)
        enqueueSuitePages(key)
    }

    private mutating func enqueueProjectList() {
        guard var series = projectList else { return }
        for offset in series.neededOffsets {
            series.markRequested(offset)
            queue.push(
                WorkUnit(kind: .projectList, endpoint: series.endpoint(offset: offset), offset: offset),
                rank: .listing, weight: 0)
        }
        projectList = series
    }

    private mutating func enqueueListing(_ side: Side) {
        guard var series = projects[side]?.listing else { return }
        for offset in series.neededOffsets {
            series.markRequested(offset)
            queue.push(
                WorkUnit(kind: .suites(side), endpoint: series.endpoint(offset: offset), offset: offset),
                rank: .listing, weight: 0)
        }
        projects[side]!.listing = series
    }

    private mutating func enqueueSuitePages(_ key: SuiteKey) {
        guard var state = suites[key] else { return }
        let weight = state.cases.remainingWeight + state.sections.remainingWeight
        for offset in state.cases.neededOffsets {
            state.cases.markRequested(offset)
            // A cold suite's first page is how its size is discovered: it goes with the listings.
            let rank: QueuedUnit.Rank = offset == 0 && !state.hinted ? .listing : .page
            queue.push(
                WorkUnit(
                    kind: .cases(key.side, suiteID: key.suiteID), endpoint: state.cases.endpoint(offset: offset),
                    offset: offset),
                rank: rank, weight: weight)
        }
        for offset in state.sections.neededOffsets {
            state.sections.markRequested(offset)
            queue.push(
                WorkUnit(
                    kind: .sections(key.side, suiteID: key.suiteID),
                    endpoint: state.sections.endpoint(offset: offset), offset: offset),
                rank: .page, weight: weight)
        }
        suites[key] = state
    }

    private mutating func completions(side: Side) -> [SuiteKey] {
        var done: [SuiteKey] = []
        for key in suites.keys.sorted() where key.side == side {
            let state = suites[key]!
            guard !state.delivered, state.suite != nil, state.sections.isComplete, state.cases.isComplete else {
                continue
            }
            suites[key]!.delivered = true
            suitesDelivered += 1
            casesFetched += state.cases.itemsOnChain
            wastedPages += state.cases.wastedPages + state.sections.wastedPages
            done.append(key)
        }
        return done
    }

    // MARK: Results

    /// The suite and the page offsets (in chain order) that make up a completed suite.
    func chains(of key: SuiteKey) -> (suite: Suite, sections: [Int], cases: [Int])? {
        guard let state = suites[key], let suite = state.suite else { return nil }
        return (suite, state.sections.chain.offsets, state.cases.chain.offsets)
    }

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
            throw CasediffError.incomplete(failures.sorted { $0.description < $1.description })
        }
        guard isComplete else {
            throw CasediffError.incomplete([])
        }
    }

    /// A resolved project.
    func project(_ side: Side) -> Project? { projects[side]?.project }
}
