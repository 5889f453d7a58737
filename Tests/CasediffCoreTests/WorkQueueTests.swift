import TestRailAPI
import Testing

@testable import CasediffCore

/// The queue's order: listings, then the longest chains, then the largest suites, then first come first served.
@Suite struct WorkQueueTests {
    func unit(_ suiteID: Int, offset: Int = 0) -> WorkUnit {
        WorkUnit(
            kind: .cases(.left, suiteID: suiteID),
            endpoint: .getCases(projectID: 1, suiteID: suiteID, offset: offset, limit: 250), offset: offset)
    }

    /// The rows of ``QueuedUnit``'s table, pushed in the opposite order.
    @Test func theLongestKnownChainGoesBeforeFirstPagesAndHintedPages() {
        var queue = WorkQueue()
        queue.push(
            WorkUnit(kind: .sections(.left, suiteID: 5), endpoint: .getSections(projectID: 1, suiteID: 5)),
            rank: .page, chain: PageSeries.unknownSectionsChain, weight: 0)
        queue.push(unit(4, offset: 250), rank: .page, chain: 1, weight: 12)  // hinted, 12 pages
        queue.push(unit(3, offset: 250), rank: .page, chain: 2, weight: 1)  // cold, page 1 linked on
        queue.push(unit(2), rank: .page, chain: PageSeries.unknownChain, weight: 0)  // cold, nothing known
        queue.push(unit(1, offset: 1250), rank: .page, chain: 6, weight: 5)  // cold, five pages linked on
        queue.push(WorkUnit(kind: .suites(.left), endpoint: .getSuites(projectID: 1)), rank: .listing, weight: 0)
        #expect(queue.first?.label == "p1/suites/o0")
        var order: [String] = []
        while let next = queue.pop() { order.append(next.label) }
        #expect(
            order == ["p1/suites/o0", "p1/s1/o1250", "p1/s3/o250", "p1/s2/o0", "p1/s4/o250", "p1/s5/sections/o0"])
        #expect(queue.isEmpty && queue.first == nil)
    }

    @Test func equalUnitsGoInTheOrderTheyCame() {
        var queue = WorkQueue()
        for suite in 1...4 { queue.push(unit(suite), rank: .page, chain: 2, weight: 0) }
        var order: [Int] = []
        while let next = queue.pop() {
            if case .cases(_, let suiteID) = next.kind { order.append(suiteID) }
        }
        #expect(order == [1, 2, 3, 4])
    }
}
