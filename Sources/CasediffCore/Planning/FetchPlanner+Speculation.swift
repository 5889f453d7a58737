/// Speculative pages: when the rate does not bind, idle request slots go to pages ahead of a cold suite's chain.
/// A suite's window is as many pages as it has shown full pages (1, 2, 4, … like TCP slow start), so the waste is
/// at most the pages dispatched past the end of the largest suites.
extension FetchPlanner {
    /// The most promising page ahead of a chain: the suite with the most full pages so far, within its window.
    mutating func speculativeUnit() -> WorkUnit? {
        guard let key = speculationCandidate(), var state = suites[key],
            let offset = state.cases.speculativeOffsets(count: 1).first
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

    /// The suite a speculative page would be sent for: the one with the most full pages, within its window.
    func speculationCandidate() -> SuiteKey? {
        let candidates = suites.filter { _, state in
            state.suite != nil && state.cases.knownEnd == nil && state.cases.fullPages > 0
                && state.speculativeInFlight < state.cases.fullPages
        }
        return candidates.max(by: { a, b in
            (a.value.cases.fullPages, b.key) < (b.value.cases.fullPages, a.key)
        })?.key
    }

    /// A speculative unit came back (answered or failed): its slot in the windows is free again.
    mutating func speculationEnded(_ unit: WorkUnit) {
        speculativeInFlight -= 1
        if case .cases(let side, let suiteID) = unit.kind {
            suites[SuiteKey(side: side, suiteID: suiteID)]?.speculativeInFlight -= 1
        }
    }

    /// A speculative page that failed proves nothing: it is given back and asked again if it is needed.
    mutating func withdrawSpeculation(_ unit: WorkUnit, key: SuiteKey) {
        guard var state = suites[key] else { return }
        state.cases.unmarkRequested(unit.offset)
        wastedPages += 1
        suites[key] = state
        enqueueSuitePages(key)
    }
}
