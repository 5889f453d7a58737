import TestRailAPI

/// The projects of a comparison: named by id (`get_project`) or by name (`get_projects`, then
/// ``ProjectNameResolver``), and each project's suite listing (`get_suites`), which confirms or drops hinted suites
/// and starts the rest.
extension FetchPlanner {
    /// Queues each side's project: its own call when named by id, the project list when any side is named by name.
    mutating func startProjects() {
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

    /// A side's project is known: list its suites and definitions, and start the suites the hints know.
    mutating func startProject(_ side: Side, id: Int) {
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

    mutating func acceptProject(_ project: Project, side: Side) throws {
        projects[side]!.project = project
        if let parked = projects[side]!.parkedListingError {
            throw parked
        }
    }

    mutating func acceptProjectList(_ page: Page<Project>, at offset: Int) throws {
        guard var series = projectList else { return }
        series.record(offset: offset, PageShape(page))
        projectList = series
        for project in page.items { listedProjects[project.id] = project }
        enqueueProjectList()
        if series.isComplete { try resolveNames() }
    }

    /// Takes a page of a side's suite listing; returns the hinted suites it proved gone once the listing is whole.
    mutating func acceptListing(_ page: Page<Suite>, side: Side, at offset: Int) throws -> [SuiteKey] {
        guard var state = projects[side], var listing = state.listing, let projectID = state.projectID else {
            return []
        }
        listing.record(offset: offset, PageShape(page))
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
        guard listing.isComplete else { return [] }
        try checkSuiteFilter()
        var discarded: [SuiteKey] = []
        for (key, suite) in suites where key.side == side && suite.suite == nil {
            wastedPages += suite.sections.received.count + suite.cases.received.count
            suites[key] = nil
            discarded.append(key)
        }
        return discarded
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
}
