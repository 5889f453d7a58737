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
