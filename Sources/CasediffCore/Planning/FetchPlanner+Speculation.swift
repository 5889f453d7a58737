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

    /// The suite a speculative page would be sent for, among those within their window: a suite whose namesake on
    /// the other side is already whole first of all, then the largest pair (by full pages so far), and in it the
    /// side that lags by ``balancingLag`` full pages or more.
    ///
    /// A suite is compared (and its memory let go) only once its namesake is whole too, so a pair's two suites
    /// should finish together: without this the side that got ahead would take every speculative slot (its window
    /// grows with its full pages) while its namesake waited, and both would be held for longer (in R6, seconds per
    /// pair). Only the order of speculative pages changes, not their window.
    func speculationCandidate() -> SuiteKey? {
        let candidates = suites.filter { _, state in
            state.suite != nil && state.cases.knownEnd == nil && state.cases.fullPages > 0
                && state.speculativeInFlight < state.cases.fullPages
        }
        guard !candidates.isEmpty else { return nil }
        // Each side's suites by trimmed name: (full pages so far, whole).
        var byName: [Side: [String: (fullPages: Int, whole: Bool)]] = [:]
        for (key, state) in suites {
            guard let name = state.suite?.trimmedName else { continue }
            byName[key.side, default: [:]][name] = (state.cases.fullPages, state.delivered)
        }
        func score(_ key: SuiteKey, _ state: SuiteState) -> (Int, Int, Int) {
            let own = state.cases.fullPages
            let other = key.side == .left ? Side.right : .left
            guard let name = state.suite?.trimmedName, let partner = byName[other]?[name] else {
                return (0, own, 0)
            }
            if partner.whole { return (1, own, 0) }
            let lag = partner.fullPages - own
            return (0, max(own, partner.fullPages), lag >= Self.balancingLag ? lag : 0)
        }
        return candidates.max(by: { a, b in
            let (sa, sb) = (score(a.key, a.value), score(b.key, b.value))
            return sa != sb ? sa < sb : a.key > b.key
        })?.key
    }

    /// A suite lagging its namesake by at least this many full pages goes first; a smaller lag leaves the ties to
    /// the order of keys (each step of balancing costs speculative pages on both sides of the pair).
    static let balancingLag = 2

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
