/// What casediff last knew about a suite's size, so the planner can dispatch every page at once.
public struct SuiteSizeHint: Sendable, Hashable, Codable {
    public var suiteID: Int
    public var cases: Int
    public var sections: Int

    public init(suiteID: Int, cases: Int, sections: Int) {
        self.suiteID = suiteID
        self.cases = cases
        self.sections = sections
    }
}

/// A source of size hints: the store remembers suites between runs; a run without one plans cold.
///
/// Hints are only advice. Every hinted page is verified — the suite must appear in the project's listing and the
/// last page must end the list — so a stale hint costs requests, never correctness.
public protocol SizeHints: Sendable {
    /// The suites last seen in a project, or nil when nothing is known.
    func suites(instance: String, projectID: Int) -> [SuiteSizeHint]?
}

/// No hints: every suite is sized from its pages as they arrive.
public struct NoSizeHints: SizeHints {
    public init() {}
    public func suites(instance: String, projectID: Int) -> [SuiteSizeHint]? { nil }
}

/// Hints held in memory (the benchmark's "with hints" run; tests).
public struct FixedSizeHints: SizeHints {
    public var byProject: [Int: [SuiteSizeHint]]

    public init(_ byProject: [Int: [SuiteSizeHint]]) {
        self.byProject = byProject
    }

    public func suites(instance: String, projectID: Int) -> [SuiteSizeHint]? { byProject[projectID] }
}
