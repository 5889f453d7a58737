import Foundation

/// One project's progress, as far as the planner knows it: totals grow as listings and pages reveal the project.
public struct SideProgress: Sendable, Hashable {
    /// `P1 Shop` once resolved, else the reference given.
    public var project: String
    public var suitesDone = 0
    /// Known once the suite listing is complete.
    public var suitesTotal: Int?
    public var cases = 0
    /// Known when every suite's size is (from the store's hints or a complete chain of pages).
    public var casesExpected: Int?
    /// Section and case pages received.
    public var pages = 0
    /// Section and case pages the project takes as far as is known now (at least one more per unfinished list).
    public var pagesPlanned = 0

    public init(
        project: String, suitesDone: Int = 0, suitesTotal: Int? = nil, cases: Int = 0, casesExpected: Int? = nil,
        pages: Int = 0, pagesPlanned: Int = 0
    ) {
        self.project = project
        self.suitesDone = suitesDone
        self.suitesTotal = suitesTotal
        self.cases = cases
        self.casesExpected = casesExpected
        self.pages = pages
        self.pagesPlanned = pagesPlanned
    }

    /// True when the whole plan is known: the listing is complete and every suite's size is known.
    public var planKnown: Bool { suitesTotal != nil && casesExpected != nil }

    /// True when every suite is in.
    public var isDone: Bool { suitesTotal.map { suitesDone >= $0 } ?? false }
}
