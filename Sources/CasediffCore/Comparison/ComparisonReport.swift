/// The result of comparing two projects: per-suite comparisons and totals, ready for any renderer.
public struct ComparisonReport: Sendable, Hashable {
    /// One compared project.
    public struct Side: Sendable, Hashable {
        public var instance: String
        public var projectID: Int
        public var projectName: String
        public var suiteMode: Int
        public var cases: Int

        public init(instance: String, projectID: Int, projectName: String, suiteMode: Int, cases: Int) {
            self.instance = instance
            self.projectID = projectID
            self.projectName = projectName
            self.suiteMode = suiteMode
            self.cases = cases
        }
    }

    public var left: Side
    public var right: Side
    /// Suites in name order.
    public var suites: [SuiteComparison]
    /// Fields the comparison looked at, in the order changes are listed.
    public var comparedFields: [String]

    public init(left: Side, right: Side, suites: [SuiteComparison], comparedFields: [String]) {
        self.left = left
        self.right = right
        self.suites = suites
        self.comparedFields = comparedFields
    }

    public var totals: StatusCounts { suites.reduce(StatusCounts()) { $0 + $1.counts } }

    public var hasDrift: Bool { totals.drift > 0 }
}
