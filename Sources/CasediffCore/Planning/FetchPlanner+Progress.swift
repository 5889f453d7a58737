import TestRailAPI

extension FetchPlanner {
    /// One side's progress for the live display: suites, cases and pages done, and the plan as far as it is known.
    func progress(_ side: Side) -> SideProgress {
        let state = projects[side]
        let name = state?.project.map { "P\($0.id) \($0.name)" } ?? state.map { "\($0.reference)" } ?? "?"
        var progress = SideProgress(project: name)
        let listed = state?.listing?.isComplete ?? false
        var suiteCount = 0
        var expected: Int? = 0
        for (key, suite) in suites where key.side == side {
            suiteCount += 1
            if suite.delivered { progress.suitesDone += 1 }
            progress.cases += suite.cases.itemsOnChain
            progress.pages += suite.cases.received.count + suite.sections.received.count
            progress.pagesPlanned += suite.cases.plannedPages + suite.sections.plannedPages
            if let total = suite.cases.expectedTotal, let sum = expected {
                expected = sum + total
            } else {
                expected = nil
            }
        }
        if listed {
            progress.suitesTotal = suiteCount
            progress.casesExpected = expected
        }
        return progress
    }

    /// Every side's progress.
    func progressReport(limitPerMinute: Double?) -> FetchProgressReport {
        FetchProgressReport(
            sides: Dictionary(uniqueKeysWithValues: sides.map { ($0, progress($0)) }), limitPerMinute: limitPerMinute,
            instance: configuration.instance)
    }
}
