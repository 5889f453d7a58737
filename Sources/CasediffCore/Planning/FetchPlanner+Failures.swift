import TestRailAPI

/// What a unit's final failure (after the executor's retries) means for the run:
///
/// | failure                                   | on                                  | outcome                            |
/// |-------------------------------------------|-------------------------------------|------------------------------------|
/// | 400                                       | `get_project`                       | unknown project, exit 2            |
/// | 400                                       | `get_suites` before the project     | held until `get_project` answers   |
/// | any but 401/403/404                       | a speculative page                  | given back; asked again if needed  |
/// | any but 401/403/404                       | a page of a hinted, unlisted suite  | held until the listing answers     |
/// | retryable (5xx, 429, timeouts, cut short) | a listing or page                   | recorded: the run is incomplete    |
/// | 400/403/404                               | a definition list                   | noted; the comparison falls back   |
/// | anything else                             | anything                            | the run ends with the error        |
extension FetchPlanner {
    mutating func reject(_ error: TestRailError, for unit: WorkUnit) throws -> PlannerUpdate {
        var update = PlannerUpdate()
        update.keep = false
        if error == .cancelled { throw CancellationError() }
        let context = unit.key.activity
        switch unit.kind {
        case .project(let side):
            if case .badRequest = error {
                throw CasediffError.unknownProject(projects[side]!.reference, instance: configuration.instance)
            }
            throw CasediffError.request(error, context: context)
        case .projectList, .caseTypes, .priorities:
            throw CasediffError.request(error, context: context)
        case .caseFields, .templates, .milestones, .sharedSteps, .users:
            try rejectDefinition(error, for: unit, context: context)
        case .suites(let side):
            if projects[side]!.project == nil, case .badRequest = error, case .id = projects[side]!.reference {
                // The project itself may not exist; its own answer decides which error to report.
                projects[side]!.parkedListingError = .request(error, context: context)
                return update
            }
            guard error.isRetryable else { throw CasediffError.request(error, context: context) }
            projects[side]!.listing?.recordFailure(offset: unit.offset)
            failures.append(FetchFailure(side: side, unit: unit, error: error))
        case .sections(let side, let suiteID), .cases(let side, let suiteID):
            let key = SuiteKey(side: side, suiteID: suiteID)
            guard var state = suites[key] else {
                wastedPages += 1
                return update
            }
            if unit.speculative, !Self.endsTheRun(error) {
                withdrawSpeculation(unit, key: key)
                return update
            }
            if state.suite == nil, !Self.endsTheRun(error) {
                // A hinted suite not yet confirmed by the listing: it may simply no longer exist.
                state.parkedError = .request(error, context: context)
                suites[key] = state
                return update
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
        return update
    }

    /// Errors that no other request would escape: the credentials or the API itself.
    static func endsTheRun(_ error: TestRailError) -> Bool {
        switch error {
        case .unauthorized, .forbidden, .notFound: return true
        default: return false
        }
    }
}
