import TestRailAPI

/// A suite's two page series (sections and cases): created from the listing or a hint, their pages queued longest
/// chain first, recorded as they come, and the suite handed on once both chains are whole.
extension FetchPlanner {
    mutating func createSuite(_ key: SuiteKey, projectID: Int, suite: Suite?, hint: SuiteSizeHint?) {
        let hint =
            hint
            ?? hints.suites(instance: configuration.instance, projectID: projectID)?.first {
                $0.suiteID == key.suiteID
            }
        var cases = PageSeries(
            base: .getCases(projectID: projectID, suiteID: key.suiteID),
            expectedItems: configuration.fetchCases ? hint?.cases : 0)
        // Cases not wanted: their list is whole and empty before anything is asked.
        if !configuration.fetchCases { cases.record(offset: 0, PageShape(count: 0, limit: 0, next: nil)) }
        suites[key] = SuiteState(
            suite: suite,
            sections: PageSeries(
                base: .getSections(projectID: projectID, suiteID: key.suiteID), expectedItems: hint?.sections,
                unknownChain: PageSeries.unknownSectionsChain),
            cases: cases, hinted: hint != nil)
        enqueueSuitePages(key)
    }

    /// Records a section or case page; false when its suite is gone (the page is not kept).
    mutating func acceptSuitePage(_ payload: UnitPayload, for unit: WorkUnit, key: SuiteKey) -> Bool {
        guard var state = suites[key], let shape = PageShape(payload) else {
            wastedPages += 1
            return false
        }
        if case .sections = unit.kind {
            state.sections.record(offset: unit.offset, shape)
        } else {
            state.cases.record(offset: unit.offset, shape)
        }
        suites[key] = state
        enqueueSuitePages(key)
        return true
    }

    /// A page no longer worth sending: its suite is gone or whole, or it lies past the suite's known end.
    func isStale(_ unit: WorkUnit) -> Bool {
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

    /// Queues the suite's pages known to be needed, each with its own list's chain (``PageSeries/remainingChain``)
    /// and the suite's remaining pages as weight: the longest chains first, then the largest suites.
    mutating func enqueueSuitePages(_ key: SuiteKey) {
        guard var state = suites[key] else { return }
        let weight = state.cases.remainingWeight + state.sections.remainingWeight
        let casesChain = state.cases.remainingChain
        for offset in state.cases.neededOffsets {
            state.cases.markRequested(offset)
            queue.push(
                WorkUnit(
                    kind: .cases(key.side, suiteID: key.suiteID), endpoint: state.cases.endpoint(offset: offset),
                    offset: offset),
                rank: .page, chain: casesChain, weight: weight)
        }
        let sectionsChain = state.sections.remainingChain
        for offset in state.sections.neededOffsets {
            state.sections.markRequested(offset)
            queue.push(
                WorkUnit(
                    kind: .sections(key.side, suiteID: key.suiteID),
                    endpoint: state.sections.endpoint(offset: offset), offset: offset),
                rank: .page, chain: sectionsChain, weight: weight)
        }
        suites[key] = state
    }

    /// The side's suites that are now whole and not yet handed on, in order, with their chains.
    mutating func completions(side: Side) -> [SuiteCompletion] {
        var done: [SuiteCompletion] = []
        for key in suites.keys.sorted() where key.side == side {
            let state = suites[key]!
            guard !state.delivered, let suite = state.suite, state.sections.isComplete, state.cases.isComplete
            else { continue }
            suites[key]!.delivered = true
            suitesDelivered += 1
            casesFetched += state.cases.itemsOnChain
            wastedPages += state.cases.wastedPages + state.sections.wastedPages
            done.append(
                SuiteCompletion(
                    key: key, suite: suite, sectionOffsets: state.sections.chain.offsets,
                    caseOffsets: state.cases.chain.offsets))
        }
        return done
    }
}
